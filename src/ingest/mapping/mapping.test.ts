import { describe, expect, it } from 'vitest';
import { SourceMapping } from '../../core/mapping/index.js';
import { applyMapping, checkRecord, parseMappedDate } from './index.js';

const arrivals = SourceMapping.parse({
  version: 1,
  recordKey: 'ADMISSION_NO',
  fields: {
    'name.given': 'FIRST_NM',
    'name.surname': 'LAST_NM',
    dateOfBirth: { column: 'BIRTH_DT', format: 'MM/DD/YYYY' },
    sex: { column: 'SEX_CD', values: { '1': 'M', '2': 'F' } },
    countryOfBirth: 'COB',
    citizenships: { column: 'CITZ', separator: '|' },
  },
  documents: [{ kind: 'passport', number: 'PPT_NO', issuingCountry: 'PPT_CTRY' }],
  events: [
    { kind: 'arrival', when: { column: 'DIRECTION', in: ['A'] }, fields: { date: { column: 'EVENT_DT', format: 'MM/DD/YYYY' }, classOfAdmission: 'CLASS', admitUntil: { column: 'ADMIT_UNTIL', format: 'MM/DD/YYYY' }, durationOfStatus: 'DS_FLAG' } },
    { kind: 'departure', when: { column: 'DIRECTION', in: ['D'] }, fields: { date: { column: 'EVENT_DT', format: 'MM/DD/YYYY' }, evidence: { const: 'departure-record' } } },
    { kind: 'stay', whenPresent: 'STAY_DT', fields: { date: { column: 'STAY_DT', format: 'YYYY-MM-DD' }, grantedBy: { const: 'federal-court' } } },
  ],
});

const row = {
  ADMISSION_NO: '99887766', FIRST_NM: 'José', LAST_NM: 'García López', BIRTH_DT: '04/15/1990', SEX_CD: '1', COB: 'Mexico', CITZ: 'MX|US',
  PPT_NO: 'g 1234 567', PPT_CTRY: 'MEX', DIRECTION: 'A', EVENT_DT: '06/01/2019', CLASS: 'B2', ADMIT_UNTIL: '11/30/2019', DS_FLAG: 'N', STAY_DT: '',
};

describe('applyMapping', () => {
  it('maps a row onto the canonical record with lineage for every value', () => {
    const result = applyMapping(row, arrivals);
    expect(result).toEqual({
      kind: 'mapped',
      record: {
        name: { given: 'José', surname: 'García López' },
        aliases: [],
        dateOfBirth: '1990-04-15',
        sex: 'M',
        countryOfBirth: 'MEX',
        citizenships: ['MEX', 'USA'],
        documents: [{ kind: 'passport', number: 'G1234567', issuingCountry: 'MEX' }],
        addresses: [],
        events: [{ kind: 'arrival', date: '2019-06-01', classOfAdmission: 'B2', admitUntil: '2019-11-30', durationOfStatus: false }],
      },
      lineage: {
        'name.given': 'FIRST_NM', 'name.surname': 'LAST_NM', dateOfBirth: 'BIRTH_DT', sex: 'SEX_CD', countryOfBirth: 'COB', citizenships: 'CITZ',
        'documents[0].number': 'PPT_NO', 'events[0].date': 'EVENT_DT', 'events[0].classOfAdmission': 'CLASS', 'events[0].admitUntil': 'ADMIT_UNTIL', 'events[0].durationOfStatus': 'DS_FLAG',
      },
    });
  });

  it('emits conditional events only when their condition holds, with constants filled in', () => {
    const result = applyMapping({ ...row, DIRECTION: 'D', STAY_DT: '2019-07-01' }, arrivals);
    expect(result.kind === 'mapped' && result.record.events).toEqual([
      { kind: 'departure', date: '2019-06-01', evidence: 'departure-record' },
      { kind: 'stay', date: '2019-07-01', grantedBy: 'federal-court' },
    ]);
  });

  it.each([
    [{ BIRTH_DT: '15/04/1990' }, /dateOfBirth \(column BIRTH_DT\): "15\/04\/1990" is not a date in the form MM\/DD\/YYYY/],
    [{ BIRTH_DT: '02/30/1990' }, /is not a date/],
    [{ SEX_CD: '9' }, /sex \(column SEX_CD\): "9" is not a sex marker/],
    [{ COB: 'Atlantis' }, /countryOfBirth \(column COB\): "Atlantis" is not a country/],
    [{ DS_FLAG: 'maybe' }, /arrival.durationOfStatus \(column DS_FLAG\): "maybe" is not yes or no/],
    [{ EVENT_DT: '' }, /arrival.date: is required but the row has no value for it/],
    [{ CLASS: '' }, /arrival.classOfAdmission: is required/],
  ])('rejects %o with a reason naming the field and column', (change, reason) => {
    const result = applyMapping({ ...row, ...change }, arrivals);
    expect(result.kind).toBe('rejected');
    expect(result.kind === 'rejected' && result.reason).toMatch(reason);
  });

  it('reads JSON values: numbers, nested fields, and refuses objects where a value belongs', () => {
    const mapping = SourceMapping.parse({ version: 1, fields: { 'name.given': 'person.given', 'name.surname': 'person.family', dateOfBirth: 'dob' } });
    expect(applyMapping({ person: { given: 'Wei', family: 'Zhang' }, dob: 19800202 }, mapping)).toMatchObject({ kind: 'mapped', record: { name: { given: 'Wei', surname: 'Zhang' }, dateOfBirth: '1980-02-02' } });
    expect(applyMapping({ person: { given: { first: 'Wei' } } }, mapping)).toEqual({ kind: 'rejected', reason: 'column person.given holds an object where a single value belongs' });
  });

  it('refuses an event kind Docket does not know', () => {
    const mapping = SourceMapping.parse({ version: 1, fields: { 'name.full': 'n' }, events: [{ kind: 'protest-attended', fields: { date: 'd' } }] });
    expect(applyMapping({ n: 'A B', d: '2020-01-01' }, mapping)).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/event kind "protest-attended"/) as unknown });
  });
});

