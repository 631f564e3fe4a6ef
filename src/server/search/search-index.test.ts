import { describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../core/records/index.js';
import { queryTerms } from './query-terms.js';
import { SearchIndex } from './search-index.js';

const person = (given: string, surname: string, extra: Partial<PersonRecord> = {}): PersonRecord => ({
  name: { given, surname }, aliases: [], citizenships: [], documents: [], addresses: [], events: [], ...extra,
});

function indexOf(records: readonly PersonRecord[], sourceOf: (i: number) => number = () => 1): SearchIndex {
  const index = new SearchIndex();
  records.forEach((record, i) => {
    index.add({ recordId: i + 1, entityId: i + 1, sourceId: sourceOf(i), record });
  });
  return index;
}

const search = (index: SearchIndex, q: string, sources: readonly number[] = [1]) => index.search(queryTerms(q), { limit: 10, sources: new Set(sources) });

describe('query terms', () => {
  it('reads names, document numbers and dates, and marks the last name word as a prefix', () => {
    expect(queryTerms('Ana P4410987 03/04/1985 Per').map((t) => t.kind)).toEqual(['name', 'document', 'date', 'name']);
    const date = queryTerms('03/04/1985')[0];
    expect(date).toMatchObject({ kind: 'date', date: '19850304', swapped: '19850403' });
    expect(queryTerms('Ana Pere').at(-1)).toMatchObject({ token: 'pere', prefix: true });
    expect(queryTerms('Сергей')[0]).toMatchObject({ token: 'sergei' });
  });
});

describe('search index', () => {
  const records = [
    person('Mohammed', 'Al-Hassan', { dateOfBirth: '1985-03-04', documents: [{ kind: 'passport', number: 'P4410987' }] }),
    person('Robert', 'Smith'),
    person('Sergei', 'Ivanov'),
    person('Maria', 'Garcia', { dateOfBirth: '1990-01-02' }),
    person('Maria', 'Lopez', { dateOfBirth: '1990-01-02' }),
    person('Jose', 'Garcia'),
  ];
  const index = indexOf(records);

  it('bridges transliterations, nicknames and sound-alike spellings, and explains each hit', () => {
    expect(search(index, 'Сергей Иванов').at(0)?.personId).toBe(3);
    const bob = search(index, 'Bob Smith').at(0);
    expect(bob?.personId).toBe(2);
    expect(bob?.reasons[0]).toMatch(/"robert" is a known variant of "bob"/);
    const muhammad = search(index, 'Muhamad Alhasan').at(0);
    expect(muhammad?.personId).toBe(1);
    expect(muhammad?.reasons).toEqual(['"mohammed" is a known variant of "muhamad" (nickname or transliteration)', '"alhassan" sounds like "alhasan"']);
  });

  it('finds a name typed in Arabic script, with a date in Arabic-Indic digits', () => {
    const hit = search(index, 'محمد الحسن ١٩٨٥-٠٣-٠٤').at(0);
    expect(hit?.personId).toBe(1);
    expect(hit?.reasons).toContain('"hassan" sounds like "hsn" (typed "الحسن")');
    expect(hit?.reasons).toContain('date of birth 1985-03-04 matches');
    expect(queryTerms('P٤٤١٠٩٨٧')).toEqual(queryTerms('P4410987'));
  });

  it('matches document numbers with letters read as digits, and dates with day and month swapped', () => {
    expect(search(index, 'P441O987').at(0)?.reasons).toEqual(['document number P441O987 matches']);
    const swapped = search(index, 'hassan 1985-04-03').at(0);
    expect(swapped?.personId).toBe(1);
    expect(swapped?.reasons).toContain('date of birth matches 1985-04-03 with day and month swapped');
  });

  it('ranks people who match more of what was typed first', () => {
    const hits = search(index, 'Maria Garcia 1990-01-02');
    expect(hits.map((h) => h.personId).slice(0, 2)).toEqual([4, 5]);
    expect(hits.at(0)?.reasons).toHaveLength(3);
  });

  it('shows only records from sources the purpose permits, and follows moves between people', () => {
    const split = indexOf(records, (i) => (i === 1 ? 2 : 1));
    expect(search(split, 'Robert Smith', [1]).map((h) => h.personId)).not.toContain(2);
    expect(search(split, 'Robert Smith', [1, 2]).at(0)?.personId).toBe(2);
    split.setEntity(2, 99);
    expect(search(split, 'Robert Smith', [1, 2]).at(0)?.personId).toBe(99);
  });

  it('completes the word being typed, and finds nothing for nothing', () => {
    expect(search(index, 'Ivan').map((h) => h.personId)).toEqual([3]);
    expect(search(index, 'zzqx')).toEqual([]);
    expect(index.search([], { limit: 10, sources: new Set([1]) })).toEqual([]);
  });
});

describe('search index at scale', () => {
  it('checks a common date of birth against each candidate of a rare name, and explains it', () => {
    // 3,000 people born the same day: the date is far commoner than the name, so it is probed.
    const many = Array.from({ length: 3000 }, (_, i) => person(`Given${i % 50}`, `Family${i}`, { dateOfBirth: '1980-01-01' }));
    const index = indexOf([...many, person('Zebulon', 'Quayle', { dateOfBirth: '1980-01-01' }), person('Zebulon', 'Quayle', { dateOfBirth: '1975-05-05' })]);
    const hits = search(index, 'Zebulon 1980-01-01');
    expect(hits[0]?.personId).toBe(3001);
    expect(hits[0]?.reasons).toEqual(['name "zebulon" matches', 'date of birth 1980-01-01 matches']);
    expect(hits[1]?.reasons).toEqual(['date of birth 1980-01-01 matches']);
  });

  it('gives equal evidence an equal score, and lets closeness of the written name order only those', () => {
    const index = indexOf([person('Ana', 'Pereira Lopes'), person('Ana', 'Pereira')]);
    const hits = search(index, 'Ana Pereira');
    expect(hits.map((h) => h.score)).toEqual([2, 2]);
    expect(hits.map((h) => h.personId)).toEqual([2, 1]);
  });

  it('hides a record that belongs to no person until it is given one', () => {
    const index = new SearchIndex();
    index.add({ recordId: 1, entityId: 0, sourceId: 7, record: person('Ivo', 'Andric') });
    expect(index.search(queryTerms('Ivo Andric'), { limit: 5, sources: new Set([7]) })).toEqual([]);
    index.setEntity(1, 12);
    expect(index.search(queryTerms('Ivo Andric'), { limit: 5, sources: new Set([7]) }).map((h) => h.personId)).toEqual([12]);
    expect(index.search(queryTerms('Ivo Andric'), { limit: 5, sources: new Set([8]) })).toEqual([]);
  });
});
