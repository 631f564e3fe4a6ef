import { rates } from '../noise.js';
import { dateColumn, defineSource, YEARS } from './source-definition.js';

const F = 'DD-MON-YYYY';

/** US passports and Consular Reports of Birth Abroad. */
export const usPassports = defineSource({
  id: 'us-passports',
  name: 'US passports and consular reports of birth abroad',
  stem: 'state_us_passports',
  description: 'US passport issuances (PASSPORT) and Consular Reports of Birth Abroad of a US citizen (CRBA): evidence of citizenship by naturalization, derivation or birth to a citizen parent.',
  registration: {
    legalAuthority: '22 U.S.C. §§ 211a and 2705; INA § 301, 8 U.S.C. § 1401; 22 CFR Part 51',
    purposes: ['identity-resolution', 'legal-status-determination', 'case-processing', 'challenge-and-correction', 'oversight-audit'],
    category: 'identity-documents',
    retentionDays: 100 * YEARS,
  },
  columns: ['RECORD_ID', 'RECORD_TYPE', 'SURNAME', 'GIVEN_NAMES', 'BIRTH_DATE', 'BIRTH_COUNTRY', 'SEX', 'ISSUE_DATE', 'PASSPORT_NUMBER', 'CRBA_NUMBER', 'EXPIRATION_DATE'],
  dateFormat: F,
  mapping: {
    version: 1,
    recordKey: 'RECORD_ID',
    fields: {
      'name.surname': 'SURNAME', 'name.given': 'GIVEN_NAMES', dateOfBirth: dateColumn('BIRTH_DATE', F), sex: { column: 'SEX', transform: 'sex' },
      countryOfBirth: { column: 'BIRTH_COUNTRY', transform: 'country' },
    },
    documents: [
      { kind: 'us-passport', number: { column: 'PASSPORT_NUMBER', transform: 'document-number' }, issuingCountry: { const: 'USA' }, expiresOn: dateColumn('EXPIRATION_DATE', F) },
      { kind: 'other', number: { column: 'CRBA_NUMBER', transform: 'document-number' } },
    ],
    events: [
      { kind: 'us-passport', when: { column: 'RECORD_TYPE', in: ['PASSPORT'] }, fields: { date: dateColumn('ISSUE_DATE', F), passportNumber: 'PASSPORT_NUMBER' } },
      { kind: 'parent-citizenship', when: { column: 'RECORD_TYPE', in: ['CRBA'] }, fields: { date: dateColumn('ISSUE_DATE', F), bornAbroadToCitizen: { const: true } } },
    ],
  },
  names: { style: 'upper-ascii', layout: 'given-with-middle', surnameJoin: ' ', fnu: false, fromPassport: false },
  errors: rates({ typo: 0.003, 'date-swap': 0.001, 'date-typo': 0.001, missing: 0.005, transliteration: 0.02, 'name-order': 0.002, 'surname-dropped': 0.05, nickname: 0.002, ocr: 0.002 }),
  optional: ['BIRTH_COUNTRY'],
  render(e, w, id) {
    const p = w.person;
    const name = w.name(this.names, e.date);
    return w.missing({
      RECORD_ID: id, RECORD_TYPE: e.recordType, SURNAME: name.surname, GIVEN_NAMES: name.given, BIRTH_DATE: w.dob(), BIRTH_COUNTRY: p.countryOfBirth, SEX: p.sex,
      ISSUE_DATE: w.date(e.date), PASSPORT_NUMBER: e.recordType === 'PASSPORT' ? w.doc(e.number) : '', CRBA_NUMBER: e.recordType === 'CRBA' ? `CRBA${e.number}` : '',
      EXPIRATION_DATE: w.date(e.expires),
    }, this.optional);
  },
});
