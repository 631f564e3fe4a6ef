import { rates } from '../noise.js';
import { codes, dateColumn, defineSource, YEARS } from './source-definition.js';

const F = 'YYYY-MM-DD';

/** Stays of removal, with the moment of grant when it came on the eve of a removal. */
export const stays = defineSource({
  id: 'stays',
  name: 'Stays of removal',
  stem: 'stays_of_removal',
  description: 'Stays of removal granted by an immigration judge (IJ), the Board (BIA), a federal court (FED) or the agency (ICE): grant date and time, end date, lifting.',
  registration: {
    legalAuthority: '8 CFR §§ 241.6, 1003.6 and 1003.23(b)(1)(v); INA § 242(b)(3)(B), 8 U.S.C. § 1252(b)(3)(B)',
    purposes: ['identity-resolution', 'legal-status-determination', 'case-processing', 'removal-logistics', 'challenge-and-correction', 'oversight-audit'],
    category: 'immigration-court',
    retentionDays: 75 * YEARS,
  },
  columns: ['stay_id', 'case_number', 'a_number', 'last_name', 'first_name', 'dob', 'country', 'granted_by', 'granted_date', 'granted_at', 'stay_until', 'lifted_date'],
  dateFormat: F,
  mapping: {
    version: 1,
    recordKey: 'stay_id',
    fields: { 'name.surname': 'last_name', 'name.given': 'first_name', dateOfBirth: dateColumn('dob', F), citizenships: { column: 'country', transform: 'list', separator: ';' } },
    documents: [{ kind: 'alien-number', number: { column: 'a_number', transform: 'document-number' } }],
    events: [{
      kind: 'stay',
      fields: {
        date: dateColumn('granted_date', F), caseNumber: 'case_number',
        grantedBy: codes('granted_by', { IJ: 'immigration-court', BIA: 'appeals-board', FED: 'federal-court', ICE: 'agency' }),
        at: { column: 'granted_at', transform: 'datetime' }, until: dateColumn('stay_until', F), lifted: dateColumn('lifted_date', F),
      },
    }],
  },
  names: { style: 'upper-ascii', layout: 'given-with-middle', surnameJoin: ' ', fnu: false, fromPassport: false },
  errors: rates({ typo: 0.01, 'date-swap': 0.005, 'date-typo': 0.003, missing: 0.02, transliteration: 0.06, 'name-order': 0.02, 'surname-dropped': 0.1, nickname: 0.005, ocr: 0.008 }),
  optional: ['dob'],
  render(e, w, id) {
    const p = w.person;
    const name = w.name(this.names, e.date);
    return w.missing({
      stay_id: id, case_number: e.caseNumber, a_number: w.doc(p.aNumber ?? ''), last_name: name.surname, first_name: name.given, dob: w.dob(),
      country: p.household.origin.code, granted_by: e.grantedBy, granted_date: w.date(e.date), granted_at: e.at ?? '', stay_until: w.date(e.until), lifted_date: w.date(e.lifted),
    }, this.optional);
  },
});
