import { rates } from '../noise.js';
import { addressOn } from '../person.js';
import { codes, dateColumn, defineSource, YEARS } from './source-definition.js';

const F = 'MM/DD/YYYY';

/** Student and exchange-visitor status changes as schools report them (SEVIS). */
export const studentStatus = defineSource({
  id: 'student-status',
  name: 'Student and exchange visitor status (SEVIS)',
  stem: 'sevis_student_status',
  description: 'Status changes school officials report for F and J students: active, completed, terminated, or a status violation, with the program dates and US address.',
  registration: {
    legalAuthority: '8 U.S.C. § 1372; 8 CFR § 214.3(g)',
    purposes: ['identity-resolution', 'legal-status-determination', 'case-processing', 'data-quality', 'challenge-and-correction', 'oversight-audit'],
    category: 'student-status',
    retentionDays: 75 * YEARS,
  },
  columns: ['event_id', 'sevis_id', 'last_name', 'first_name', 'middle_name', 'date_of_birth', 'gender', 'birth_country', 'citizenship_country', 'visa_type',
    'school_name', 'program_start_date', 'program_end_date', 'status', 'status_change_date', 'us_address', 'us_city', 'us_state', 'us_zip'],
  dateFormat: F,
  mapping: {
    version: 1,
    recordKey: 'event_id',
    fields: {
      'name.surname': 'last_name', 'name.given': 'first_name', 'name.middle': 'middle_name', dateOfBirth: dateColumn('date_of_birth', F),
      sex: { column: 'gender', transform: 'sex' }, countryOfBirth: { column: 'birth_country', transform: 'country' },
      citizenships: { column: 'citizenship_country', transform: 'list', separator: ';' },
      'address.line1': 'us_address', 'address.city': 'us_city', 'address.state': 'us_state', 'address.postcode': 'us_zip',
    },
    documents: [{ kind: 'other', number: { column: 'sevis_id', transform: 'document-number' } }],
    events: [{
      kind: 'student-status',
      fields: { date: dateColumn('status_change_date', F), status: codes('status', { ACTIVE: 'active', COMPLETED: 'completed', TERMINATED: 'terminated', VIOLATION: 'violation-found' }), school: 'school_name' },
    }],
  },
  names: { style: 'title-ascii', layout: 'split', surnameJoin: ' ', fnu: false, fromPassport: false },
  errors: rates({ typo: 0.012, 'date-swap': 0.012, 'date-typo': 0.004, missing: 0.03, transliteration: 0.03, 'name-order': 0.03, 'surname-dropped': 0.05, nickname: 0.02, ocr: 0.002 }),
  optional: ['middle_name', 'birth_country', 'us_address', 'date_of_birth'],
  render(e, w, id) {
    const p = w.person;
    const name = w.name(this.names, e.date);
    const address = addressOn(p, e.date);
    return w.missing({
      event_id: id, sevis_id: w.doc(e.sevisId), last_name: name.surname, first_name: name.given, middle_name: name.middle, date_of_birth: w.dob(), gender: p.sex,
      birth_country: p.countryOfBirth, citizenship_country: p.household.origin.code, visa_type: e.visaClass, school_name: e.school,
      program_start_date: w.date(e.programStart), program_end_date: w.date(e.programEnd), status: e.status, status_change_date: w.date(e.date),
      us_address: address?.line1 ?? '', us_city: address?.city ?? '', us_state: address?.state ?? '', us_zip: address?.postcode ?? '',
    }, this.optional);
  },
});
