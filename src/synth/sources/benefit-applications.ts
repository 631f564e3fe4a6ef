import { rates } from '../noise.js';
import { addressOn } from '../person.js';
import { codes, dateColumn, defineSource, yesNo, yn, YEARS } from './source-definition.js';

const F = 'MM/DD/YYYY';

/** Benefit applications and petitions as USCIS case systems hold them. */
export const benefitApplications = defineSource({
  id: 'benefit-applications',
  name: 'Benefit applications (USCIS)',
  stem: 'uscis_benefit_applications',
  description: 'Applications and petitions with receipt number, form, filing and decision dates: extensions and changes of status (I-539, I-129), adjustment (I-485), asylum (I-589), TPS (I-821), deferred action (I-821D), work permits (I-765), naturalization (N-400). Approvals that grant a status say which. Names keep their diacritics.',
  registration: {
    legalAuthority: 'INA § 103, 8 U.S.C. § 1103; 8 CFR Part 103',
    purposes: ['identity-resolution', 'legal-status-determination', 'case-processing', 'data-quality', 'challenge-and-correction', 'oversight-audit'],
    category: 'benefit-records',
    retentionDays: 100 * YEARS,
  },
  columns: ['receipt_number', 'form_type', 'a_number', 'family_name', 'given_name', 'middle_name', 'date_of_birth', 'country_of_birth',
    'country_of_citizenship', 'sex', 'preferred_language', 'filed_date', 'status', 'decision_date', 'timely_filed', 'granted', 'valid_until',
    'current_class', 'requested_class', 'tps_country', 'street', 'city', 'state', 'zip'],
  dateFormat: F,
  mapping: {
    version: 1,
    recordKey: 'receipt_number',
    fields: {
      'name.surname': 'family_name', 'name.given': 'given_name', 'name.middle': 'middle_name', dateOfBirth: dateColumn('date_of_birth', F),
      sex: { column: 'sex', transform: 'sex' }, countryOfBirth: { column: 'country_of_birth', transform: 'country' },
      citizenships: { column: 'country_of_citizenship', transform: 'list', separator: ';' }, language: 'preferred_language',
      'address.line1': 'street', 'address.city': 'city', 'address.state': 'state', 'address.postcode': 'zip',
    },
    documents: [{ kind: 'alien-number', number: { column: 'a_number', transform: 'document-number' } }],
    events: [
      {
        kind: 'benefit-application',
        fields: {
          date: dateColumn('filed_date', F), form: 'form_type', receipt: 'receipt_number',
          decision: codes('status', { PENDING: 'pending', APPROVED: 'approved', DENIED: 'denied', WITHDRAWN: 'withdrawn' }),
          decidedOn: dateColumn('decision_date', F), timelyFiled: yesNo('timely_filed'),
        },
      },
      { kind: 'status-change', when: { column: 'granted', in: ['COS'] }, fields: { date: dateColumn('decision_date', F), fromClass: 'current_class', toClass: 'requested_class' } },
      { kind: 'temporary-protected-status', when: { column: 'granted', in: ['TPS'] }, fields: { date: dateColumn('decision_date', F), until: dateColumn('valid_until', F), country: { column: 'tps_country', transform: 'country' } } },
      { kind: 'deferred-action', when: { column: 'granted', in: ['DEFERRED_ACTION'] }, fields: { date: dateColumn('decision_date', F), until: dateColumn('valid_until', F) } },
    ],
  },
  names: { style: 'title-unicode', layout: 'split', surnameJoin: ' ', fnu: false, fromPassport: false },
  errors: rates({ typo: 0.01, 'date-swap': 0.01, 'date-typo': 0.004, missing: 0.03, transliteration: 0.05, 'name-order': 0.02, 'surname-dropped': 0.08, nickname: 0.01, ocr: 0.01 }),
  optional: ['middle_name', 'country_of_birth', 'street', 'a_number', 'preferred_language', 'date_of_birth'],
  render(e, w) {
    const p = w.person;
    const name = w.name(this.names, e.date);
    const address = addressOn(p, e.date);
    return w.missing({
      receipt_number: e.receipt, form_type: e.form, a_number: w.doc(p.aNumber ?? ''), family_name: name.surname, given_name: name.given, middle_name: name.middle,
      date_of_birth: w.dob(), country_of_birth: p.countryOfBirth, country_of_citizenship: p.household.origin.code, sex: p.sex,
      preferred_language: p.household.origin.language, filed_date: w.date(e.date), status: e.decision, decision_date: w.date(e.decidedOn),
      timely_filed: yn(e.timely), granted: e.grant ?? '', valid_until: w.date(e.validUntil), current_class: e.currentClass ?? '',
      requested_class: e.requestedClass ?? '', tps_country: e.tpsCountry ?? '',
      street: address?.line1 ?? '', city: address?.city ?? '', state: address?.state ?? '', zip: address?.postcode ?? '',
    }, this.optional);
  },
});
