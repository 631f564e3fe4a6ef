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
  /** For each term-frequency comparison, the feature it reads. */
  private readonly tfFeatures: readonly number[];
  private readonly columns: Int32Array[];

  constructor(
    private readonly model: LinkageModel,
    private readonly dataset: Dataset,
    private readonly codec: PatternCodec,
  ) {
    this.tfComparisons = model.comparisons.flatMap((c, i) => (c.termFrequency ? [i] : []));
    this.tfFeatures = this.tfComparisons.map((c) => dataset.comparisonFeatures[c][0]);
    this.columns = this.tfFeatures.map((f) => dataset.column(f));
  }

  /** Re-reads the columns after records were added. */
  refresh(): void {
    for (let k = 0; k < this.tfFeatures.length; k++) this.columns[k] = this.dataset.column(this.tfFeatures[k]);
  }

  /** Total match weight in bits (prior included) of a pair of record `i` with comparison pattern `code`. */
  score(i: number, code: number): number {
    let weight = this.patternWeight(code);
    for (let k = 0; k < this.tfComparisons.length; k++) {
      const c = this.tfComparisons[k];
      if (this.codec.level(code, c) === exactLevel) weight += this.termFrequencyAdjustment(c, this.columns[k][i]);
    }
    return weight;
  }

  /**
   * Scores many pairs at once from their pattern ids: each distinct pattern's weight is worked out
   * once, then each pair adds the term-frequency adjustments its exact agreements call for.
   */
  scoreAll(left: Int32Array, patternIds: Int32Array, codes: Float64Array, length: number, out: Float64Array): void {
    const P = codes.length;
    const base = new Float64Array(P);
    // Bit k: the pattern agrees exactly on the k-th term-frequency comparison.
    const exactMask = new Int32Array(P);
    for (let p = 0; p < P; p++) {
      base[p] = this.patternWeight(codes[p]);
      for (let k = 0; k < this.tfComparisons.length; k++) if (this.codec.level(codes[p], this.tfComparisons[k]) === exactLevel) exactMask[p] |= 1 << k;
    }
    const adjustments = this.tfComparisons.map((c, k) => {
      const size = this.dataset.dictionaries[this.tfFeatures[k]].size;
      const table = new Float64Array(size);
      for (let id = 0; id < size; id++) table[id] = this.termFrequencyAdjustment(c, id);
      return table;
    });
    for (let i = 0; i < length; i++) {
      const p = patternIds[i];
      let weight = base[p];
      for (let mask = exactMask[p], k = 0; mask !== 0; mask >>>= 1, k++) if ((mask & 1) !== 0) weight += adjustments[k][this.columns[k][left[i]]];
      out[i] = weight;
    }
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
   * How much exact agreement on value `id` of (one-field) comparison `c` weighs above the average
   * exact agreement: log2(u_exact / frequency), the frequency floored at one record. A given name
   * or surname takes the larger of its frequencies as either, because names written the other
   * way round are compared crossed (a surname as rare given name is no rare name).
   */
  termFrequencyAdjustment(c: number, id: number): number {
    const feature = this.dataset.comparisonFeatures[c][0];
    const counts = this.dataset.counts[feature];
    if (counts.total === 0) return 0;
    let frequency = Math.max(counts.count(id), 1) / counts.total;
    const role = this.dataset.features[feature].role;
    if (role === 'given' || role === 'surname') {
      const other = this.dataset.featureIndex(role === 'given' ? 'surname' : 'given');
      const otherCounts = other >= 0 ? this.dataset.counts[other] : undefined;
      if (otherCounts !== undefined && otherCounts.total > 0) frequency = Math.max(frequency, otherCounts.count(id) / otherCounts.total);
    }
    const level = this.model.comparisons[c].levels[exactLevel];
    return Math.log2(level.u / frequency);
  }
}
