import { rates } from '../noise.js';
import { passportOn } from '../person.js';
import { dateColumn, defineSource, YEARS } from './source-definition.js';

const F = 'DD/MM/YYYY';

/** Biometric exit confirmations: a departing traveller's photo matched to the manifest gallery. */
export const biometricExit = defineSource({
  id: 'biometric-exit',
  name: 'Biometric exit confirmations',
  stem: 'biometric_exit_confirmations',
  description: 'Departures confirmed at the gate by matching a live photo 1:few against the travel-document photos of that flight’s manifest, with the match score.',
  registration: {
    legalAuthority: '8 U.S.C. §§ 1365b and 1731; 8 CFR § 215.8',
    purposes: ['identity-resolution', 'departure-verification', 'data-quality', 'challenge-and-correction', 'oversight-audit'],
    category: 'biometric-exit',
    retentionDays: 75 * YEARS,
  },
  columns: ['confirmation_id', 'capture_date', 'capture_time', 'port', 'flight_number', 'surname', 'given_name', 'birth_date', 'nationality', 'document_number', 'match_score'],
  dateFormat: F,
  mapping: {
    version: 1,
    recordKey: 'confirmation_id',
    fields: { 'name.surname': 'surname', 'name.given': 'given_name', dateOfBirth: dateColumn('birth_date', F), citizenships: { column: 'nationality', transform: 'list', separator: ';' } },
    documents: [{ kind: 'passport', number: { column: 'document_number', transform: 'document-number' }, issuingCountry: 'nationality' }],
    events: [{ kind: 'departure', fields: { date: dateColumn('capture_date', F), evidence: { const: 'biometric-exit' }, port: 'port', flight: 'flight_number' } }],
  },
  names: { style: 'upper-ascii', layout: 'given-with-middle', surnameJoin: ' ', fnu: true, fromPassport: true },
  errors: rates({ typo: 0.002, 'date-swap': 0.001, 'date-typo': 0.001, missing: 0.01, transliteration: 0.003, 'name-order': 0.002, 'surname-dropped': 0.01, ocr: 0.003 }),
  optional: ['birth_date'],
  render(e, w, id) {
    const p = w.person;
    const name = w.name(this.names, e.date);
    const passport = passportOn(p, e.date);
    return w.missing({
      confirmation_id: id, capture_date: w.date(e.date), capture_time: e.time, port: e.port, flight_number: e.flight, surname: name.surname, given_name: name.given,
      birth_date: w.dob(), nationality: p.household.origin.code, document_number: w.doc(passport?.number ?? ''), match_score: `0.${String(e.score).padStart(3, '0')}`,
    }, this.optional);
  },
});
