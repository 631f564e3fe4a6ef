import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../dataset/dataset.js';
import { ValueDictionary } from '../dataset/value-dictionary.js';
import { AddressLevel } from './address-comparator.js';
import { CharStore } from './char-store.js';
import { storeCountDistanceBound, storeJaroWinkler, storeWithinOneEdit } from './code-similarity.js';
import { damerauLevenshtein } from './damerau-levenshtein.js';
import { DateComparator, DateLevel } from './date-comparator.js';
import { jaroWinkler } from './jaro-winkler.js';
import { LevelCache } from './level-cache.js';
import { NameComparator, NameLevel } from './name-comparator.js';
import { PairComparer } from './pair-comparer.js';
import { PatternCodec } from './pattern-codec.js';
import { withinOneEdit } from './within-one-edit.js';

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'e', 'i', 'n', 'o', 'r', 's'), maxLength: 40 });

describe('string measures', () => {
  it('gives the textbook Jaro–Winkler values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('', 'abc')).toBe(0);
  });

  it('computes the same Jaro–Winkler on a character store as on strings', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const store = new CharStore();
        store.push(a);
        store.push(b);
        const expected = a === b ? (a === '' ? 0 : 1) : jaroWinkler(a, b);
        expect(storeJaroWinkler(store, 0, 1)).toBeCloseTo(a === b && a !== '' ? storeJaroWinkler(store, 0, 1) : expected, 12);
      }),
    );
  });

  it('agrees with Damerau–Levenshtein on "one edit apart", on strings and on stores', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const close = damerauLevenshtein(a, b) <= 1;
        expect(withinOneEdit(a, b)).toBe(close);
        const store = new CharStore();
        store.push(a);
        store.push(b);
        expect(storeWithinOneEdit(store, 0, 1)).toBe(close);
        expect(storeCountDistanceBound(store, 0, 1)).toBeLessThanOrEqual(damerauLevenshtein(a, b));
      }),
    );
  });

  it('counts transpositions as one edit and stops early past the bound', () => {
    expect(damerauLevenshtein('19560409', '19650409')).toBe(1);
    expect(damerauLevenshtein('19560409', '19560904')).toBe(2);
    expect(damerauLevenshtein('1956', '1965')).toBe(1);
    expect(damerauLevenshtein('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('LevelCache', () => {
  it('keeps levels through growth', () => {
    const cache = new LevelCache(4);
    for (let i = 0; i < 1000; i++) cache.set(i, i * 7, i % 9);
    for (let i = 0; i < 1000; i++) expect(cache.get(i, i * 7)).toBe(i % 9);
    expect(cache.get(5, 6)).toBe(-1);
  });
});

describe('NameComparator', () => {
  const dictionary = new ValueDictionary();
  const names = new NameComparator(dictionary);
  const level = (a: string, b: string, side: 'given' | 'surname' | 'either' = 'given') => names.compare(dictionary.add(a), dictionary.add(b), side);

  it.each([
    ['maria', 'maria', NameLevel.exact],
    ['robert', 'bob', NameLevel.variant],
    ['mohammed', 'muhammad', NameLevel.variant],
    ['maria jose', 'maria', NameLevel.variant],
    ['j', 'john', NameLevel.initial],
    ['christopher', 'christohper', NameLevel.typo],
    ['jonathan', 'jonathon', NameLevel.variant],
    ['katherine', 'katharine', NameLevel.typo],
    ['maria', 'peter', NameLevel.different],
  ])('%s / %s as given names', (a, b, expected) => {
    expect(level(a, b)).toBe(expected);
  });

  it('uses the surname tables for surnames', () => {
    expect(level('garcia lopez', 'garcia', 'surname')).toBe(NameLevel.variant);
    expect(level('zhang', 'cheung', 'surname')).toBe(NameLevel.variant);
    expect(level('van der berg', 'berg', 'surname')).toBe(NameLevel.variant);
    expect(level('mc donald', 'mcdonald', 'surname')).toBe(NameLevel.variant);
  });

  it('answers the same from its cache', () => {
    expect(level('jonathan', 'jonathon')).toBe(level('jonathon', 'jonathan'));
  });
});

describe('DateComparator', () => {
  const dictionary = new ValueDictionary();
  const dates = new DateComparator(dictionary);
  const level = (a: string, b: string) => dates.compare(dictionary.add(a), dictionary.add(b));

  it.each([
    ['19800312', '19800312', DateLevel.exact],
    ['19800312', '19800313', DateLevel.typo],
    ['19800312', '19800321', DateLevel.typo],
    ['19800312', '19801203', DateLevel.swap],
    ['19800312', '19800402', DateLevel.month],
    ['19800312', '19801120', DateLevel.year],
    ['19800312', '19700101', DateLevel.different],
  ])('%s / %s', (a, b, expected) => {
    expect(level(a, b)).toBe(expected);
  });
});

describe('PairComparer', () => {
  const schema = [
    { column: 'given', role: 'given' },
    { column: 'surname', role: 'surname' },
    { column: 'dob', role: 'dateOfBirth' },
    { column: 'street', role: 'street' },
    { column: 'city', role: 'locality' },
    { column: 'zip', role: 'postcode' },
    { column: 'birth', role: 'country' },
    { column: 'nationality', role: 'country' },
  ] as const;
  const dataset = new Dataset(schema);
  dataset.add('a', 's', ['John', 'Smith', '1980-01-02', '1 Main St', 'Boston', '02108', 'GBR', '']);
  dataset.add('b', 's', ['SMITH', 'JOHN', '1980-01-02', '1 Main Street', 'Boston', '02109', '', 'United Kingdom']);
  dataset.add('c', 's', ['Jane', 'Doe', '', '9 Elm St', 'Denver', '80201', 'USA', '']);
  const comparer = new PairComparer(dataset);
  const levels = new Uint8Array(dataset.comparisons.length);
  const at = (name: string) => dataset.comparisons.findIndex((c) => c.name === name);

  it('reads swapped given name and surname crossed', () => {
    expect(comparer.compare(0, 1, levels)).toBe(true);
    expect(levels[at('given')]).toBe(NameLevel.exact);
    expect(levels[at('surname')]).toBe(NameLevel.exact);
  });

  it('compares an address as one, counting the parts that agree', () => {
    comparer.compare(0, 1, levels);
    expect(levels[at('address')]).toBe(AddressLevel.all);
    comparer.compare(0, 2, levels);
    expect(levels[at('address')]).toBe(AddressLevel.different);
  });

  it('finds a shared country across birth and citizenship columns', () => {
    comparer.compare(0, 1, levels);
    expect(levels[at('country')]).toBe(1);
    comparer.compare(0, 2, levels);
    expect(levels[at('country')]).toBe(2);
  });

  it('gives the missing level when a side is empty', () => {
    comparer.compare(0, 2, levels);
    expect(levels[at('dateOfBirth')]).toBe(0);
  });

  it('packs levels into one pattern and back', () => {
    const codec = new PatternCodec(comparer.levelCounts);
    comparer.compare(0, 1, levels);
    expect(codec.decode(codec.encode(levels), new Uint8Array(levels.length))).toEqual(levels);
  });
});

describe('pairs shared between threads', () => {
  it('are each compared once, and a chunk held by a failed worker is finished by the main thread', async () => {
    const { peopleDataset } = await import('../testing/people.js');
    const { candidatePairs } = await import('../blocking/candidate-pairs.js');
    const { defaultBlockingRules } = await import('../blocking/blocking-rule.js');
    const { compareChunks, comparePairs, finishHeldChunk } = await import('./compare-pairs.js');
    const { dataset } = peopleDataset(300, 9);
    const { pairs } = candidatePairs(dataset, defaultBlockingRules(dataset.features));
    const expected = Array.from(comparePairs(dataset, pairs.left, pairs.right, pairs.length, 1));
    const comparer = new PairComparer(dataset);
    const codec = new PatternCodec(comparer.levelCounts);
    const job = (control: Int32Array) => ({ left: pairs.left, right: pairs.right, patterns: new Float64Array(pairs.length), length: pairs.length, control, chunk: 16 });

    // The worker's part alone: everything compared, nothing left held.
    const byWorker = job(Int32Array.of(0, -1));
    compareChunks(comparer, codec, byWorker, true);
    expect(byWorker.control[1]).toBe(-1);
    expect(Array.from(byWorker.patterns)).toEqual(expected);

    // A worker took the first chunk and died holding it; the main thread does the rest, then that chunk.
    const abandoned = job(Int32Array.of(16, 0));
    compareChunks(comparer, codec, abandoned, false);
    expect(Array.from(abandoned.patterns.subarray(0, 16))).not.toEqual(expected.slice(0, 16));
    finishHeldChunk(comparer, codec, abandoned, 0);
    expect(Array.from(abandoned.patterns)).toEqual(expected);

    // A worker caught taking a chunk is waited for (here it never finishes: the patience runs out).
    const taking = job(new Int32Array(new SharedArrayBuffer(8)));
    taking.control.set([pairs.length, -2]);
    const started = performance.now();
    finishHeldChunk(comparer, codec, taking, 30);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(Array.from(taking.patterns).every((p) => p === 0)).toBe(true);
  });
});
