import { rates } from '../noise.js';
import { passportOn } from '../person.js';
import { dateColumn, defineSource, YEARS } from './source-definition.js';

const F = 'DD-MON-YYYY';

/** Consular visa applications and issuances (one row per application; refusals carry no visa). */
export const visaIssuance = defineSource({
  id: 'visa-issuance',
  name: 'Visa issuance (consular)',
  stem: 'visa_issuance',
  description: 'Nonimmigrant and immigrant visa applications decided at consular posts: the applicant as on the passport, the visa class and foil number, issued or refused, and the status of a parent the applicant says lives in the United States.',
  registration: {
    legalAuthority: 'INA § 221 and § 222(f), 8 U.S.C. §§ 1201, 1202(f); 22 CFR Parts 41 and 42',
    purposes: ['identity-resolution', 'legal-status-determination', 'case-processing', 'data-quality', 'challenge-and-correction', 'oversight-audit'],
    category: 'visa-records',
    retentionDays: 100 * YEARS,
  },
  columns: ['APPLICATION_ID', 'SURNAME', 'GIVEN_NAMES', 'BIRTH_DATE', 'SEX', 'BIRTH_COUNTRY', 'NATIONALITY', 'PASSPORT_NUMBER', 'PASSPORT_COUNTRY',
    'PASSPORT_EXPIRY', 'VISA_CLASS', 'FOIL_NUMBER', 'ISSUE_DATE', 'EXPIRY_DATE', 'ISSUING_POST', 'CASE_STATUS', 'PARENT_IN_US_STATUS'],
  dateFormat: F,
  mapping: {
    version: 2,
    recordKey: 'APPLICATION_ID',
    fields: {
      'name.surname': 'SURNAME', 'name.given': 'GIVEN_NAMES', dateOfBirth: dateColumn('BIRTH_DATE', F), sex: { column: 'SEX', transform: 'sex' },
      countryOfBirth: { column: 'BIRTH_COUNTRY', transform: 'country' }, citizenships: { column: 'NATIONALITY', transform: 'list', separator: ';' },
    },
    documents: [
      { kind: 'passport', number: { column: 'PASSPORT_NUMBER', transform: 'document-number' }, issuingCountry: 'PASSPORT_COUNTRY', expiresOn: dateColumn('PASSPORT_EXPIRY', F) },
      { kind: 'visa-foil', number: { column: 'FOIL_NUMBER', transform: 'document-number' } },
    ],
    events: [
      {
        kind: 'visa-issued', when: { column: 'CASE_STATUS', in: ['ISSUED'] },
        fields: { date: dateColumn('ISSUE_DATE', F), visaClass: 'VISA_CLASS', validUntil: dateColumn('EXPIRY_DATE', F), foilNumber: 'FOIL_NUMBER' },
      },
      // The applicant names a parent who is a US citizen: when that parent was one is not asked.
      { kind: 'parent-citizenship', when: { column: 'PARENT_IN_US_STATUS', in: ['US_CITIZEN'] }, fields: { date: dateColumn('ISSUE_DATE', F) } },
    ],
  },
  names: { style: 'upper-ascii', layout: 'given-with-middle', surnameJoin: ' ', fnu: true, fromPassport: true },
  errors: rates({ typo: 0.004, 'date-swap': 0.002, 'date-typo': 0.002, missing: 0.01, transliteration: 0.01, 'name-order': 0.003, 'surname-dropped': 0.01, ocr: 0.003 }),
  optional: ['BIRTH_COUNTRY', 'PASSPORT_EXPIRY', 'BIRTH_DATE'],
  render(e, w, id) {
    const p = w.person;
    const name = w.name(this.names, e.date);
    const passport = passportOn(p, e.date);
    return w.missing({
      APPLICATION_ID: `AA${id}`, SURNAME: name.surname, GIVEN_NAMES: name.given, BIRTH_DATE: w.dob(), SEX: p.sex,
      BIRTH_COUNTRY: p.countryOfBirth, NATIONALITY: p.household.origin.code, PASSPORT_NUMBER: w.doc(passport?.number ?? ''),
      PASSPORT_COUNTRY: passport?.country ?? '', PASSPORT_EXPIRY: w.date(passport?.expires), VISA_CLASS: e.visaClass, FOIL_NUMBER: e.foil,
      ISSUE_DATE: w.date(e.date), EXPIRY_DATE: e.outcome === 'ISSUED' ? w.date(e.validUntil) : '', ISSUING_POST: e.post, CASE_STATUS: e.outcome,
      PARENT_IN_US_STATUS: e.parentInUs ?? '',
    }, this.optional);
  },
});
