import type { Dataset } from '../dataset/dataset.js';
import { levelLabels } from '../schema/comparison-kind.js';
import { AddressComparator, CountriesComparator } from './address-comparator.js';
import { DateComparator } from './date-comparator.js';
import type { NameSide } from './name-comparator.js';
import { NameComparator } from './name-comparator.js';
import { CodeComparator, IdentifierComparator, TextComparator } from './simple-comparators.js';

/** Missing sorts after every real level when choosing the better name orientation. */
const missingRank = 100;

function rank(level: number): number {
  return level === 0 ? missingRank : level;
}

/** Name levels up to this one (typo) are good enough not to try the names crossed. */
const goodNameLevel = 4;

/** Comparator kinds as small numbers, so the per-comparison loop is one switch. */
const Kind = { name: 0, date: 1, identifier: 2, code: 3, category: 4, text: 5, address: 6, countries: 7 } as const;

interface ValueComparator {
  compare(a: number, b: number): number;
  prepare(): void;
}

interface RecordComparator {
  compare(i: number, j: number): number;
  refresh(): void;
  prepare(): void;
}

/**
 * Compares two records of a dataset comparison by comparison, giving one level each (0 = missing).
 * Given name and surname are compared both ways round, and the crossed reading is kept when it
 * is better, so swapped names still agree.
 */
export class PairComparer {
  /** Levels per comparison, counting the missing level. */
  readonly levelCounts: readonly number[];
  private readonly columns: Int32Array[];
  /** The feature each one-field comparison reads (-1 for address and countries). */
  private readonly featureOf: Int32Array;
  private readonly kinds: Uint8Array;
  private readonly values: (ValueComparator | undefined)[];
  private readonly records: (RecordComparator | undefined)[];
  private readonly sides: NameSide[];
  /** Comparison indices of given name and surname (-1 when absent). */
  private readonly given: number;
  private readonly surname: number;
  private readonly names: NameComparator | undefined;

  /** `cacheNames`: remember name levels per pair of names (see `NameComparator`). */
  constructor(private readonly dataset: Dataset, cacheNames = true) {
    const specs = dataset.comparisons;
    this.levelCounts = specs.map((s) => levelLabels(s.kind).length);
    this.featureOf = Int32Array.from(dataset.comparisonFeatures, (f) => (f.length === 1 ? f[0] : -1));
    this.columns = dataset.features.map((_, f) => dataset.column(f));
    this.given = specs.findIndex((c) => c.name === 'given');
    this.surname = specs.findIndex((c) => c.name === 'surname');
    const nameFeature = dataset.features.findIndex((f) => f.role === 'given' || f.role === 'middle' || f.role === 'surname');
    this.names = nameFeature >= 0 ? new NameComparator(dataset.dictionaries[nameFeature], cacheNames) : undefined;
    this.kinds = Uint8Array.from(specs, (s) => Kind[s.kind]);
    this.sides = specs.map((c) => (c.name === 'surname' ? 'surname' : 'given'));
    this.values = specs.map((spec, c) => {
      const dictionary = dataset.dictionaries[Math.max(0, this.featureOf[c])];
      switch (spec.kind) {
        case 'name':
          return undefined;
        case 'date':
          return new DateComparator(dictionary);
        case 'identifier':
          return new IdentifierComparator(dictionary);
        case 'code':
          return new CodeComparator(dictionary);
        case 'text':
          return new TextComparator(dictionary);
        case 'category':
        case 'address':
        case 'countries':
          return undefined;
      }
    });
    this.records = specs.map((spec, c) => {
      if (spec.kind === 'address') return new AddressComparator(dataset, dataset.comparisonFeatures[c]);
      if (spec.kind === 'countries') return new CountriesComparator(dataset, dataset.comparisonFeatures[c]);
      return undefined;
    });
  }

  /** Re-reads the columns after records were added. */
  refresh(): void {
    for (let f = 0; f < this.columns.length; f++) this.columns[f] = this.dataset.column(f);
    for (const r of this.records) r?.refresh();
  }

  /**
   * Works out what comparisons need of every value now (name cores and sounds, character
   * layouts), so a live index answers its first queries without that work and its garbage.
   */
  prepare(): void {
    this.names?.prepare();
    for (const v of this.values) v?.prepare();
    for (const r of this.records) r?.prepare();
  }

  /** Forgets the remembered name levels. */
  forget(): void {
    this.names?.forget();
  }

  /**
   * Writes the level of each comparison for records `i` and `j` into `out`, and returns whether
   * the names were read crossed (given against surname).
   */
  compare(i: number, j: number, out: Uint8Array): boolean {
    const kinds = this.kinds;
    for (let c = 0; c < kinds.length; c++) {
      if (c === this.given || c === this.surname) continue;
      const kind = kinds[c];
      if (kind === Kind.address || kind === Kind.countries) {
        out[c] = (this.records[c] as RecordComparator).compare(i, j);
        continue;
      }
      const column = this.columns[this.featureOf[c]];
      const a = column[i];
      const b = column[j];
      if (a < 0 || b < 0) out[c] = 0;
      else if (kind === Kind.category) out[c] = a === b ? 1 : 2;
      else if (kind === Kind.name) out[c] = (this.names as NameComparator).compare(a, b, this.sides[c]);
      else out[c] = (this.values[c] as ValueComparator).compare(a, b);
    }
    return this.compareNames(i, j, out);
  }

  private compareNames(i: number, j: number, out: Uint8Array): boolean {
    const g = this.given;
    const s = this.surname;
    const names = this.names;
    if (names === undefined || (g < 0 && s < 0)) return false;
    if (g < 0 || s < 0) {
      const c = g >= 0 ? g : s;
      const column = this.columns[this.featureOf[c]];
      out[c] = column[i] < 0 || column[j] < 0 ? 0 : names.compare(column[i], column[j], c === g ? 'given' : 'surname');
      return false;
    }
    const givenColumn = this.columns[this.featureOf[g]];
    const surnameColumn = this.columns[this.featureOf[s]];
    const gi = givenColumn[i];
    const gj = givenColumn[j];
    const si = surnameColumn[i];
    const sj = surnameColumn[j];
    const direct0 = gi < 0 || gj < 0 ? 0 : names.compare(gi, gj, 'given');
    const direct1 = si < 0 || sj < 0 ? 0 : names.compare(si, sj, 'surname');
    out[g] = direct0;
    out[s] = direct1;
    if (direct0 !== 0 && direct0 <= goodNameLevel && direct1 !== 0 && direct1 <= goodNameLevel) return false;
    // Names written the other way round still start with the same letters; without a shared first
    // letter across, the crossed reading cannot be the better one worth having.
    if (!names.sameInitial(gi, sj) && !names.sameInitial(si, gj)) return false;
    const cross0 = gi < 0 || sj < 0 ? 0 : names.compare(gi, sj, 'either');
    const cross1 = si < 0 || gj < 0 ? 0 : names.compare(si, gj, 'either');
    if (rank(cross0) + rank(cross1) < rank(direct0) + rank(direct1)) {
      out[g] = cross0;
      out[s] = cross1;
      return true;
    }
    return false;
  }
}
