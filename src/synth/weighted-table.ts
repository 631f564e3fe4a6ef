import type { Random } from './random.js';

/**
 * Draws items with integer weights (so sampling is exact on every machine) by binary search
 * over cumulative weights.
 */
export class WeightedTable<T> {
  private readonly cumulative: Uint32Array;
  readonly total: number;

  private constructor(readonly items: readonly T[], weights: readonly number[]) {
    if (items.length === 0 || items.length !== weights.length) throw new RangeError('a weighted table needs one weight per item');
    this.cumulative = new Uint32Array(items.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      const weight = Math.round(weights[i] ?? 0);
      if (weight < 0) throw new RangeError('weights must not be negative');
      sum += weight;
      this.cumulative[i] = sum;
    }
    if (sum <= 0 || sum >= 4294967296) throw new RangeError('the total weight must be positive and below 2^32');
    this.total = sum;
  }

  /** Weights given beside each item. */
  static of<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
    return new WeightedTable(entries.map((entry) => entry[0]), entries.map((entry) => entry[1] * 1000));
  }

  /**
   * Zipf-like weights by rank (the first item the most frequent): weight ∝ 1 / (rank + offset).
   * The offset flattens the head; rational weights keep the table identical everywhere.
   */
  static zipf<T>(items: readonly T[], offset = 1.5): WeightedTable<T> {
    return new WeightedTable(items, items.map((_, rank) => 1_000_000 / (rank + 1 + offset)));
  }

  sample(random: Random): T {
    const target = random.below(this.total);
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.cumulative[mid] ?? 0) > target) high = mid;
      else low = mid + 1;
    }
    return this.items[low];
  }
}
