import { describe, expect, it } from 'vitest';
import { DocketError } from '../../core/errors/index.js';
import { peopleDataset } from '../testing/people.js';
import { resolveDataset } from '../resolve/resolve-dataset.js';
import { expectationMaximisation } from './expectation-maximisation.js';
import { LinkageModel, probabilityOf, weightOf } from './linkage-model.js';
import type { PatternCounts } from './pattern-counts.js';

/** Every pattern of three comparisons with three levels each (plus missing), counted as the model expects. */
function expectedCounts(m: number[][], u: number[][], lambda: number, pairs: number): PatternCounts {
  const levels: number[] = [];
  const counts: number[] = [];
  for (let a = 1; a <= 3; a++) {
    for (let b = 1; b <= 3; b++) {
      for (let c = 1; c <= 3; c++) {
        const pm = m[0][a] * m[1][b] * m[2][c];
        const pu = u[0][a] * u[1][b] * u[2][c];
        levels.push(a, b, c);
        counts.push(pairs * (lambda * pm + (1 - lambda) * pu));
      }
    }
  }
  return { codes: Float64Array.from(counts, (_, i) => i), counts: Float64Array.from(counts), levels: Uint8Array.from(levels) };
}

describe('expectationMaximisation', () => {
  const m = [
    [1, 0.9, 0.08, 0.02],
    [1, 0.8, 0.15, 0.05],
    [1, 0.95, 0.03, 0.02],
  ];
  const u = [
    [1, 0.01, 0.09, 0.9],
    [1, 0.05, 0.15, 0.8],
    [1, 0.002, 0.018, 0.98],
  ];

  it('converges to the m and λ that generated the counts, from a rough start', () => {
    const patterns = expectedCounts(m, u, 0.2, 100_000);
    const start = [0, 1, 2].map(() => Float64Array.from([1, 0.6, 0.3, 0.1]));
    const result = expectationMaximisation({ patterns, levelCounts: [4, 4, 4], free: [true, true, true], u: u.map((x) => Float64Array.from(x)), m: start, lambda: 0.5, tolerance: 1e-9, maxIterations: 2000 });
    expect(result.converged).toBe(true);
    expect(result.lambda).toBeCloseTo(0.2, 4);
    for (let c = 0; c < 3; c++) for (let l = 1; l < 4; l++) expect(result.m[c][l]).toBeCloseTo(m[c][l], 3);
    expect(result.matches).toBeCloseTo(20_000, -1);
  });

  it('leaves fixed comparisons alone', () => {
    const patterns = expectedCounts(m, u, 0.3, 10_000);
    const start = [0, 1, 2].map(() => Float64Array.from([1, 0.6, 0.3, 0.1]));
    const result = expectationMaximisation({ patterns, levelCounts: [4, 4, 4], free: [true, false, true], u: u.map((x) => Float64Array.from(x)), m: start, lambda: 0.5 });
    expect(Array.from(result.m[1])).toEqual([1, 0.6, 0.3, 0.1]);
    expect(result.lambda).toBeCloseTo(0.3, 2);
  });
});

describe('training without labels', () => {
  const { dataset } = peopleDataset(400);
  const { model, training } = resolveDataset(dataset);

  it('learns that agreeing names and dates are evidence and disagreeing ones are not', () => {
    for (const name of ['given', 'surname', 'dateOfBirth', 'document']) {
      const c = model.comparisons.findIndex((x) => x.name === name);
      expect(model.weights[c][1]).toBeGreaterThan(3);
      expect(model.weights[c][model.weights[c].length - 1]).toBeLessThan(0);
    }
    expect(training?.sessions.every((s) => s.converged)).toBe(true);
  });

  it('estimates the share of matching pairs near the truth', () => {
    // About 1.8 records a person: roughly 0.9 true pairs per person among n(n-1)/2 pairs.
    const n = dataset.size;
    const expected = (0.9 * 400) / ((n * (n - 1)) / 2);
    expect(model.json.prior).toBeGreaterThan(expected / 3);
    expect(model.json.prior).toBeLessThan(expected * 3);
  });

  it('round-trips through JSON', () => {
    const again = LinkageModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(again.weights).toEqual(model.weights);
    expect(again.priorWeight).toBe(model.priorWeight);
  });

  it.each([
    [null, 'expected format'],
    [{ format: 'docket-linkage-model', version: 2 }, 'version 1'],
    [{ format: 'docket-linkage-model', version: 1, schema: 'x' }, 'schema'],
  ])('refuses a malformed model %#', (json, message) => {
    expect(() => LinkageModel.fromJSON(json)).toThrow(DocketError);
    expect(() => LinkageModel.fromJSON(json)).toThrow(message);
  });

  it('refuses levels with a zero probability', () => {
    const json = structuredClone(model.toJSON()) as unknown as { comparisons: { levels: { m: number }[] }[] };
    json.comparisons[0].levels[1].m = 0;
    expect(() => LinkageModel.fromJSON(json)).toThrow('malformed levels');
  });
});

describe('weights and probabilities', () => {
  it('are each other’s inverse', () => {
    for (const p of [0.001, 0.2, 0.5, 0.9, 0.999]) expect(probabilityOf(weightOf(p))).toBeCloseTo(p, 12);
    expect(probabilityOf(0)).toBe(0.5);
  });
});