describe('parseMappedDate', () => {
  it.each([
    ['1990-04-15', 'YYYY-MM-DD', '1990-04-15'], ['19900415', 'YYYYMMDD', '1990-04-15'], ['15.04.1990', 'DD.MM.YYYY', '1990-04-15'],
    ['15-APR-1990', 'DD-MON-YYYY', '1990-04-15'], ['15/04/1990', 'auto', '1990-04-15'], ['04/15/1990', 'auto', '1990-04-15'],
    ['03/04/1990', 'auto', undefined], ['04/04/1990', 'auto', '1990-04-04'], ['1990-02-29', 'YYYY-MM-DD', undefined], ['2000-02-29', 'auto', '2000-02-29'],
  ] as const)('%s as %s', (text, format, expected) => {
    expect(parseMappedDate(text, format)).toBe(expected);
  });
});

describe('checkRecord', () => {
  const base = { name: { given: 'Ana', surname: 'Pérez-O’Neil' }, aliases: [], citizenships: [], documents: [], addresses: [], events: [] };
  it.each([
    [{ name: {} }, /no name at all/],
    [{ name: { given: '<script>alert(1)</script>' } }, /has characters no name has \(< > \( 1 \) \/\)/],
    [{ name: { surname: "x'); DROP TABLE person_records;--" } }, /has characters no name has/],
    [{ dateOfBirth: '2031-01-01' }, /in the future/],
    [{ dateOfBirth: '1850-01-01' }, /before 1900-01-01/],
    [{ dateOfBirth: '1990-01-01', events: [{ kind: 'arrival', date: '1985-01-01', classOfAdmission: 'B2', durationOfStatus: false }] }, /arrival.date: 1985-01-01 is before the date of birth/],
    [{ documents: [{ kind: 'passport', number: 'AB' }] }, /not a document number/],
  ])('rejects an impossible record: %o', (change, reason) => {
    expect(checkRecord({ ...base, ...change } as Parameters<typeof checkRecord>[0], '2026-11-29')).toMatch(reason);
  });
  it('accepts names in any script', () => {
    for (const given of ['محمد', 'Сергей', '张伟', 'Nguyễn Thị', "D'Angelo", 'Jean-Luc']) expect(checkRecord({ ...base, name: { given } }, '2026-11-29')).toBeUndefined();
  });
});
