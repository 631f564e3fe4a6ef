import type { PatternCodec } from '../compare/pattern-codec.js';
import type { Dataset } from '../dataset/dataset.js';
import type { LinkageModel } from '../model/linkage-model.js';
import { exactLevel } from '../schema/comparison-kind.js';

/**
 * Scores compared pairs with a model: the prior, plus the weight of each comparison's level, with
 * exact agreement on a term-frequency field weighted by how rare the shared value is:
 * log2(m_exact / frequency), so agreeing on Quiroga counts for more than agreeing on Garcia.
 */
export class PairScorer {
  private readonly patternWeights = new Map<number, number>();
  private readonly tfComparisons: readonly number[];
  private readonly columns: Int32Array[];

  constructor(
    private readonly model: LinkageModel,
    private readonly dataset: Dataset,
    private readonly codec: PatternCodec,
  ) {
    this.tfComparisons = model.comparisons.flatMap((c, i) => (c.termFrequency ? [i] : []));
    this.columns = model.comparisons.map((_, c) => dataset.column(c));
  }

  /** Re-reads the columns after records were added. */
  refresh(): void {
    for (let c = 0; c < this.columns.length; c++) this.columns[c] = this.dataset.column(c);
  }

  /** Total match weight in bits (prior included) of a pair of record `i` with comparison pattern `code`. */
  score(i: number, code: number): number {
    let weight = this.patternWeight(code);
    for (const c of this.tfComparisons) {
      if (this.codec.level(code, c) === exactLevel) weight += this.termFrequencyAdjustment(c, this.columns[c][i]);
    }
    return weight;
  }

  /** The weight of a pattern without term-frequency adjustment, prior included. */
  patternWeight(code: number): number {
    let weight = this.patternWeights.get(code);
    if (weight === undefined) {
      weight = this.model.priorWeight;
      for (let c = 0; c < this.codec.size; c++) weight += this.model.weights[c][this.codec.level(code, c)];
      this.patternWeights.set(code, weight);
    }
    return weight;
  }

  /**
   * How much exact agreement on value `id` of comparison `c` weighs above the average exact
   * agreement: log2(u_exact / frequency), the frequency floored at one record.
   */
  termFrequencyAdjustment(c: number, id: number): number {
    const counts = this.dataset.counts[c];
    if (counts.total === 0) return 0;
    const frequency = Math.max(counts.count(id), 1) / counts.total;
    const level = this.model.comparisons[c].levels[exactLevel];
    return Math.log2(level.u / frequency);
  }
}
