import { rates } from '../noise.js';
import { passportOn } from '../person.js';
import { dateColumn, defineSource, yesNo, YEARS } from './source-definition.js';

const F = 'YYYYMMDD';

/** Admissions and departures (I-94 and the entry–exit system), one row per movement. */
export const arrivalsDepartures = defineSource({
  id: 'arrivals-departures',
  name: 'Arrivals and departures (I-94)',
  stem: 'i94_arrivals_departures',
  description: 'Admissions (A) with class of admission and admitted-until date or duration of status, departures (D) built from carrier data and land-border exchanges, and new I-94 records issued when an extension or change of status is approved (U).',
  registration: {
    legalAuthority: '8 U.S.C. §§ 1365a and 1365b; 8 CFR § 235.1(h) (Form I-94)',
    purposes: ['identity-resolution', 'legal-status-determination', 'departure-verification', 'case-processing', 'data-quality', 'challenge-and-correction', 'oversight-audit'],
    category: 'travel-records',
    retentionDays: 75 * YEARS,
  },
  columns: ['record_id', 'i94_number', 'movement', 'family_name', 'first_name', 'birth_date', 'sex', 'citizenship', 'doc_type', 'doc_number', 'doc_country',
    'event_date', 'class_of_admission', 'admit_until_date', 'duration_of_status', 'port_code', 'carrier_code'],
  dateFormat: F,
  mapping: {
    version: 1,
    recordKey: 'record_id',
    fields: {
      'name.surname': 'family_name', 'name.given': 'first_name', dateOfBirth: dateColumn('birth_date', F), sex: { column: 'sex', transform: 'sex' },
      citizenships: { column: 'citizenship', transform: 'list', separator: ';' },
    },
    documents: [
      { kind: 'passport', number: { column: 'doc_number', transform: 'document-number' }, issuingCountry: 'doc_country' },
      { kind: 'arrival-record', number: { column: 'i94_number', transform: 'document-number' } },
    ],
    events: [
      {
        kind: 'arrival', when: { column: 'movement', in: ['A', 'U'] },
        fields: { date: dateColumn('event_date', F), classOfAdmission: 'class_of_admission', admitUntil: dateColumn('admit_until_date', F), durationOfStatus: yesNo('duration_of_status'), port: 'port_code', arrivalRecordNumber: 'i94_number' },
      },
      { kind: 'departure', when: { column: 'movement', in: ['D'] }, fields: { date: dateColumn('event_date', F), evidence: { const: 'departure-record' }, port: 'port_code', carrier: 'carrier_code' } },
    ],
  },
  names: { style: 'upper-ascii', layout: 'given-with-middle', surnameJoin: ' ', fnu: true, fromPassport: true },
  errors: rates({ typo: 0.01, 'date-swap': 0.004, 'date-typo': 0.003, missing: 0.01, transliteration: 0.01, 'name-order': 0.01, 'surname-dropped': 0.04, ocr: 0.008 }),
  optional: ['birth_date', 'doc_country', 'carrier_code'],
  render(e, w, id) {
    const p = w.person;
    const name = w.name(this.names, e.date);
    const passport = passportOn(p, e.date);
    return w.missing({
      record_id: id, i94_number: e.i94, movement: e.movement, family_name: name.surname, first_name: name.given, birth_date: w.dob(), sex: p.sex,
      citizenship: p.household.origin.code, doc_type: 'P', doc_number: w.doc(passport?.number ?? ''), doc_country: passport?.country ?? '',
      event_date: w.date(e.date), class_of_admission: e.classOfAdmission, admit_until_date: w.date(e.admitUntil), duration_of_status: e.movement === 'D' ? '' : e.durationOfStatus ? 'Y' : 'N',
      port_code: e.port, carrier_code: e.carrier,
    }, this.optional);
  },
});

