import type { ValueDictionary } from '../dataset/value-dictionary.js';
import { dayNumber } from '../standardize/parse-date.js';
import { CharStore } from './char-store.js';
import { storeWithinOneEdit } from './code-similarity.js';

/** Date levels, in the order of `comparisonLevels.date`. */
export const DateLevel = { exact: 1, typo: 2, swap: 3, month: 4, year: 5, different: 6 } as const;

/**
 * Compares dates held as YYYYMMDD text (or the raw digits of a mistyped date): exact; one typed
 * character; day and month swapped; within 31 days; within a year; different.
 */
export class DateComparator {
  private readonly text = new CharStore();
  private days = new Float64Array(256);

  constructor(private readonly dictionary: ValueDictionary) {}

  private ensure(id: number): void {
    while (this.text.size <= id) {
      const k = this.text.size;
      const value = this.dictionary.value(k);
      this.text.push(value);
      if (k >= this.days.length) {
        const days = new Float64Array(this.days.length * 2);
        days.set(this.days);
        this.days = days;
      }
      this.days[k] = dayNumber(value);
    }
  }

  /** Lays out every date now, so no later comparison pays for it. */
  prepare(): void {
    this.ensure(this.dictionary.size - 1);
  }

  compare(a: number, b: number): number {
    if (a === b) return DateLevel.exact;
    this.ensure(a > b ? a : b);
    const store = this.text;
    if (storeWithinOneEdit(store, a, b)) return DateLevel.typo;
    if (store.length[a] === 8 && store.length[b] === 8 && this.swapped(store.start[a], store.start[b])) return DateLevel.swap;
    const gap = Math.abs(this.days[a] - this.days[b]);
    if (gap <= 31) return DateLevel.month;
    if (gap <= 366) return DateLevel.year;
    return DateLevel.different;
  }

  /** Same year, and MMDD of one is DDMM of the other. */
  private swapped(sa: number, sb: number): boolean {
    const c = this.text.chars;
    for (let k = 0; k < 4; k++) if (c[sa + k] !== c[sb + k]) return false;
    return c[sa + 4] === c[sb + 6] && c[sa + 5] === c[sb + 7] && c[sa + 6] === c[sb + 4] && c[sa + 7] === c[sb + 5];
  }
}
