import { rates } from '../noise.js';
import { addressOn } from '../person.js';
import { codes, dateColumn, defineSource, yesNo, yn, YEARS } from './source-definition.js';

const F = 'YYYY-MM-DD';

/** Permanent residence, naturalization and citizenship records. */
export const lprNaturalization = defineSource({
  id: 'lpr-naturalization',
  name: 'Permanent residence and naturalization (USCIS)',
  stem: 'uscis_lpr_naturalization',
  description: 'Grants of lawful permanent residence (LPR), naturalizations with certificate numbers (NATZ), certificates of citizenship by derivation or acquisition (CERT), and notes on a child’s file that a parent is a citizen (PARENT).',
  registration: {
    legalAuthority: 'INA §§ 245, 301, 320, 337 and 341; 8 U.S.C. §§ 1255, 1401, 1431, 1448, 1452; 8 CFR Parts 245, 320, 337, 341',
    purposes: ['identity-resolution', 'legal-status-determination', 'case-processing', 'data-quality', 'challenge-and-correction', 'oversight-audit'],
    category: 'naturalization-records',
    retentionDays: 100 * YEARS,
  },
  columns: ['record_id', 'record_type', 'a_number', 'last_name', 'first_name', 'middle_name', 'dob', 'birth_country', 'sex', 'event_date',
    'class_of_admission', 'naturalization_certificate', 'citizenship_certificate', 'certificate_basis', 'parent_citizen_since', 'legal_custody',
    'born_abroad_to_citizen', 'street', 'city', 'state', 'zip'],
  dateFormat: F,
  mapping: {
    version: 1,
    recordKey: 'record_id',
    fields: {
      'name.surname': 'last_name', 'name.given': 'first_name', 'name.middle': 'middle_name', dateOfBirth: dateColumn('dob', F),
      sex: { column: 'sex', transform: 'sex' }, countryOfBirth: { column: 'birth_country', transform: 'country' },
      'address.line1': 'street', 'address.city': 'city', 'address.state': 'state', 'address.postcode': 'zip',
    },
    documents: [
      { kind: 'alien-number', number: { column: 'a_number', transform: 'document-number' } },
      { kind: 'naturalization-certificate', number: { column: 'naturalization_certificate', transform: 'document-number' } },
      { kind: 'citizenship-certificate', number: { column: 'citizenship_certificate', transform: 'document-number' } },
    ],
    events: [
      { kind: 'permanent-residence', when: { column: 'record_type', in: ['LPR'] }, fields: { date: dateColumn('event_date', F) } },
      { kind: 'naturalization', when: { column: 'record_type', in: ['NATZ'] }, fields: { date: dateColumn('event_date', F), certificateNumber: 'naturalization_certificate' } },
      {
        kind: 'citizenship-certificate', when: { column: 'record_type', in: ['CERT'] },
        fields: { date: dateColumn('event_date', F), certificateNumber: 'citizenship_certificate', basis: codes('certificate_basis', { DERIVATION: 'derivation', ACQUISITION: 'acquisition' }) },
      },
      {
        kind: 'parent-citizenship', when: { column: 'record_type', in: ['PARENT'] },
        fields: { date: dateColumn('event_date', F), parentCitizenSince: dateColumn('parent_citizen_since', F), custody: yesNo('legal_custody'), bornAbroadToCitizen: yesNo('born_abroad_to_citizen') },
      },
    ],
  },
  names: { style: 'upper-ascii', layout: 'split', surnameJoin: ' ', fnu: true, fromPassport: false },
  errors: rates({ typo: 0.005, 'date-swap': 0.003, 'date-typo': 0.002, missing: 0.01, transliteration: 0.02, 'name-order': 0.005, 'surname-dropped': 0.05, nickname: 0.002, ocr: 0.004 }),
  optional: ['middle_name', 'birth_country', 'street'],
  render(e, w, id) {
    const p = w.person;
    const name = w.name(this.names, e.date);
    const address = addressOn(p, e.date);
    return w.missing({
      record_id: id, record_type: e.recordType, a_number: w.doc(p.aNumber ?? ''), last_name: name.surname, first_name: name.given, middle_name: name.middle,
      dob: w.dob(), birth_country: p.countryOfBirth, sex: p.sex, event_date: w.date(e.date), class_of_admission: e.classCode ?? '',
      naturalization_certificate: e.recordType === 'NATZ' ? (e.certificate ?? '') : '', citizenship_certificate: e.recordType === 'CERT' ? (e.certificate ?? '') : '',
      certificate_basis: e.basis ?? '', parent_citizen_since: w.date(e.parentCitizenSince), legal_custody: yn(e.custody), born_abroad_to_citizen: yn(e.bornAbroadToCitizen),
      street: address?.line1 ?? '', city: address?.city ?? '', state: address?.state ?? '', zip: address?.postcode ?? '',
    }, this.optional);
  },
});
