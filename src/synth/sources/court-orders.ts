import { rates } from '../noise.js';
import { codes, dateColumn, defineSource, yesNo, yn, YEARS } from './source-definition.js';

const F = 'MM/DD/YYYY';

/** Immigration judges' decisions. */
export const courtOrders = defineSource({
  id: 'court-orders',
  name: 'Immigration court orders (EOIR)',
  stem: 'eoir_court_orders',
  description: 'Decisions of immigration judges: removal (RM), voluntary departure (VD), relief granted (RL), termination (TR), withholding of removal (WH) or Convention Against Torture protection (CAT) to a named country; in absentia and appeal-waived flags.',
  registration: {
    legalAuthority: 'INA § 240(c), 8 U.S.C. § 1229a(c); 8 CFR §§ 1240.12 and 1240.13',
    purposes: ['identity-resolution', 'legal-status-determination', 'case-processing', 'removal-logistics', 'data-quality', 'challenge-and-correction', 'oversight-audit'],
    category: 'immigration-court',
    retentionDays: 75 * YEARS,
  },
  columns: ['order_id', 'case_number', 'alien_number', 'alien_name', 'date_of_birth', 'nationality', 'order_date', 'decision', 'in_absentia',
    'appeal_waived', 'withholding_country', 'removal_country', 'court'],
  dateFormat: F,
  mapping: {
    version: 1,
    recordKey: 'order_id',
    fields: { 'name.full': 'alien_name', dateOfBirth: dateColumn('date_of_birth', F), citizenships: { column: 'nationality', transform: 'list', separator: ';' } },
    documents: [
      { kind: 'alien-number', number: { column: 'alien_number', transform: 'document-number' } },
      { kind: 'court-case', number: 'case_number' },
    ],
    events: [{
      kind: 'order',
      fields: {
        date: dateColumn('order_date', F), caseNumber: 'case_number',
        outcome: codes('decision', { RM: 'removal', VD: 'voluntary-departure', RL: 'relief-granted', TR: 'terminated', WH: 'withholding', CAT: 'cat-protection' }),
        inAbsentia: yesNo('in_absentia'), appealWaived: yesNo('appeal_waived'),
        protectedCountry: { column: 'withholding_country', transform: 'country' }, destination: { column: 'removal_country', transform: 'country' },
      },
    }],
  },
  names: { style: 'upper-ascii', layout: 'full-surname-first', surnameJoin: ' ', fnu: false, fromPassport: false },
  errors: rates({ typo: 0.015, 'date-swap': 0.015, 'date-typo': 0.005, missing: 0.04, transliteration: 0.08, 'name-order': 0.03, 'surname-dropped': 0.12, nickname: 0.005, ocr: 0.01 }),
  optional: ['date_of_birth', 'alien_number'],
  render(e, w, id) {
    const p = w.person;
    const name = w.name(this.names, e.date);
    return w.missing({
      order_id: id, case_number: e.caseNumber, alien_number: w.doc(p.aNumber ?? ''), alien_name: name.full, date_of_birth: w.dob(),
      nationality: p.household.origin.code, order_date: w.date(e.date), decision: e.outcome, in_absentia: yn(e.inAbsentia), appeal_waived: yn(e.appealWaived),
      withholding_country: e.protectedCountry ?? '', removal_country: e.destination ?? '', court: e.court,
    }, this.optional);
  },
});
