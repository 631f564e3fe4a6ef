import { describe, expect, it } from 'vitest';
import { pairwiseMetrics } from './pairwise-metrics.js';

describe('pairwiseMetrics', () => {
  it('counts pairs from group sizes', () => {
    const m = pairwiseMetrics(['a', 'a', 'a', 'b', 'c'], ['x', 'x', 'y', 'y', 'z']);
    expect(m).toMatchObject({ records: 5, predictedPairs: 3, truePairs: 2, truePositives: 1, falsePositives: 2, falseNegatives: 1 });
    expect(m.precision).toBeCloseTo(1 / 3);
    expect(m.recall).toBeCloseTo(1 / 2);
    expect(m.f1).toBeCloseTo(0.4);
  });

  it('is perfect for a perfect clustering and defined with no pairs at all', () => {
    expect(pairwiseMetrics(['1', '1', '2'], ['a', 'a', 'b']).f1).toBe(1);
    expect(pairwiseMetrics(['1', '2'], ['a', 'b'])).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });
});
