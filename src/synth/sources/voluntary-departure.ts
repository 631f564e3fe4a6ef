import { rates } from '../noise.js';
import { codes, dateColumn, defineSource, YEARS } from './source-definition.js';

const F = 'MM/DD/YYYY';

/** Voluntary-departure grants and their deadlines. */
export const voluntaryDeparture = defineSource({
  id: 'voluntary-departure',
  name: 'Voluntary departure grants',
  stem: 'voluntary_departure_grants',
  description: 'Grants of voluntary departure before the conclusion of proceedings (PRE, up to 120 days) or at their conclusion (POST, up to 60 days), with the departure deadline.',
  registration: {
    legalAuthority: 'INA § 240B, 8 U.S.C. § 1229c; 8 CFR § 1240.26',
    purposes: ['identity-resolution', 'legal-status-determination', 'departure-verification', 'case-processing', 'challenge-and-correction', 'oversight-audit'],
    category: 'voluntary-departure',
    retentionDays: 75 * YEARS,
  },
  columns: ['grant_id', 'case_number', 'a_number', 'name_last', 'name_first', 'dob', 'citizenship', 'grant_date', 'departure_deadline', 'grant_stage'],
  dateFormat: F,
  mapping: {
    version: 1,
    recordKey: 'grant_id',
    fields: { 'name.surname': 'name_last', 'name.given': 'name_first', dateOfBirth: dateColumn('dob', F), citizenships: { column: 'citizenship', transform: 'list', separator: ';' } },
    documents: [
      { kind: 'alien-number', number: { column: 'a_number', transform: 'document-number' } },
      { kind: 'court-case', number: 'case_number' },
    ],
    events: [{
      kind: 'voluntary-departure-grant',
      fields: { date: dateColumn('grant_date', F), caseNumber: 'case_number', deadline: dateColumn('departure_deadline', F), stage: codes('grant_stage', { PRE: 'before-conclusion', POST: 'at-conclusion' }) },
    }],
  },
  names: { style: 'upper-ascii', layout: 'given-with-middle', surnameJoin: ' ', fnu: false, fromPassport: false },
  errors: rates({ typo: 0.01, 'date-swap': 0.01, 'date-typo': 0.004, missing: 0.02, transliteration: 0.06, 'name-order': 0.02, 'surname-dropped': 0.1, nickname: 0.005, ocr: 0.008 }),
  optional: ['dob'],
  render(e, w, id) {
    const p = w.person;
    const name = w.name(this.names, e.date);
    return w.missing({
      grant_id: id, case_number: e.caseNumber, a_number: w.doc(p.aNumber ?? ''), name_last: name.surname, name_first: name.given, dob: w.dob(),
      citizenship: p.household.origin.code, grant_date: w.date(e.date), departure_deadline: w.date(e.deadline), grant_stage: e.stage,
    }, this.optional);
  },
});
