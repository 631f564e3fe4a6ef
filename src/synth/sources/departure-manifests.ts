import { rates } from '../noise.js';
import { passportOn } from '../person.js';
import { dateColumn, defineSource, YEARS } from './source-definition.js';

const F = 'DD.MM.YYYY';

/** Outbound passenger manifests that carriers transmit before departure. */
export const departureManifests = defineSource({
  id: 'departure-manifests',
  name: 'Departure manifests (APIS)',
  stem: 'apis_departure_manifests',
  description: 'Passengers on departing commercial and removal flights as carriers transmit them from the passport’s machine-readable zone: flight, port, destination and travel document.',
  registration: {
    legalAuthority: 'INA § 231, 8 U.S.C. § 1221; 19 CFR § 122.75a',
    purposes: ['identity-resolution', 'departure-verification', 'removal-logistics', 'data-quality', 'challenge-and-correction', 'oversight-audit'],
    category: 'departure-manifests',
    retentionDays: 15 * YEARS,
  },
  columns: ['manifest_id', 'carrier', 'flight_number', 'departure_date', 'departure_port', 'destination_country', 'surname', 'given_names', 'birth_date',
    'gender', 'nationality', 'document_type', 'document_number', 'document_country', 'document_expiry'],
  dateFormat: F,
  mapping: {
    version: 1,
    recordKey: 'manifest_id',
    fields: {
      'name.surname': 'surname', 'name.given': 'given_names', dateOfBirth: dateColumn('birth_date', F), sex: { column: 'gender', transform: 'sex' },
      citizenships: { column: 'nationality', transform: 'list', separator: ';' },
    },
    documents: [{ kind: 'passport', number: { column: 'document_number', transform: 'document-number' }, issuingCountry: 'document_country', expiresOn: dateColumn('document_expiry', F) }],
    events: [{ kind: 'departure', fields: { date: dateColumn('departure_date', F), evidence: { const: 'manifest' }, port: 'departure_port', carrier: 'carrier', flight: 'flight_number' } }],
  },
  names: { style: 'upper-ascii', layout: 'given-with-middle', surnameJoin: ' ', fnu: true, fromPassport: true },
  errors: rates({ typo: 0.003, 'date-swap': 0.002, 'date-typo': 0.001, missing: 0.01, transliteration: 0.005, 'name-order': 0.003, 'surname-dropped': 0.02, ocr: 0.004 }),
  optional: ['birth_date', 'document_expiry'],
  render(e, w, id) {
    const p = w.person;
    const name = w.name(this.names, e.date);
    const passport = passportOn(p, e.date);
    return w.missing({
      manifest_id: id, carrier: e.carrier, flight_number: e.flight, departure_date: w.date(e.date), departure_port: e.port, destination_country: e.destination,
      surname: name.surname, given_names: name.given, birth_date: w.dob(), gender: p.sex, nationality: p.household.origin.code, document_type: 'P',
      document_number: w.doc(passport?.number ?? ''), document_country: passport?.country ?? '', document_expiry: w.date(passport?.expires),
    }, this.optional);
  },
});
