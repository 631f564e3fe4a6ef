import type { Dataset } from '../dataset/dataset.js';
import { levelLabels } from '../schema/comparison-kind.js';
import { DateComparator } from './date-comparator.js';
import { NameComparator } from './name-comparator.js';
import { CodeComparator, IdentifierComparator, TextComparator } from './simple-comparators.js';

/** Missing sorts after every real level when choosing the better name orientation. */
const missingRank = 100;

function rank(level: number): number {
  return level === 0 ? missingRank : level;
}

/** Comparator kinds as small numbers, so the per-field loop is one switch. */
const Kind = { name: 0, date: 1, identifier: 2, code: 3, category: 4, text: 5 } as const;

interface FieldComparator {
  compare(a: number, b: number): number;
}

/**
 * Compares two records of a dataset field by field, giving one level per comparison (0 = missing).
 * Given name and surname are compared both ways round, and the crossed reading is kept when it
 * is better, so swapped names still agree.
 */
export class PairComparer {
  /** Levels per comparison, counting the missing level. */
  readonly levelCounts: readonly number[];
  private readonly columns: Int32Array[];
  private readonly kinds: Uint8Array;
  private readonly fields: (FieldComparator | undefined)[];
  private readonly nameComparators: (NameComparator | undefined)[];
  private readonly sides: ('given' | 'surname')[];
  private readonly given: number;
  private readonly surname: number;
  private readonly names: NameComparator | undefined;

  constructor(private readonly dataset: Dataset) {
    const specs = dataset.comparisons;
    this.levelCounts = specs.map((s) => levelLabels(s.kind).length);
    this.columns = specs.map((_, c) => dataset.column(c));
    this.given = dataset.comparisonIndex('given');
    this.surname = dataset.comparisonIndex('surname');
    const shared = this.given >= 0 ? this.given : this.surname;
    this.names = shared >= 0 ? new NameComparator(dataset.dictionaries[shared]) : undefined;
    this.kinds = Uint8Array.from(specs, (s) => Kind[s.kind]);
    this.sides = specs.map((_, c) => (c === this.surname ? 'surname' : 'given'));
    this.nameComparators = specs.map((spec, c) => {
      if (spec.kind !== 'name') return undefined;
      return c === this.given || c === this.surname ? this.names : new NameComparator(dataset.dictionaries[c]);
    });
    this.fields = specs.map((spec, c) => {
      const dictionary = dataset.dictionaries[c];
      switch (spec.kind) {
        case 'date':
          return new DateComparator(dictionary);
        case 'identifier':
          return new IdentifierComparator(dictionary);
        case 'code':
          return new CodeComparator(dictionary);
        case 'text':
          return new TextComparator(dictionary);
        case 'name':
        case 'category':
          return undefined;
      }
    });
  }

  /** Re-reads the columns after records were added. */
  refresh(): void {
    for (let c = 0; c < this.columns.length; c++) this.columns[c] = this.dataset.column(c);
  }

  /**
   * Writes the level of each comparison for records `i` and `j` into `out`, and returns whether
   * the names were read crossed (given against surname).
   */
  compare(i: number, j: number, out: Uint8Array): boolean {
    const columns = this.columns;
    for (let c = 0; c < columns.length; c++) {
      if (c === this.given || c === this.surname) continue;
      const a = columns[c][i];
      const b = columns[c][j];
      if (a < 0 || b < 0) {
        out[c] = 0;
        continue;
      }
      switch (this.kinds[c]) {
        case Kind.category:
          out[c] = a === b ? 1 : 2;
          break;
        case Kind.name:
          out[c] = (this.nameComparators[c] as NameComparator).compare(a, b, this.sides[c]);
          break;
        default:
          out[c] = (this.fields[c] as FieldComparator).compare(a, b);
      }
    }
    return this.compareNames(i, j, out);
  }
  private compareNames(i: number, j: number, out: Uint8Array): boolean {
    const g = this.given;
    const s = this.surname;
    const names = this.names;
    if (names === undefined) return false;
    if (g < 0 || s < 0) {
      const c = g >= 0 ? g : s;
      const a = this.columns[c][i];
      const b = this.columns[c][j];
      out[c] = a < 0 || b < 0 ? 0 : names.compare(a, b, c === g ? 'given' : 'surname');
      return false;
    }
    const gi = this.columns[g][i];
    const gj = this.columns[g][j];
    const si = this.columns[s][i];
    const sj = this.columns[s][j];
    const direct0 = gi < 0 || gj < 0 ? 0 : names.compare(gi, gj, 'given');
    const direct1 = si < 0 || sj < 0 ? 0 : names.compare(si, sj, 'surname');
    out[g] = direct0;
    out[s] = direct1;
    // Only a poor direct reading is worth the crossed one (typo or better on both is kept).
    if (direct0 !== 0 && direct0 <= 4 && direct1 !== 0 && direct1 <= 4) return false;
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
