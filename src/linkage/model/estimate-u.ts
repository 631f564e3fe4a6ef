import type { PairComparer } from '../compare/pair-comparer.js';
import type { Dataset } from '../dataset/dataset.js';
import { exactLevel, isSingleField } from '../schema/comparison-kind.js';
import { seededRandom } from './random.js';

/** Observed level frequencies among random record pairs, per comparison. */
export interface RandomPairLevels {
  /** u[c][level] among random pairs where both sides have a value (u[c][0] = 1). */
  readonly u: Float64Array[];
  /** Random pairs, present on both sides, per comparison: the scale below which u cannot be measured. */
  readonly presentPairs: Float64Array;
}

/**
 * Level frequencies among random record pairs. The exact level is counted over all pairs at once
 * from the value counts (Σ n(n−1) / N(N−1)); the other levels come from a seeded sample of
 * `samples` random pairs, spread over the share the exact level leaves. Random pairs still hold
 * a few true matches: `correctU` removes them once m and λ are known.
 */
export function sampleRandomPairs(dataset: Dataset, comparer: PairComparer, samples: number, seed = 1): RandomPairLevels {
  const n = dataset.size;
  const C = dataset.comparisons.length;
  const counts = comparer.levelCounts.map((L) => new Float64Array(L));
  const levels = new Uint8Array(C);
  const random = seededRandom(seed);
  if (n >= 2) {
    for (let s = 0; s < samples; s++) {
      const i = Math.floor(random() * n);
      let j = Math.floor(random() * (n - 1));
      if (j >= i) j++;
      comparer.compare(i, j, levels);
      for (let c = 0; c < C; c++) counts[c][levels[c]]++;
    }
  }
  const presentPairs = new Float64Array(C);
  const u = counts.map((count, c) => {
    const L = count.length;
    const out = new Float64Array(L);
    out[0] = 1;
    if (!isSingleField(dataset.comparisons[c].kind)) {
      // Several fields at once: every level comes from the sample.
      let present = 0;
      for (let l = 1; l < L; l++) present += count[l] + 0.5;
      for (let l = 1; l < L; l++) out[l] = (count[l] + 0.5) / present;
      presentPairs[c] = (n * (n - 1)) / 2;
      return out;
    }
    const feature = dataset.comparisonFeatures[c][0];
    const totals = dataset.counts[feature];
    const present = totals.total;
    presentPairs[c] = (present * (present - 1)) / 2;
    let agreeing = 0;
    const dictionary = dataset.dictionaries[feature];
    for (let id = 0; id < dictionary.size; id++) {
      const k = totals.count(id);
      agreeing += k * (k - 1);
    }
    const exact = present > 1 ? agreeing / (present * (present - 1)) : 0;
    out[exactLevel] = exact;
    let rest = 0;
    for (let l = exactLevel + 1; l < L; l++) rest += count[l] + 0.5;
    for (let l = exactLevel + 1; l < L; l++) out[l] = ((1 - exact) * (count[l] + 0.5)) / rest;
    return out;
  });
  return { u, presentPairs };
}

/**
 * Removes the true matches from the exact level's random-pair frequency: observed = λ·m + (1−λ)·u,
 * so u = (observed − λ·m) / (1 − λ), kept above one chance agreement among all present pairs.
 * Only the exact level is counted over all pairs, precisely enough for the subtraction to mean
 * something; the sampled levels are left as they are.
 */
export function correctU(observed: RandomPairLevels, m: readonly Float64Array[], lambda: number, singleField: readonly boolean[]): Float64Array[] {
  return observed.u.map((uObserved, c) => {
    const out = Float64Array.from(uObserved);
    if (!singleField[c]) return out;
    const minimum = 1 / Math.max(1, observed.presentPairs[c]);
    out[exactLevel] = Math.max(minimum, (uObserved[exactLevel] - lambda * m[c][exactLevel]) / (1 - lambda));
    let norm = 0;
    for (let l = 1; l < out.length; l++) norm += out[l];
    for (let l = 1; l < out.length; l++) out[l] /= norm;
    return out;
  });
}
