import { PairComparer } from '../compare/pair-comparer.js';
import { PatternCodec } from '../compare/pattern-codec.js';
import type { Dataset } from '../dataset/dataset.js';
import type { LinkageModel } from '../model/linkage-model.js';
import { probabilityOf } from '../model/linkage-model.js';
import { exactLevel } from '../schema/comparison-kind.js';
import { PairScorer } from './pair-scorer.js';

/** One comparison's part in a pair's score. */
export interface ComparisonEvidence {
  readonly comparison: string;
  readonly level: number;
  readonly label: string;
  readonly left: string;
  readonly right: string;
  /** Bits this comparison adds (term-frequency adjustment included). */
  readonly weight: number;
}

/** Why two records score as they do: the prior plus each comparison's weight make the total. */
export interface PairExplanation {
  readonly left: number;
  readonly right: number;
  /** Given name was compared with surname (the names were written the other way round). */
  readonly namesCrossed: boolean;
  /** The prior odds, in bits. */
  readonly prior: number;
  readonly comparisons: readonly ComparisonEvidence[];
  /** prior + Σ comparison weights. */
  readonly weight: number;
  readonly probability: number;
}

/**
 * Explains the match weight of any pair of records, as a waterfall: the prior, then per comparison
 * the level reached and its weight in bits; they add up exactly to the pair's score.
 */
export class PairExplainer {
  private readonly comparer: PairComparer;
  private readonly codec: PatternCodec;
  private readonly scorer: PairScorer;
  private readonly levels: Uint8Array;

  constructor(
    private readonly model: LinkageModel,
    private readonly dataset: Dataset,
  ) {
    this.comparer = new PairComparer(dataset, false);
    this.codec = new PatternCodec(this.comparer.levelCounts);
    this.scorer = new PairScorer(model, dataset, this.codec);
    this.levels = new Uint8Array(this.codec.size);
  }

  /** See `PairComparer.prepare`. */
  prepare(): void {
    this.comparer.prepare();
  }

  /** Re-reads the dataset's columns after records were added. */
  refresh(): void {
    this.comparer.refresh();
    this.scorer.refresh();
  }

  explain(i: number, j: number): PairExplanation {
    const namesCrossed = this.comparer.compare(i, j, this.levels);
    const comparisons: ComparisonEvidence[] = [];
    let weight = this.model.priorWeight;
    this.model.comparisons.forEach((spec, c) => {
      const level = this.levels[c];
      const features = this.dataset.comparisonFeatures[c];
      let w = this.model.weights[c][level];
      if (spec.termFrequency && level === exactLevel) w += this.scorer.termFrequencyAdjustment(c, this.dataset.column(features[0])[i]);
      weight += w;
      comparisons.push({ comparison: spec.name, level, label: spec.levels[level].label, left: this.describe(features, i), right: this.describe(features, j), weight: w });
    });
    return { left: i, right: j, namesCrossed, prior: this.model.priorWeight, comparisons, weight, probability: probabilityOf(weight) };
  }

  /** A record's values for a comparison: one value, or the parts present joined with " | ". */
  private describe(features: readonly number[], record: number): string {
    if (features.length === 1) return this.dataset.value(features[0], record);
    return features.map((f) => this.dataset.value(f, record)).filter((v) => v !== '').join(' | ');
  }

  /** The total match weight of a pair (prior included), without building the explanation. */
  score(i: number, j: number): number {
    this.comparer.compare(i, j, this.levels);
    return this.scorer.score(i, this.codec.encode(this.levels));
  }
}
