import { rates } from '../noise.js';
import { codes, dateColumn, defineSource, YEARS } from './source-definition.js';

const F = 'YYYY-MM-DD';
const decided = { PENDING: 'pending', GRANTED: 'granted', DENIED: 'denied' } as const;

/** Appeals to the Board, motions to reopen, and petitions for review in the courts of appeals. */
export const appeals = defineSource({
  id: 'appeals',
  name: 'Appeals, motions to reopen and petitions for review',
  stem: 'bia_appeals',
  description: 'Filings that keep or reopen a case after an immigration judge decides it: appeals to the Board of Immigration Appeals (APPEAL), motions to reopen (MTR), and petitions for review in a federal court of appeals (PFR), with their decisions.',
  registration: {
    legalAuthority: '8 CFR §§ 1003.1, 1003.2, 1003.23 and 1003.38; INA § 242, 8 U.S.C. § 1252',
    purposes: ['identity-resolution', 'legal-status-determination', 'case-processing', 'removal-logistics', 'challenge-and-correction', 'oversight-audit'],
    category: 'immigration-court',
    retentionDays: 75 * YEARS,
  },
  columns: ['appeal_id', 'case_number', 'a_number', 'respondent_last', 'respondent_first', 'dob', 'nationality', 'filing_type', 'filed_date', 'decision', 'decision_date'],
  dateFormat: F,
  mapping: {
    version: 1,
    recordKey: 'appeal_id',
    fields: { 'name.surname': 'respondent_last', 'name.given': 'respondent_first', dateOfBirth: dateColumn('dob', F), citizenships: { column: 'nationality', transform: 'list', separator: ';' } },
    documents: [
      { kind: 'alien-number', number: { column: 'a_number', transform: 'document-number' } },
      { kind: 'court-case', number: 'case_number' },
    ],
    events: [
      {
        kind: 'appeal', when: { column: 'filing_type', in: ['APPEAL'] },
        fields: { date: dateColumn('filed_date', F), caseNumber: 'case_number', decision: codes('decision', { PENDING: 'pending', DISMISSED: 'dismissed', SUSTAINED: 'sustained', REMANDED: 'remanded' }), decidedOn: dateColumn('decision_date', F) },
      },
      { kind: 'motion-to-reopen', when: { column: 'filing_type', in: ['MTR'] }, fields: { date: dateColumn('filed_date', F), caseNumber: 'case_number', decision: codes('decision', decided), decidedOn: dateColumn('decision_date', F) } },
      { kind: 'petition-for-review', when: { column: 'filing_type', in: ['PFR'] }, fields: { date: dateColumn('filed_date', F), caseNumber: 'case_number', decision: codes('decision', decided) } },
    ],
  },
  names: { style: 'upper-ascii', layout: 'given-with-middle', surnameJoin: ' ', fnu: false, fromPassport: false },
  errors: rates({ typo: 0.01, 'date-swap': 0.005, 'date-typo': 0.003, missing: 0.03, transliteration: 0.06, 'name-order': 0.02, 'surname-dropped': 0.1, nickname: 0.005, ocr: 0.008 }),
  optional: ['dob', 'a_number'],
  render(e, w, id) {
    const p = w.person;
    const name = w.name(this.names, e.date);
    return w.missing({
      appeal_id: id, case_number: e.caseNumber, a_number: w.doc(p.aNumber ?? ''), respondent_last: name.surname, respondent_first: name.given, dob: w.dob(),
      nationality: p.household.origin.code, filing_type: e.filing, filed_date: w.date(e.date), decision: e.decision, decision_date: w.date(e.decidedOn),
    }, this.optional);
  },
});
