import { rates } from '../noise.js';
import { addressOn } from '../person.js';
import { dateColumn, defineSource, yesNo, YEARS } from './source-definition.js';

const F = 'MM/DD/YYYY';

/** Immigration court dockets: the charging document that opens a case, and each hearing. */
export const courtDockets = defineSource({
  id: 'court-dockets',
  name: 'Immigration court dockets (EOIR)',
  stem: 'eoir_court_dockets',
  description: 'Removal cases opened by a Notice to Appear (NTA) and their master and individual hearings, with whether the respondent appeared. Names are one field, surname first, with any alias the court recorded.',
  registration: {
    legalAuthority: 'INA § 240, 8 U.S.C. § 1229a; 8 CFR Part 1003 Subpart C and Part 1240',
    purposes: ['identity-resolution', 'legal-status-determination', 'case-processing', 'removal-logistics', 'data-quality', 'challenge-and-correction', 'oversight-audit'],
    category: 'immigration-court',
    retentionDays: 75 * YEARS,
  },
  columns: ['docket_id', 'case_number', 'alien_number', 'alien_name', 'aka', 'date_of_birth', 'nationality', 'gender', 'language', 'event_type',
    'event_date', 'appeared', 'hearing_location', 'address', 'city', 'state', 'zip'],
  dateFormat: F,
  mapping: {
    version: 1,
    recordKey: 'docket_id',
    fields: {
      'name.full': 'alien_name', dateOfBirth: dateColumn('date_of_birth', F), sex: { column: 'gender', transform: 'sex' },
      citizenships: { column: 'nationality', transform: 'list', separator: ';' }, language: 'language',
      'address.line1': 'address', 'address.city': 'city', 'address.state': 'state', 'address.postcode': 'zip',
    },
    aliases: [{ full: 'aka' }],
    documents: [
      { kind: 'alien-number', number: { column: 'alien_number', transform: 'document-number' } },
      { kind: 'court-case', number: 'case_number' },
    ],
    events: [
      { kind: 'court-case-opened', when: { column: 'event_type', in: ['NTA'] }, fields: { date: dateColumn('event_date', F), caseNumber: 'case_number' } },
      { kind: 'hearing', when: { column: 'event_type', in: ['MASTER', 'INDIVIDUAL'] }, fields: { date: dateColumn('event_date', F), caseNumber: 'case_number', attended: yesNo('appeared') } },
    ],
  },
  names: { style: 'upper-ascii', layout: 'full-surname-first', surnameJoin: ' ', fnu: false, fromPassport: false },
  errors: rates({ typo: 0.02, 'date-swap': 0.02, 'date-typo': 0.006, missing: 0.05, transliteration: 0.08, 'name-order': 0.04, 'surname-dropped': 0.12, nickname: 0.01, ocr: 0.01 }),
  optional: ['date_of_birth', 'address', 'language', 'alien_number'],
  render(e, w, id) {
    const p = w.person;
    const name = w.name(this.names, e.date);
    const address = addressOn(p, e.date);
    return w.missing({
      docket_id: id, case_number: e.caseNumber, alien_number: w.doc(p.aNumber ?? ''), alien_name: name.full, aka: w.aka(this.names, e.date),
      date_of_birth: w.dob(), nationality: p.household.origin.code, gender: p.sex, language: p.household.origin.language, event_type: e.rowType,
      event_date: w.date(e.date), appeared: e.attended === undefined ? '' : e.attended ? 'Y' : 'N', hearing_location: e.court,
      address: address?.line1 ?? '', city: address?.city ?? '', state: address?.state ?? '', zip: address?.postcode ?? '',
    }, this.optional);
  },
});
