import { describe, expect, it } from 'vitest';
import { guessDateFormat, suggestMapping } from './suggest-mapping.js';

describe('suggestMapping', () => {
  it('maps header names onto canonical fields, documents and a record key', () => {
    const { mapping, unused } = suggestMapping(
      ['person_id', 'First Name', 'LAST_NAME', 'DOB', 'Nationality', 'birth_country', 'passport_no', 'a_number', 'arrival_date', 'port'],
      [{ DOB: '15.04.1990' }, { DOB: '01.12.1985' }],
    );
    expect(mapping).toEqual({
      recordKey: 'person_id',
      fields: { 'name.given': 'First Name', 'name.surname': 'LAST_NAME', dateOfBirth: { column: 'DOB', format: 'DD.MM.YYYY' }, citizenships: 'Nationality', countryOfBirth: 'birth_country' },
      documents: [{ kind: 'passport', number: 'passport_no' }, { kind: 'alien-number', number: 'a_number' }],
      events: [],
    });
    expect(unused).toEqual(['arrival_date (a date: map it to an event)', 'port']);
  });
});

describe('guessDateFormat', () => {
  it.each([
    [['1990-04-15', '1985-12-01'], 'YYYY-MM-DD'],
    [['04/15/1990', '12/01/1985'], 'MM/DD/YYYY'],
    [['15/04/1990', '01/12/1985'], 'DD/MM/YYYY'],
    [['04/05/1990'], 'MM/DD/YYYY'],
    [['04/15/1990', '15/04/1990'], 'auto'],
    [[], 'auto'],
  ])('%j is %s', (samples, format) => {
    expect(guessDateFormat(samples)).toBe(format);
  });
});
