import { BlockKeys } from '../blocking/block-keys.js';
import type { BlockingRule } from '../blocking/blocking-rule.js';
import { PairComparer } from '../compare/pair-comparer.js';
import { PatternCodec } from '../compare/pattern-codec.js';
import type { Dataset } from '../dataset/dataset.js';
import { IntColumn } from '../dataset/int-column.js';
import type { LinkageModel } from '../model/linkage-model.js';
import { probabilityOf } from '../model/linkage-model.js';
import type { PairExplanation } from '../score/pair-explainer.js';
import { PairExplainer } from '../score/pair-explainer.js';
import { PairScorer } from '../score/pair-scorer.js';

/** The outcome of matching one record against the index. */
export interface IndexMatch {
  /** The entity it belongs to: the best-scoring candidate's, if that clears the model's threshold. */
  readonly entity: number | undefined;
  /** The best candidate record, its match weight and probability (undefined: no candidate at all). */
  readonly record: number | undefined;
  readonly weight: number;
  readonly probability: number;
  /** Why the best candidate scores as it does. */
  readonly explanation: PairExplanation | undefined;
  /** Records compared. */
  readonly candidates: number;
  /** The best probability falls in the model's clerical-review band. */
  readonly review: boolean;
}

/** Records looked at per rule for one probe; blocks of common values are read up to this many. */
const maxCandidatesPerRule = 200;

/**
 * A live index of resolved records: match one new record against it (blocking keys → candidates →
 * scores) without re-running the batch, and add it with its entity. Built over the dataset and
 * entities of a batch resolution; the dataset grows as records are added.
 * @example const index = IncrementalIndex.build(dataset, resolution.model, resolution.clustering.entity);
 *          const { entity } = index.resolve('r-9', 'arrivals', values);
 */
export class IncrementalIndex {
  private readonly keys: BlockKeys;
  private readonly comparer: PairComparer;
  private readonly codec: PatternCodec;
  private readonly scorer: PairScorer;
  private readonly explainer: PairExplainer;
  private readonly rules: readonly BlockingRule[];
  /** Per rule, block number → records (members of a block in insertion order). */
  private readonly blocks: Map<number, number[]>[];
  private readonly entities: IntColumn;
  private nextEntity: number;
  private readonly levels: Uint8Array;

  private constructor(private readonly dataset: Dataset, private readonly model: LinkageModel, entities: ArrayLike<number>) {
    this.rules = model.json.blockingRules;
    this.keys = new BlockKeys(dataset);
    this.comparer = new PairComparer(dataset);
    this.codec = new PatternCodec(this.comparer.levelCounts);
    this.scorer = new PairScorer(model, dataset, this.codec);
    this.explainer = new PairExplainer(model, dataset);
    this.levels = new Uint8Array(this.codec.size);
    this.entities = new IntColumn(Math.max(1024, dataset.size * 2));
    let top = -1;
    for (let i = 0; i < dataset.size; i++) {
      this.entities.push(entities[i]);
      if (entities[i] > top) top = entities[i];
    }
    this.nextEntity = top + 1;
    this.blocks = this.rules.map((rule) => {
      const key = this.keys.keys(rule);
      const map = new Map<number, number[]>();
      for (let r = 0; r < key.length; r++) {
        if (key[r] < 0) continue;
        const members = map.get(key[r]);
        if (members === undefined) map.set(key[r], [r]);
        else members.push(r);
      }
      return map;
    });
  }

  /** Indexes the records of `dataset` with their entities (e.g. `Resolution.clustering.entity`). */
  static build(dataset: Dataset, model: LinkageModel, entities: ArrayLike<number>): IncrementalIndex {
    return new IncrementalIndex(dataset, model, entities);
  }

  get size(): number {
    return this.dataset.size;
  }

  /** The entity of an indexed record. */
  entityOf(record: number): number {
    return this.entities.get(record);
  }

  /** Matches a record (values in the schema's column order) without adding it. */
  match(id: string, source: string, values: readonly (string | undefined)[]): IndexMatch {
    const record = this.dataset.add(id, source, values);
    this.refresh();
    try {
      return this.matchRecord(record);
    } finally {
      this.dataset.removeLast();
      this.refresh();
    }
  }

  /**
   * Matches a record and adds it: to the matched entity, or to a new one when nothing clears the
   * threshold. Returns the match and the new record's index and entity.
   */
  resolve(id: string, source: string, values: readonly (string | undefined)[]): IndexMatch & { readonly added: number; readonly assigned: number } {
    const record = this.dataset.add(id, source, values);
    this.refresh();
    const match = this.matchRecord(record);
    const assigned = match.entity ?? this.nextEntity++;
    this.entities.push(assigned);
    this.rules.forEach((rule, r) => {
      const key = this.keys.keyOf(rule, record);
      if (key < 0) return;
      const members = this.blocks[r].get(key);
      if (members === undefined) this.blocks[r].set(key, [record]);
      else members.push(record);
    });
    return { ...match, added: record, assigned };
  }

  private refresh(): void {
    this.comparer.refresh();
    this.scorer.refresh();
    this.explainer.refresh();
  }

  private matchRecord(record: number): IndexMatch {
    const seen = new Set<number>();
    let best = -1;
    let bestWeight = Number.NEGATIVE_INFINITY;
    this.rules.forEach((rule, r) => {
      const key = this.keys.keyOf(rule, record);
      if (key < 0) return;
      const members = this.blocks[r].get(key);
      if (members === undefined) return;
      const cap = Math.min(members.length, rule.maxBlockSize ?? maxCandidatesPerRule, maxCandidatesPerRule);
      for (let k = 0; k < cap; k++) {
        const other = members[k];
        if (other === record || seen.has(other)) continue;
        seen.add(other);
        this.comparer.compare(record, other, this.levels);
        const weight = this.scorer.score(record, this.codec.encode(this.levels));
        if (weight > bestWeight) {
          bestWeight = weight;
          best = other;
        }
      }
    });
    if (best < 0) return { entity: undefined, record: undefined, weight: Number.NEGATIVE_INFINITY, probability: 0, explanation: undefined, candidates: 0, review: false };
    const [low, high] = this.model.reviewWeights;
    return {
      entity: bestWeight >= this.model.thresholdWeight ? this.entities.get(best) : undefined,
      record: best,
      weight: bestWeight,
      probability: probabilityOf(bestWeight),
      explanation: this.explainer.explain(record, best),
      candidates: seen.size,
      review: bestWeight >= low && bestWeight < high,
    };
  }
}
