import type { BlockingRule } from '../blocking/blocking-rule.js';
import { defaultMaxBlockSize, ruleCorrelatedRoles } from '../blocking/blocking-rule.js';
import { PairComparer } from '../compare/pair-comparer.js';
import type { Dataset } from '../dataset/dataset.js';
import { isSingleField, levelLabels } from '../schema/comparison-kind.js';
import type { DateOrder } from '../standardize/parse-date.js';
import { correctU, sampleRandomPairs } from './estimate-u.js';
import { expectationMaximisation } from './expectation-maximisation.js';
import type { LinkageModelJson } from './linkage-model.js';
import { LinkageModel } from './linkage-model.js';
import type { PatternCounts, PatternTable } from './pattern-counts.js';

export interface TrainOptions {
  /** Random record pairs sampled for u (default: one per record, between 10,000 and 100,000). */
  readonly samples?: number;
  readonly seed?: number;
  /** Match probability at which pairs link (default 0.5: the more likely reading wins). */
  readonly threshold?: number;
  /** Match probabilities that go to clerical review (default [0.05, 0.95)). */
  readonly review?: readonly [number, number];
  readonly dateOrder?: DateOrder;
  readonly maxBlockSize?: number;
}

/** What training did, for reports and tests. */
export interface TrainReport {
  readonly sessions: readonly { readonly rule: string; readonly pairs: number; readonly lambda: number; readonly iterations: number; readonly converged: boolean }[];
  readonly prior: number;
  readonly expectedMatches: number;
}

/** Sessions with fewer pairs than this say too little to estimate anything. */
const minSessionPairs = 20;

/**
 * Trains a Fellegi–Sunter model without labels. u: from random pairs. m: by EM in one session per
 * blocking rule, over that rule's pairs, estimating only the comparisons the rule does not force to
 * agree (those are the ones whose non-matches look random there), averaged over sessions by their
 * expected matches. λ: the share of matches that makes the expected matches among all candidate
 * pairs consistent with itself. Then u is cleared of the matches hidden in random pairs and the
 * estimation runs once more.
 */
export function trainModel(
  dataset: Dataset,
  comparer: PairComparer,
  table: PatternTable,
  rules: readonly BlockingRule[],
  options: TrainOptions = {},
): { model: LinkageModel; report: TrainReport } {
  const n = dataset.size;
  const C = dataset.comparisons.length;
  const levelCounts = comparer.levelCounts;
  const samples = options.samples ?? Math.min(100_000, Math.max(10_000, n));
  // Random pairs rarely meet twice: a comparer without the name cache, so it does not fill up.
  const observed = sampleRandomPairs(dataset, new PairComparer(dataset, false), samples, options.seed ?? 1);
  let u = observed.u;
  let m = levelCounts.map(initialM);
  const totalPairs = (n * (n - 1)) / 2;
  let lambda = Math.min(0.5, Math.max(1 / Math.max(1, totalPairs), n / Math.max(1, totalPairs)));
  let sessions: TrainReport['sessions'] = [];
  const singleField = dataset.comparisons.map((c) => isSingleField(c.kind));
  const sessionPatterns = table.ruleCounts.map((counts) => onlyPresent(table, counts, C));
  for (let round = 0; round < 2; round++) {
    const sums = levelCounts.map((L) => new Float64Array(L));
    const weights = new Float64Array(C);
    const report: TrainReport['sessions'][number][] = [];
    rules.slice(0, 16).forEach((rule, k) => {
      const session = sessionPatterns[k];
      let pairs = 0;
      for (const count of session.counts) pairs += count;
      if (pairs < minSessionPairs) return;
      const fixed = ruleCorrelatedRoles(rule, dataset.features);
      const free = dataset.comparisonFeatures.map((features) => !features.some((f) => fixed.has(dataset.features[f].role)));
      const result = expectationMaximisation({ patterns: session, levelCounts, free, u, m, lambda: 0.5 });
      report.push({ rule: rule.name, pairs, lambda: result.lambda, iterations: result.iterations, converged: result.converged });
      for (let c = 0; c < C; c++) {
        if (!free[c]) continue;
        for (let l = 0; l < levelCounts[c]; l++) sums[c][l] += result.matches * result.m[c][l];
        weights[c] += result.matches;
      }
    });
    sessions = report;
    m = m.map((previous, c) => (weights[c] > 0 ? sums[c].map((s) => s / weights[c]) : previous));
    lambda = estimatePrior(table, levelCounts, m, u, totalPairs, lambda);
    u = correctU(observed, m, lambda, singleField);
  }
  lambda = estimatePrior(table, levelCounts, m, u, totalPairs, lambda);
  const json: LinkageModelJson = {
    format: 'docket-linkage-model',
    version: 1,
    schema: dataset.schema,
    dateOrder: options.dateOrder ?? 'mdy',
    comparisons: dataset.comparisons.map((spec, c) => ({
      ...spec,
      levels: levelLabels(spec.kind).map((label, l) => ({ label, m: l === 0 ? 1 : m[c][l], u: l === 0 ? 1 : u[c][l] })),
    })),
    prior: lambda,
    threshold: options.threshold ?? 0.5,
    review: options.review ?? [0.05, 0.95],
    blockingRules: rules,
    maxBlockSize: options.maxBlockSize ?? defaultMaxBlockSize,
  };
  return { model: new LinkageModel(json), report: { sessions, prior: lambda, expectedMatches: lambda * totalPairs } };
}

