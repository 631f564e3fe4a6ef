import { rates } from '../noise.js';
import { addressOn } from '../person.js';
import { codes, dateColumn, defineSource, YEARS } from './source-definition.js';

const F = 'YYYYMMDD';

/** Final dispositions of state criminal cases shared with immigration authorities. */
export const criminalDispositions = defineSource({
  id: 'criminal-dispositions',
  name: 'Criminal dispositions (state courts)',
  stem: 'state_criminal_dispositions',
  description: 'Dispositions of state criminal cases: offence category, convicted, acquitted, dismissed or pending, with the court. Names are one field, surname first, and often carry an alias; sex is coded 1 (male) and 2 (female).',
  registration: {
    legalAuthority: '28 U.S.C. § 534; INA § 287(g) and § 236(d), 8 U.S.C. §§ 1357(g), 1226(d)',
    purposes: ['identity-resolution', 'case-processing', 'data-quality', 'challenge-and-correction', 'oversight-audit'],
    category: 'criminal-dispositions',
    retentionDays: 25 * YEARS,
  },
  columns: ['disposition_id', 'court_case_number', 'defendant_name', 'aka', 'dob', 'sex_code', 'place_of_birth', 'alien_number', 'offense_category',
    'disposition', 'disposition_date', 'court_name', 'last_known_address', 'city', 'state', 'zip'],
  dateFormat: F,
  mapping: {
    version: 1,
    recordKey: 'disposition_id',
    fields: {
      'name.full': 'defendant_name', dateOfBirth: dateColumn('dob', F), sex: { column: 'sex_code', transform: 'sex', values: { '1': 'M', '2': 'F' } },
      countryOfBirth: { column: 'place_of_birth', transform: 'country' },
      'address.line1': 'last_known_address', 'address.city': 'city', 'address.state': 'state', 'address.postcode': 'zip',
    },
    aliases: [{ full: 'aka' }],
    documents: [{ kind: 'alien-number', number: { column: 'alien_number', transform: 'document-number' } }],
    events: [{
      kind: 'criminal-disposition',
      fields: {
        date: dateColumn('disposition_date', F), offenceCategory: 'offense_category',
        disposition: codes('disposition', { CONVICTED: 'convicted', ACQUITTED: 'acquitted', DISMISSED: 'dismissed', PENDING: 'pending' }), court: 'court_name',
      },
    }],
  },
  names: { style: 'upper-ascii', layout: 'full-surname-first', surnameJoin: ' ', fnu: false, fromPassport: false },
  errors: rates({ typo: 0.03, 'date-swap': 0.03, 'date-typo': 0.01, missing: 0.08, transliteration: 0.1, 'name-order': 0.04, 'surname-dropped': 0.2, nickname: 0.08, ocr: 0.01 }),
  optional: ['dob', 'place_of_birth', 'last_known_address', 'alien_number'],
  render(e, w, id) {
    const p = w.person;
    const name = w.name(this.names, e.date);
    const address = addressOn(p, e.date);
    return w.missing({
      disposition_id: id, court_case_number: e.caseNumber, defendant_name: name.full, aka: w.aka(this.names, e.date), dob: w.dob(), sex_code: p.sex === 'M' ? '1' : '2',
      place_of_birth: p.countryOfBirth, alien_number: p.aNumber !== undefined && w.chance(0.35) ? w.doc(p.aNumber) : '', offense_category: e.offence,
      disposition: e.disposition, disposition_date: w.date(e.date), court_name: e.court,
      last_known_address: address?.line1 ?? '', city: address?.city ?? '', state: address?.state ?? '', zip: address?.postcode ?? '',
    }, this.optional);
  },
});
