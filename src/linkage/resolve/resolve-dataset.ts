import { DocketError } from '../../core/errors/index.js';
import type { BlockingRule } from '../blocking/blocking-rule.js';
import { defaultBlockingRules, defaultMaxBlockSize } from '../blocking/blocking-rule.js';
import type { RuleStats } from '../blocking/candidate-pairs.js';
import { candidatePairs } from '../blocking/candidate-pairs.js';
import { CompareHelper, comparePairs, threadsFor } from '../compare/compare-pairs.js';
import { PairComparer } from '../compare/pair-comparer.js';
import { PatternCodec } from '../compare/pattern-codec.js';
import type { Clustering } from '../cluster/cluster-pairs.js';
import { clusterPairs } from '../cluster/cluster-pairs.js';
import type { Dataset } from '../dataset/dataset.js';
import type { LinkageModel } from '../model/linkage-model.js';
import { probabilityOf } from '../model/linkage-model.js';
import type { TrainOptions, TrainReport } from '../model/train-model.js';
import { trainModel } from '../model/train-model.js';
import type { PatternTable } from '../model/pattern-counts.js';
import { tabulatePatterns } from '../model/pattern-counts.js';
import { PairScorer } from '../score/pair-scorer.js';

export interface ResolveOptions extends TrainOptions {
  readonly rules?: readonly BlockingRule[];
  /** Score with this model instead of training one on the data. */
  readonly model?: LinkageModel;
  /** Threads for comparing pairs (1 or 2; default: 2 for large runs when two cores are there). */
  readonly threads?: number;
  /** Called as stages progress, for progress bars. */
  readonly onProgress?: (stage: ResolveStage, done: number, total: number) => void;
}

export type ResolveStage = 'blocking' | 'comparing' | 'training' | 'scoring' | 'clustering';

/** A blocking rule's yield, with its share of the expected matches among all candidate pairs. */
export interface BlockingReport extends RuleStats {
  /** Expected matches in its blocks over expected matches in all candidate pairs. */
  readonly estimatedRecall: number;
}

/** Every candidate pair, compared and scored. */
export interface ScoredCandidates {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly patterns: Float64Array;
  readonly weights: Float64Array;
  readonly length: number;
}

export interface Resolution {
  readonly model: LinkageModel;
  readonly training: TrainReport | undefined;
  readonly blocking: readonly BlockingReport[];
  readonly pairs: ScoredCandidates;
  readonly clustering: Clustering;
  /** Pairs for clerical review: uncertain match probability, a link refused by clustering, or one held back because a field contradicts it. */
  readonly review: readonly number[];
  readonly seconds: Readonly<Record<ResolveStage, number>>;
}

/**
 * Resolves a whole dataset: blocks, compares, trains (unless a model is given), scores and clusters.
 * @example const { clustering } = resolveDataset(dataset); clustering.entity[i] is record i's entity.
 */
export function resolveDataset(dataset: Dataset, options: ResolveOptions = {}): Resolution {
  const seconds: Record<ResolveStage, number> = { blocking: 0, comparing: 0, training: 0, scoring: 0, clustering: 0 };
  let clock = performance.now();
  const lap = (stage: ResolveStage) => {
    const now = performance.now();
    seconds[stage] = (now - clock) / 1000;
    clock = now;
  };
  if (options.model !== undefined) checkModelFits(options.model, dataset);
  const progress = options.onProgress;
  const rules = options.rules ?? options.model?.json.blockingRules ?? defaultBlockingRules(dataset.features);
  // A second thread gets ready to compare while this one blocks.
  const helper = CompareHelper.startFor(dataset, options.threads);
  let candidates: ReturnType<typeof candidatePairs>;
  try {
    candidates = candidatePairs(dataset, rules, options.maxBlockSize ?? options.model?.json.maxBlockSize ?? defaultMaxBlockSize);
  } catch (error) {
    helper?.stop();
    throw error;
  }
  const { pairs } = candidates;
  lap('blocking');
  progress?.('blocking', 1, 1);

  const comparer = new PairComparer(dataset);
  const codec = new PatternCodec(comparer.levelCounts);
  const threads = threadsFor(pairs.length, options.threads);
  const patterns = comparePairs(dataset, pairs.left, pairs.right, pairs.length, threads, progress === undefined ? undefined : (done) => {
    progress('comparing', done, pairs.length);
  }, undefined, helper);
  lap('comparing');

  const table = tabulatePatterns(codec, patterns, pairs.length, pairs.rules, Math.min(rules.length, 16));
  let model = options.model;
  let training: TrainReport | undefined;
  if (model === undefined) {
    const trained = trainModel(dataset, comparer, table, rules, options);
    model = trained.model;
    training = trained.report;
  }
  lap('training');

  const scorer = new PairScorer(model, dataset, codec);
  const weights = new Float64Array(pairs.length);
  scorer.scoreAll(pairs.left, table.ids, table.codes, pairs.length, weights);
  lap('scoring');

  const scored: ScoredCandidates = { left: pairs.left, right: pairs.right, patterns, weights, length: pairs.length };
  const { decisions, heldBack } = decisionWeights(model, table, weights, pairs.length);
  const clustering = clusterPairs(dataset.size, { ...scored, weights: decisions }, model.thresholdWeight);
  lap('clustering');

  const [low, high] = model.reviewWeights;
  const review: number[] = [];
  const refused = new Uint8Array(pairs.length);
  for (const r of clustering.rejected) refused[r.pair] = 1;
  for (let k = 0; k < pairs.length; k++) if ((weights[k] >= low && weights[k] < high) || refused[k] === 1 || heldBack[k] === 1) review.push(k);

  const expected = new Float64Array(rules.length);
  let total = 0;
  for (let k = 0; k < pairs.length; k++) {
    const p = probabilityOf(weights[k]);
    total += p;
    const mask = pairs.rules[k];
    for (let r = 0; r < rules.length && r < 16; r++) if ((mask & (1 << r)) !== 0) expected[r] += p;
  }
  const blocking = candidates.stats.map((s, r) => ({ ...s, estimatedRecall: total > 0 ? expected[r] / total : 0 }));
  return { model, training, blocking, pairs: scored, clustering, review, seconds };
}

/** The weight each pair's link decision uses (`LinkageModel.decisionWeight`), and which pairs it holds back. */
function decisionWeights(model: LinkageModel, table: PatternTable, weights: Float64Array, length: number): { decisions: Float64Array; heldBack: Uint8Array } {
  const C = model.comparisons.length;
  const contradicted = new Uint8Array(table.codes.length);
  for (let p = 0; p < contradicted.length; p++) contradicted[p] = model.contradicts(table.levels, p * C) ? 1 : 0;
  const decisions = new Float64Array(length);
  const heldBack = new Uint8Array(length);
  for (let k = 0; k < length; k++) {
    const against = contradicted[table.ids[k]] === 1;
    decisions[k] = model.decisionWeight(weights[k], against);
    if (model.holdsBack(weights[k], against)) heldBack[k] = 1;
  }
  return { decisions, heldBack };
}

/** A stored model scores only records compared the same way it was trained on. */
function checkModelFits(model: LinkageModel, dataset: Dataset): void {
  const expected = model.comparisons.map((c) => `${c.name}:${c.kind}`).join(', ');
  const actual = dataset.comparisons.map((c) => `${c.name}:${c.kind}`).join(', ');
  if (expected !== actual) {
    throw new DocketError('invalid-input', `the model compares ${expected}, but these records give ${actual}`, {
      hint: 'use input columns with the same roles as the data the model was trained on, or train a new model',
    });
  }
}
