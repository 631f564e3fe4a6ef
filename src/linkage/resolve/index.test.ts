import { describe, expect, it } from 'vitest';
import { DocketError } from '../../core/errors/index.js';
import { Dataset } from '../dataset/dataset.js';
import { pairwiseMetrics } from '../evaluate/pairwise-metrics.js';
import { IncrementalIndex } from '../incremental/incremental-index.js';
import { LinkageModel } from '../model/linkage-model.js';
import { PairExplainer } from '../score/pair-explainer.js';
import { peopleDataset, peopleSchema, syntheticPeople } from '../testing/people.js';
import { resolveDataset } from './resolve-dataset.js';

describe('resolveDataset', () => {
  const { dataset, truth } = peopleDataset(500);
  const resolution = resolveDataset(dataset);

  it('groups duplicates with typos, swapped names and swapped dates into people', () => {
    const metrics = pairwiseMetrics(Array.from(resolution.clustering.entity, String), truth.map(String));
    expect(metrics.precision).toBeGreaterThan(0.97);
    expect(metrics.recall).toBeGreaterThan(0.97);
  });

  it('explains every pair with weights that add up to its score', () => {
    const explainer = new PairExplainer(resolution.model, dataset);
    const { pairs } = resolution;
    for (let k = 0; k < pairs.length; k += 7) {
      const e = explainer.explain(pairs.left[k], pairs.right[k]);
      const sum = e.prior + e.comparisons.reduce((s, c) => s + c.weight, 0);
      expect(sum).toBeCloseTo(e.weight, 9);
      expect(e.weight).toBeCloseTo(pairs.weights[k], 9);
      expect(explainer.score(pairs.left[k], pairs.right[k])).toBeCloseTo(pairs.weights[k], 9);
      for (const c of e.comparisons) expect(c.label).toBe(resolution.model.comparisons.find((x) => x.name === c.comparison)?.levels[c.level].label);
    }
  });

  it('reports each blocking rule with its yield and estimated recall', () => {
    for (const rule of resolution.blocking) {
      expect(rule.estimatedRecall).toBeGreaterThanOrEqual(0);
      expect(rule.estimatedRecall).toBeLessThanOrEqual(1);
    }
    expect(Math.max(...resolution.blocking.map((b) => b.estimatedRecall))).toBeGreaterThan(0.5);
  });

  it('scores new records with a stored model, and refuses one that does not fit', () => {
    const again = resolveDataset(dataset, { model: resolution.model });
    expect(Array.from(again.clustering.entity)).toEqual(Array.from(resolution.clustering.entity));
    expect(again.training).toBeUndefined();
    const other = new Dataset([{ column: 'email', role: 'email' }]);
    other.add('x', 's', ['a@example.org']);
    expect(() => resolveDataset(other, { model: resolution.model })).toThrow(DocketError);
  });

  it('sends uncertain pairs to clerical review', () => {
    const { model } = resolution;
    const [low, high] = model.reviewWeights;
    const explainer = new PairExplainer(model, dataset);
    for (const k of resolution.review) {
      const w = resolution.pairs.weights[k];
      const refused = resolution.clustering.rejected.some((r) => r.pair === k);
      const levels = explainer.explain(resolution.pairs.left[k], resolution.pairs.right[k]).comparisons.map((c) => c.level);
      expect(refused || (w >= low && w < high) || model.holdsBack(w, model.contradicts(levels))).toBe(true);
    }
  });
});

describe('twins', () => {
  // Twins agree on surname, date of birth, sex, country and town, and differ in given name; their
  // sources hold no passport number.
  const twin = (given: string) => [given, 'quiroga', '1991-05-18', 'M', 'MEX', undefined, 'houston'];
  const { dataset, truth } = peopleDataset(400, 5);
  const ivan = dataset.size;
  for (let k = 0; k < 3; k++) dataset.add(`ivan${String(k)}`, 'test', twin('ivan'));
  const jose = dataset.size;
  for (let k = 0; k < 3; k++) dataset.add(`jose${String(k)}`, 'test', twin('jose'));
  // A model as trained on larger sources, where a person's records almost never carry wholly
  // different given names (this small sample cannot say so on its own).
  const trained = resolveDataset(dataset).model.json;
  const comparisons = trained.comparisons.map((c) =>
    c.name !== 'given' ? c : { ...c, levels: c.levels.map((l) => (l.label === 'different' ? { ...l, m: l.u * 2 ** -11 } : l)) },
  );
  const resolution = resolveDataset(dataset, { model: new LinkageModel({ ...trained, comparisons }) });
  const { entity } = resolution.clustering;
  const cross = Array.from({ length: resolution.pairs.length }, (_, k) => k).filter((k) => {
    const [a, b] = [resolution.pairs.left[k], resolution.pairs.right[k]].sort((x, y) => x - y);
    return a >= ivan && a < jose && b >= jose;
  });

  it('are two people even when the rest of their records adds up to a match, and a person reviews them', () => {
    expect(cross.length).toBe(9);
    // Taken as independent evidence, what they share outweighs the different given name...
    for (const k of cross) expect(resolution.pairs.weights[k]).toBeGreaterThanOrEqual(resolution.model.thresholdWeight);
    // ...but the given name contradicts them too strongly to link without review.
    expect(new Set([entity[ivan], entity[ivan + 1], entity[ivan + 2]]).size).toBe(1);
    expect(new Set([entity[jose], entity[jose + 1], entity[jose + 2]]).size).toBe(1);
    expect(entity[ivan]).not.toBe(entity[jose]);
    for (const k of cross) expect(resolution.review).toContain(k);
    const metrics = pairwiseMetrics(Array.from(entity.subarray(0, truth.length), String), truth.map(String));
    expect(metrics.precision).toBeGreaterThan(0.97);
  });

  it('keep apart when one arrives later, and the match asks for review', () => {
    const index = IncrementalIndex.build(dataset, resolution.model, entity);
    const match = index.resolve('jose-late', 'new', twin('jose'));
    expect(match.entity).toBe(entity[jose]);
    const brother = index.match('ivan-new', 'new', twin('ivan'));
    expect(brother.entity).toBe(entity[ivan]);
    const third = index.match('pedro', 'new', twin('pedro'));
    expect(third.entity).toBeUndefined();
    expect(third.weight).toBeGreaterThanOrEqual(resolution.model.thresholdWeight);
    expect(third.review).toBe(true);
  });
});

