import { describe, expect, it } from 'vitest';
import { Dataset } from '../dataset/dataset.js';
import { peopleDataset, peopleSchema } from '../testing/people.js';
import { defaultBlockingRules } from './blocking-rule.js';
import { candidatePairs } from './candidate-pairs.js';

describe('candidatePairs', () => {
  const { dataset, truth } = peopleDataset(600);
  const rules = defaultBlockingRules(dataset.features);
  const { pairs, stats } = candidatePairs(dataset, rules);

  it('finds nearly every true pair, typos, swapped names and swapped dates included', () => {
    const found = new Set<string>();
    for (let k = 0; k < pairs.length; k++) found.add(`${pairs.left[k]},${pairs.right[k]}`);
    let truePairs = 0;
    let blocked = 0;
    for (let i = 0; i < truth.length; i++) {
      for (let j = i + 1; j < truth.length; j++) {
        if (truth[i] !== truth[j]) continue;
        truePairs++;
        if (found.has(`${i},${j}`)) blocked++;
      }
    }
    expect(truePairs).toBeGreaterThan(300);
    expect(blocked / truePairs).toBeGreaterThanOrEqual(0.99);
  });

  it('gives each pair once, smaller index first, with its rules marked', () => {
    const seen = new Set<string>();
    for (let k = 0; k < pairs.length; k++) {
      expect(pairs.left[k]).toBeLessThan(pairs.right[k]);
      const key = `${pairs.left[k]},${pairs.right[k]}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      expect(pairs.rules[k]).not.toBe(0);
    }
    expect(stats.reduce((n, s) => n + s.newPairs, 0)).toBe(pairs.length);
  });

  it('is far smaller than all pairs', () => {
    expect(pairs.length).toBeLessThan((dataset.size * (dataset.size - 1)) / 2 / 50);
  });

  it('leaves out blocks over the cap and reports them', () => {
    const crowd = new Dataset(peopleSchema);
    for (let i = 0; i < 30; i++) crowd.add(`r${i}`, 't', ['maria', 'garcia', '1980-01-01', 'F', 'MEX', '', '']);
    const capped = candidatePairs(crowd, [{ name: 'dob', parts: [{ feature: 'dateOfBirth', transform: 'exact' }] }], 10);
    expect(capped.pairs.length).toBe(0);
    expect(capped.stats[0]).toMatchObject({ droppedBlocks: 1, droppedRecords: 30, largestBlock: 30 });
    const open = candidatePairs(crowd, [{ name: 'dob', parts: [{ feature: 'dateOfBirth', transform: 'exact' }] }], 100);
    expect(open.pairs.length).toBe(435);
  });

  it('derives rules from the features present', () => {
    const names = rules.map((r) => r.name);
    expect(names).toContain('dateOfBirth+given initial');
    expect(names).toContain('names sound');
    expect(names).toContain('document');
    const bare = new Dataset([{ column: 'email', role: 'email' }]);
    expect(defaultBlockingRules(bare.features).map((r) => r.name)).toEqual(['email']);
  });
});
