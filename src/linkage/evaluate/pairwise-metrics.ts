/** Pairwise quality of a clustering against the truth: every pair of records is one decision. */
export interface PairwiseMetrics {
  readonly records: number;
  readonly predictedPairs: number;
  readonly truePairs: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

const pairsOf = (k: number): number => (k * (k - 1)) / 2;

/**
 * Pairwise precision, recall and F1 of predicted entities against true ones, over records that
 * have both. Counts come from group sizes, so a million records cost no more than reading them.
 * @example pairwiseMetrics(['a', 'a', 'b'], ['x', 'x', 'x']).recall === 1 / 3
 */
export function pairwiseMetrics(predicted: readonly string[], truth: readonly string[]): PairwiseMetrics {
  const predictedSizes = new Map<string, number>();
  const trueSizes = new Map<string, number>();
  const both = new Map<string, number>();
  const n = Math.min(predicted.length, truth.length);
  for (let i = 0; i < n; i++) {
    const p = predicted[i];
    const t = truth[i];
    predictedSizes.set(p, (predictedSizes.get(p) ?? 0) + 1);
    trueSizes.set(t, (trueSizes.get(t) ?? 0) + 1);
    const key = `${p}\u0000${t}`;
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  let predictedPairs = 0;
  for (const k of predictedSizes.values()) predictedPairs += pairsOf(k);
  let truePairs = 0;
  for (const k of trueSizes.values()) truePairs += pairsOf(k);
  let truePositives = 0;
  for (const k of both.values()) truePositives += pairsOf(k);
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    records: n,
    predictedPairs,
    truePairs,
    truePositives,
    falsePositives: predictedPairs - truePositives,
    falseNegatives: truePairs - truePositives,
    precision,
    recall,
    f1,
  };
}