describe('IncrementalIndex', () => {
  const { dataset, truth } = peopleDataset(300, 11);
  const resolution = resolveDataset(dataset);
  const index = IncrementalIndex.build(dataset, resolution.model, resolution.clustering.entity);

  it('finds the entity of a new record of a known person, with an explanation', () => {
    const row = syntheticPeople(300, 11)[0];
    const values = [...row.values];
    values[0] = `${String(values[0])}a`;
    const match = index.match('probe', 'new', values);
    expect(match.entity).toBe(resolution.clustering.entity[0]);
    expect(match.explanation?.weight).toBeCloseTo(match.weight, 9);
    expect(match.candidates).toBeGreaterThan(0);
    expect(index.size).toBe(dataset.size);
  });

  it('gives no entity for a stranger, and a new one when resolving it', () => {
    const stranger = ['zebulon', 'quartermaine', '1901-07-04', 'M', 'NZL', 'Z9999999', 'nowhere'];
    expect(index.match('s1', 'new', stranger).entity).toBeUndefined();
    const before = index.size;
    const resolved = index.resolve('s1', 'new', stranger);
    expect(index.size).toBe(before + 1);
    expect(resolved.entity).toBeUndefined();
    expect(index.entityOf(resolved.added)).toBe(resolved.assigned);
    // The next record of the same person now joins it.
    const again = index.resolve('s2', 'new', ['zebulon', 'quartermain', '1901-07-04', 'M', 'NZL', 'Z9999999', 'nowhere']);
    expect(again.entity).toBe(resolved.assigned);
  });

  it('answers a query the same whatever was asked before it', () => {
    const probes = syntheticPeople(300, 11).slice(0, 40).map((row, k) => {
      const values = [...row.values];
      values[0] = `${String(values[0])}${'xyz'[k % 3]}`;
      return values;
    });
    const fresh = (values: readonly (string | undefined)[]) => IncrementalIndex.build(dataset, resolution.model, resolution.clustering.entity).match('p', 'new', values);
    const shared = IncrementalIndex.build(dataset, resolution.model, resolution.clustering.entity);
    const answers = probes.map((values, k) => shared.match(`p${String(k)}`, 'new', values));
    for (const k of [0, 13, 27, 39]) {
      const alone = fresh(probes[k]);
      expect(answers[k].record).toBe(alone.record);
      expect(answers[k].weight).toBeCloseTo(alone.weight, 9);
      expect(answers[k].candidates).toBe(alone.candidates);
    }
  });

  it('leaves out blocks the batch run leaves out for their size', () => {
    const tight = LinkageModel.fromJSON({ ...resolution.model.toJSON(), maxBlockSize: 2 });
    const tightIndex = IncrementalIndex.build(dataset, tight, resolution.clustering.entity);
    let small = 0;
    let usual = 0;
    for (const row of syntheticPeople(300, 11).slice(0, 60)) {
      const candidates = tightIndex.match('p', 'new', row.values).candidates;
      expect(candidates).toBeLessThanOrEqual(2 * tight.json.blockingRules.length);
      small += candidates;
      usual += index.match('p', 'new', row.values).candidates;
    }
    expect(small).toBeLessThan(usual);
  });

  it('keeps the true grouping of the batch for indexed records', () => {
    const first = truth.indexOf(truth[5]);
    expect(index.entityOf(5)).toBe(index.entityOf(first));
  });
});

describe('a dataset from the schema', () => {
  it('reads full names when the split columns are empty', () => {
    const dataset = new Dataset([...peopleSchema, { column: 'name', role: 'fullName' }]);
    dataset.add('a', 's', ['', '', '1980-01-01', 'M', '', '', '', 'GARCIA LOPEZ, Juan']);
    expect(dataset.value(dataset.featureIndex('given'), 0)).toBe('juan');
    expect(dataset.value(dataset.featureIndex('surname'), 0)).toBe('garcia lopez');
  });
});
