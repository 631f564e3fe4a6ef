import { describe, expect, it } from 'vitest';
import { weightOf } from '../model/linkage-model.js';
import { clusterPairs } from './cluster-pairs.js';

function pairs(list: readonly [number, number, number][]) {
  return {
    left: Int32Array.from(list, (p) => p[0]),
    right: Int32Array.from(list, (p) => p[1]),
    weights: Float64Array.from(list, (p) => weightOf(p[2])),
    length: list.length,
  };
}

describe('clusterPairs', () => {
  it('joins records linked above the threshold', () => {
    const result = clusterPairs(4, pairs([[0, 1, 0.99], [2, 3, 0.9], [1, 2, 0.1]]), 0);
    expect(result.entities).toBe(2);
    expect(result.entity[0]).toBe(result.entity[1]);
    expect(result.entity[2]).toBe(result.entity[3]);
    expect(result.entity[1]).not.toBe(result.entity[2]);
  });

  it('does not let one link chain two groups whose other members differ', () => {
    // Two tight groups {0,1,2} and {3,4,5}; only 2–3 links them, every other cross pair says no.
    const list: [number, number, number][] = [
      [0, 1, 0.999], [0, 2, 0.999], [1, 2, 0.999],
      [3, 4, 0.999], [3, 5, 0.999], [4, 5, 0.999],
      [2, 3, 0.97],
      [0, 3, 0.01], [1, 3, 0.01], [2, 4, 0.02], [2, 5, 0.02], [1, 4, 0.01],
    ];
    const result = clusterPairs(6, pairs(list), 0);
    expect(result.entities).toBe(2);
    expect(new Set([0, 1, 2].map((i) => result.entity[i])).size).toBe(1);
    expect(result.entity[2]).not.toBe(result.entity[3]);
    expect(result.rejected.map((r) => r.pair)).toContain(6);
  });

  it('does not chain through a record that each side matches alone', () => {
    // 1 matches 0 and 2, but 0 and 2 clearly differ: 1 joins the stronger side only.
    const result = clusterPairs(3, pairs([[0, 1, 0.9], [1, 2, 0.8], [0, 2, 0.001]]), 0);
    expect(result.entity[0]).toBe(result.entity[1]);
    expect(result.entity[2]).not.toBe(result.entity[0]);
  });

  it('lets a record join a group that mostly matches it', () => {
    const result = clusterPairs(4, pairs([[0, 1, 0.99], [1, 2, 0.99], [0, 2, 0.99], [2, 3, 0.95], [1, 3, 0.9], [0, 3, 0.3]]), 0);
    expect(result.entities).toBe(1);
  });

  it('numbers entities densely in order of first record', () => {
    const result = clusterPairs(5, pairs([[3, 4, 0.99]]), 0);
    expect(Array.from(result.entity)).toEqual([0, 1, 2, 3, 3]);
  });
});
