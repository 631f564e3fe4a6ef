import type { PatternCounts } from './pattern-counts.js';

export interface EmInput {
  readonly patterns: PatternCounts;
  /** Levels per comparison (missing included). */
  readonly levelCounts: readonly number[];
  /** Comparisons whose m is estimated; the others are left out of the likelihood. */
  readonly free: readonly boolean[];
  /** u[c][level], held fixed. */
  readonly u: readonly Float64Array[];
  /** Starting m[c][level]. */
  readonly m: readonly Float64Array[];
  readonly lambda: number;
  readonly maxIterations?: number;
  readonly tolerance?: number;
}

export interface EmResult {
  readonly m: Float64Array[];
  readonly lambda: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Expected number of matches among the pairs. */
  readonly matches: number;
}

/** Keeps every estimated probability off zero so that no level gets an infinite weight. */
const floor = 1e-6;

/**
 * Expectation–maximisation for the Fellegi–Sunter mixture with u fixed (u comes from random
 * pairs, which are non-matches almost surely): estimates m for the free comparisons and the share
 * of matches λ among the given pairs. Works per distinct pattern, so it costs nothing per pair.
 */
export function expectationMaximisation(input: EmInput): EmResult {
  const { patterns, levelCounts, free, u } = input;
  const C = levelCounts.length;
  const P = patterns.counts.length;
  const m = input.m.map((x) => Float64Array.from(x));
  let lambda = input.lambda;
  const maxIterations = input.maxIterations ?? 200;
  const tolerance = input.tolerance ?? 1e-6;
  const posterior = new Float64Array(P);
  let total = 0;
  for (let p = 0; p < P; p++) total += patterns.counts[p];
  let iterations = 0;
  let converged = false;
  let matches = 0;
  // log(m/u) per comparison and level, refreshed each iteration; missing and fixed comparisons add 0.
  const offsets = new Int32Array(C + 1);
  for (let c = 0; c < C; c++) offsets[c + 1] = offsets[c] + levelCounts[c];
  const logRatios = new Float64Array(offsets[C]);
  const levels = patterns.levels;
  while (iterations < maxIterations) {
    iterations++;
    matches = 0;
    for (let c = 0; c < C; c++) {
      for (let l = 1; l < levelCounts[c]; l++) logRatios[offsets[c] + l] = free[c] ? Math.log(m[c][l] / u[c][l]) : 0;
    }
    const priorLog = Math.log(lambda / (1 - lambda));
    for (let p = 0; p < P; p++) {
      let logRatio = priorLog;
      const row = p * C;
      for (let c = 0; c < C; c++) logRatio += logRatios[offsets[c] + levels[row + c]];
      const w = 1 / (1 + Math.exp(-logRatio));
      posterior[p] = w;
      matches += w * patterns.counts[p];
    }
    let change = Math.abs(matches / total - lambda);
    lambda = Math.min(1 - floor, Math.max(floor, matches / total));
    for (let c = 0; c < C; c++) {
      if (!free[c]) continue;
      const sums = new Float64Array(levelCounts[c]);
      let present = 0;
      for (let p = 0; p < P; p++) {
        const level = levels[p * C + c];
        if (level === 0) continue;
        const e = posterior[p] * patterns.counts[p];
        sums[level] += e;
        present += e;
      }
      if (present <= 0) continue;
      let norm = 0;
      for (let l = 1; l < levelCounts[c]; l++) norm += Math.max(floor, sums[l] / present);
      for (let l = 1; l < levelCounts[c]; l++) {
        const next = Math.max(floor, sums[l] / present) / norm;
        change = Math.max(change, Math.abs(next - m[c][l]));
        m[c][l] = next;
      }
    }
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  return { m, lambda, iterations, converged, matches };
}
