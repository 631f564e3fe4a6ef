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
  /** The entity it belongs to: the best candidate's, if its link decision (`LinkageModel.decisionWeight`) clears the model's threshold. */
  readonly entity: number | undefined;
  /** The best candidate record, its match weight and probability (undefined: no candidate at all). */
  readonly record: number | undefined;
  readonly weight: number;
  readonly probability: number;
  /** Why the best candidate scores as it does. */
  readonly explanation: PairExplanation | undefined;
  /** Records compared. */
  readonly candidates: number;
  /** The best probability falls in the model's clerical-review band, or a field contradicts the best candidate too strongly to link without review. */
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
  /** Blocks larger than this are not read, as the batch run leaves them out. */
  private readonly maxBlockSize: number;
  /** Per rule, the indexed records grouped by block (counting-sorted once, at build). */
  private readonly blocks: { readonly starts: Int32Array; readonly members: Int32Array }[];
  /** Per rule, block number → records added since the build. */
  private readonly added: Map<number, number[]>[];
  /** Per record, the query that last compared it (a Set would reallocate on every query). */
  private seen = new Int32Array(0);
  private query = 0;
  private candidates = 0;
  private best = -1;
  /** The best candidate's weight as scored, and as its link decision reads it (`LinkageModel.decisionWeight`). */
  private bestWeight = Number.NEGATIVE_INFINITY;
  private bestDecision = Number.NEGATIVE_INFINITY;
  private bestContradicted = false;
  private readonly entities: IntColumn;
  private nextEntity: number;
  private readonly levels: Uint8Array;
  /** The last query's block number under each rule, which `resolve` files the record under. */
  private readonly queryKeys: Int32Array;

  private constructor(private readonly dataset: Dataset, private readonly model: LinkageModel, entities: ArrayLike<number>) {
    this.rules = model.json.blockingRules;
    this.maxBlockSize = model.json.maxBlockSize;
    this.keys = new BlockKeys(dataset);
    // Candidates of one query share names (a block of one surname sound): their levels are
    // remembered for that query only, so the cache neither grows nor holds a removed probe's ids.
    this.comparer = new PairComparer(dataset);
    this.codec = new PatternCodec(this.comparer.levelCounts);
    this.scorer = new PairScorer(model, dataset, this.codec);
    this.explainer = new PairExplainer(model, dataset);
    this.levels = new Uint8Array(this.codec.size);
    this.queryKeys = new Int32Array(this.rules.length);
    this.entities = new IntColumn(Math.max(1024, dataset.size * 2));
    let top = -1;
    for (let i = 0; i < dataset.size; i++) {
      this.entities.push(entities[i]);
      if (entities[i] > top) top = entities[i];
    }
    this.nextEntity = top + 1;
    this.blocks = this.rules.map((rule) => groupByBlock(this.keys.keys(rule)));
    // Once here rather than in the first queries, which would pay for it and for its garbage.
    this.comparer.prepare();
    this.explainer.prepare();
    this.added = this.rules.map(() => new Map<number, number[]>());
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
    for (let r = 0; r < this.rules.length; r++) {
      const key = this.queryKeys[r];
      if (key < 0) continue;
      const members = this.added[r].get(key);
      if (members === undefined) this.added[r].set(key, [record]);
      else members.push(record);
    }
    return { ...match, added: record, assigned };
  }

  private refresh(): void {
    this.comparer.refresh();
    this.scorer.refresh();
    this.explainer.refresh();
  }

  private matchRecord(record: number): IndexMatch {
    if (this.seen.length < this.dataset.size) this.seen = new Int32Array(Math.max(1024, this.dataset.size * 2));
    // Stamps restart from zero before they could overflow.
    if (++this.query === 0x7fffffff) {
      this.seen.fill(0);
      this.query = 1;
    }
    this.comparer.forget();
    this.candidates = 0;
    this.best = -1;
    this.bestWeight = Number.NEGATIVE_INFINITY;
    this.bestDecision = Number.NEGATIVE_INFINITY;
    this.bestContradicted = false;
    for (let r = 0; r < this.rules.length; r++) {
      const rule = this.rules[r];
      const key = this.keys.keyOf(rule, record);
      this.queryKeys[r] = key;
      if (key < 0) continue;
      const { starts, members } = this.blocks[r];
      const from = key + 1 < starts.length ? starts[key] : 0;
      const to = key + 1 < starts.length ? starts[key + 1] : 0;
      const later = this.added[r].get(key);
      // A block the batch run would leave out for its size is left out here too.
      if (to - from + (later?.length ?? 0) > Math.min(this.maxBlockSize, rule.maxBlockSize ?? this.maxBlockSize)) continue;
      let budget = maxCandidatesPerRule;
      for (let k = from; k < to && budget > 0; k++, budget--) this.consider(record, members[k]);
      if (later !== undefined) for (let k = 0; k < later.length && budget > 0; k++, budget--) this.consider(record, later[k]);
    }
    const { best, bestWeight, bestDecision } = this;
    if (best < 0) return { entity: undefined, record: undefined, weight: Number.NEGATIVE_INFINITY, probability: 0, explanation: undefined, candidates: 0, review: false };
    const [low, high] = this.model.reviewWeights;
    return {
      entity: bestDecision >= this.model.thresholdWeight ? this.entities.get(best) : undefined,
      record: best,
      weight: bestWeight,
      probability: probabilityOf(bestWeight),
      explanation: this.explainer.explain(record, best),
      candidates: this.candidates,
      review: (bestWeight >= low && bestWeight < high) || this.model.holdsBack(bestWeight, this.bestContradicted),
    };
  }

  /** Scores `other` against the new record once per query, keeping the best by its link decision. */
  private consider(record: number, other: number): void {
    if (other === record || this.seen[other] === this.query) return;
    this.seen[other] = this.query;
    this.candidates++;
    this.comparer.compare(record, other, this.levels);
    const weight = this.scorer.score(record, this.codec.encode(this.levels));
    const contradicted = this.model.contradicts(this.levels);
    const decision = this.model.decisionWeight(weight, contradicted);
    if (decision > this.bestDecision || (decision === this.bestDecision && weight > this.bestWeight)) {
      this.bestDecision = decision;
      this.bestWeight = weight;
      this.bestContradicted = contradicted;
      this.best = other;
    }
  }
}

/** Records grouped by block number (counting sort): block b holds members[starts[b] .. starts[b + 1]). */
function groupByBlock(key: Int32Array): { starts: Int32Array; members: Int32Array } {
  let blocks = 0;
  for (const b of key) if (b >= blocks) blocks = b + 1;
  const starts = new Int32Array(blocks + 1);
  for (const b of key) if (b >= 0) starts[b + 1]++;
  for (let b = 0; b < blocks; b++) starts[b + 1] += starts[b];
  const fill = starts.slice(0, blocks);
  const members = new Int32Array(starts[blocks]);
  for (let r = 0; r < key.length; r++) if (key[r] >= 0) members[fill[key[r]]++] = r;
  return { starts, members };
}