/** A starting m: most matches agree exactly, the rest spread over weaker levels. */
function initialM(levels: number): Float64Array {
  const m = new Float64Array(levels);
  m[0] = 1;
  if (levels === 2) return m;
  m[1] = 0.8;
  let rest = 0;
  for (let l = 2; l < levels; l++) rest += 2 ** -(l - 2);
  for (let l = 2; l < levels; l++) m[l] = (0.2 * 2 ** -(l - 2)) / rest;
  return m;
}

/**
 * The prior λ such that λ × (all record pairs) equals the expected matches among the candidate
 * pairs under λ itself (pairs outside every block are taken as non-matches).
 */
function estimatePrior(
  patterns: PatternCounts,
  levelCounts: readonly number[],
  m: readonly Float64Array[],
  u: readonly Float64Array[],
  totalPairs: number,
  start: number,
): number {
  const C = levelCounts.length;
  const P = patterns.counts.length;
  const logRatio = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    let w = 0;
    for (let c = 0; c < C; c++) {
      const level = patterns.levels[p * C + c];
      if (level !== 0) w += Math.log(m[c][level] / u[c][level]);
    }
    logRatio[p] = w;
  }
  let lambda = start;
  for (let iteration = 0; iteration < 200; iteration++) {
    const priorLog = Math.log(lambda / (1 - lambda));
    let matches = 0;
    for (let p = 0; p < P; p++) matches += patterns.counts[p] / (1 + Math.exp(-(logRatio[p] + priorLog)));
    const next = Math.min(0.5, Math.max(1e-12, matches / Math.max(1, totalPairs)));
    if (Math.abs(next - lambda) <= 1e-9 * lambda) return next;
    lambda = next;
  }
  return lambda;
}

/** The patterns a session's pairs show (count > 0), so EM does not iterate over the others. */
function onlyPresent(table: PatternCounts, counts: Float64Array, C: number): PatternCounts {
  const kept: number[] = [];
  for (let p = 0; p < counts.length; p++) if (counts[p] > 0) kept.push(p);
  const levels = new Uint8Array(kept.length * C);
  kept.forEach((p, k) => {
    levels.set(table.levels.subarray(p * C, (p + 1) * C), k * C);
  });
  return { codes: Float64Array.from(kept, (p) => table.codes[p]), counts: Float64Array.from(kept, (p) => counts[p]), levels };
}
