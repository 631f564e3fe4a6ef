import type { EventBus, DocketEvent } from '../../core/events/index.js';
import type { AuditContext } from '../../core/ledger/index.js';
import { Dataset, IncrementalIndex, LinkageModel, PairExplainer, personRecordSchema, personRecordValues, resolveDataset } from '../../linkage/index.js';
import { ENTITY_WRITE_CHUNK, EntityStore, type Membership, type ResolvableRecord, type ReviewPair, type StoredRecord, type Store } from '../../store/index.js';
import type { RecordResolver } from '../ingest-files.js';
import { storedExplanation } from './stored-explanation.js';

/** Below this many records a model cannot be trained; records wait until there are more. */
const MIN_TRAINING_RECORDS = 200;
/** Records held before the first model is trained, when ingest does not say it is done. */
const BOOTSTRAP_AFTER = 50_000;
/**
 * Records matched between looks at the database's answers (a few milliseconds of matching). The
 * next batch's transaction is a chain of statements that each wait for this thread: matching a
 * whole batch in one go would hold the chain until it is done.
 */
const MATCHES_BETWEEN_ANSWERS = 100;

export interface ResolverOptions {
  readonly context: AuditContext;
  readonly bus?: EventBus;
  /** Rows per insert statement (tests make it small to cross chunk edges). */
  readonly writeChunk?: number;
}

interface Pending {
  readonly recordId: number;
  readonly source: string;
  readonly contentHash: string;
  readonly values: readonly (string | undefined)[];
}

/**
 * Resolves records into entities as they are stored. With a trained model, each new record is
 * matched against a live index of every resolved record (blocking keys, scoring, explanation)
 * and joins the best match's entity or starts a new one; a match in the uncertain band also goes
 * to clerical review. Before there is a model, records wait and the first model is trained,
 * without labels, on all of them at once; entities for those records come from that batch run.
 */
export class LiveResolver implements RecordResolver {
  private dataset = new Dataset(personRecordSchema);
  private index: IncrementalIndex | undefined;
  /** Dataset position → stored record id. */
  private recordIds: number[] = [];
  /** Index entity number → entity id in the database, and back. */
  private readonly entityIds = new Map<number, number>();
  private pending: Pending[] = [];
  /** The latest entity write; the next one starts when it is done. */
  private writing: Promise<void> = Promise.resolve();

  private readonly chunk: number;

  private constructor(private readonly store: Store, private readonly options: ResolverOptions) {
    this.chunk = options.writeChunk ?? ENTITY_WRITE_CHUNK;
  }

  /** Loads the active model and every stored record; records not yet resolved are resolved now. */
  static async open(store: Store, options: ResolverOptions): Promise<LiveResolver> {
    const resolver = new LiveResolver(store, options);
    const modelJson = await EntityStore.activeModel(store.db);
    const unresolved: Pending[] = [];
    const entities: number[] = [];
    const numbers = new Map<number, number>();
    for await (const row of EntityStore.records(store.db)) {
      const pending = toPending(row);
      if (row.entityId === null || modelJson === undefined) {
        unresolved.push(pending);
        continue;
      }
      resolver.dataset.add(String(row.recordId), row.source, pending.values);
      resolver.recordIds.push(row.recordId);
      let number = numbers.get(row.entityId);
      if (number === undefined) {
        number = numbers.size;
        numbers.set(row.entityId, number);
        resolver.entityIds.set(number, row.entityId);
      }
      entities.push(number);
    }
    if (modelJson !== undefined) {
      resolver.index = IncrementalIndex.build(resolver.dataset, LinkageModel.fromJSON(modelJson), entities);
      await resolver.resolvePending(unresolved);
      await resolver.writing;
    } else {
      resolver.pending = unresolved;
    }
    return resolver;
  }

  async resolve(records: readonly StoredRecord[], source: string): Promise<void> {
    const pending = records.map((r): Pending => ({ recordId: r.recordId, source, contentHash: r.contentHash, values: r.linkageValues }));
    if (this.index === undefined) {
      this.pending.push(...pending);
      if (this.pending.length >= BOOTSTRAP_AFTER) await this.bootstrap();
      return;
    }
    await this.resolvePending(pending);
  }

  /** Ends a run: records still waiting for a first model are resolved in one batch now, and every write is in. */
  async finish(): Promise<void> {
    await this.writing;
    if (this.index === undefined && this.pending.length >= MIN_TRAINING_RECORDS) await this.bootstrap();
  }

  /** Records waiting for a model (fewer than a model can be trained on). */
  get waiting(): number {
    return this.index === undefined ? this.pending.length : 0;
  }

  /**
   * Matches records against the index now and writes the outcome behind the previous write: the
   * database stores the next ingest batch while this one's entities are written. At most one write
   * is in flight; a failed write fails the next call or `finish`, and the records it left
   * unresolved are resolved when a resolver next opens.
   */
  private async resolvePending(records: readonly Pending[]): Promise<void> {
    const index = this.index;
    if (index === undefined || records.length === 0) return;
    const placed: Placed[] = [];
    const reviews: ReviewPair[] = [];
    for (const [i, record] of records.entries()) {
      if (i > 0 && i % MATCHES_BETWEEN_ANSWERS === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const result = index.resolve(String(record.recordId), record.source, record.values);
      this.recordIds.push(record.recordId);
      const other = result.record === undefined ? undefined : this.recordIds[result.record];
      const link = result.explanation === undefined || other === undefined ? null : storedExplanation(result.explanation, other);
      placed.push({ recordId: record.recordId, number: result.assigned, score: result.entity === undefined ? null : result.probability, link: result.entity === undefined ? null : link });
      if (result.review && other !== undefined && link !== null) reviews.push({ recordA: other, recordB: record.recordId, score: result.probability, explanation: link });
    }
    await this.writing;
    const write = this.writeResolved(placed, reviews);
    // Reported by the next call or by `finish`, not as an unhandled rejection in between.
    write.catch(() => undefined);
    this.writing = write;
  }

  private async writeResolved(placed: readonly Placed[], reviews: readonly ReviewPair[]): Promise<void> {
    // Entity numbers are given database ids here, after the previous write, so a number two
    // batches share is created once.
    const fresh = [...new Set(placed.map((p) => p.number).filter((n) => !this.entityIds.has(n)))];
    const events: DocketEvent[] = [];
    await this.store.audited(this.options.context, 'entity.resolve', 'entities', async (tx) => {
      const ids = await EntityStore.createEntities(tx, fresh.length);
      fresh.forEach((n, i) => this.entityIds.set(n, ids[i] ?? 0));
      const members: Membership[] = placed.map((p) => ({ entityId: this.entityIds.get(p.number) ?? 0, recordId: p.recordId, score: p.score, link: p.link }));
      await EntityStore.addMembers(tx, members, this.chunk);
      const createdIds = new Set(ids);
      const firstOf = new Map<number, number>();
      for (const m of members) if (createdIds.has(m.entityId) && !firstOf.has(m.entityId)) firstOf.set(m.entityId, m.recordId);
      const rows = members.map((m) => firstOf.get(m.entityId) === m.recordId
        ? { kind: 'created' as const, entityIds: [m.entityId], recordIds: [m.recordId], actor: this.options.context.actor, reason: 'no existing entity matched' }
        : { kind: 'record-added' as const, entityIds: [m.entityId], recordIds: [m.recordId], actor: this.options.context.actor, reason: `matched with probability ${(m.score ?? 0).toFixed(4)}` });
      await EntityStore.addEvents(tx, rows, this.chunk);
      const reviewIds = await EntityStore.addReviews(tx, reviews, this.chunk);
      for (const row of rows) events.push(row.kind === 'created' ? { kind: 'entity-created', entityId: row.entityIds[0] ?? 0, recordIds: row.recordIds } : { kind: 'entity-updated', entityId: row.entityIds[0] ?? 0, recordIds: row.recordIds });
      reviewIds.forEach((id, i) => events.push({ kind: 'review-needed', reviewId: id, score: reviews[i]?.score ?? 0 }));
      return { value: undefined, details: { records: placed.length, entitiesCreated: fresh.length, reviews: reviews.length } };
    }).catch((error: unknown) => {
      // Ids handed out inside the rolled-back transaction do not exist.
      for (const n of fresh) this.entityIds.delete(n);
      throw error;
    });
    for (const event of events) await this.options.bus?.publish(event);
  }

  /**
   * The first model: trained without labels on every waiting record (in content order, so the
   * same records give the same model whatever order they arrived in), then batch-clustered.
   */
  private async bootstrap(): Promise<void> {
    const records = [...this.pending].sort((a, b) => (a.contentHash < b.contentHash ? -1 : a.contentHash > b.contentHash ? 1 : 0));
    const dataset = new Dataset(personRecordSchema);
    for (const r of records) dataset.add(String(r.recordId), r.source, r.values);
    const resolution = resolveDataset(dataset);
    const explainer = new PairExplainer(resolution.model, dataset);
    const { entity } = resolution.clustering;
    const best = new Map<number, { other: number; weight: number }>();
    const { pairs } = resolution;
    for (let k = 0; k < pairs.length; k++) {
      const a = pairs.left[k] ?? 0;
      const b = pairs.right[k] ?? 0;
      if (entity[a] !== entity[b]) continue;
      const weight = pairs.weights[k] ?? 0;
      const later = Math.max(a, b);
      const current = best.get(later);
      if (current === undefined || weight > current.weight) best.set(later, { other: Math.min(a, b), weight });
    }
    const recordIdAt = (i: number): number => records[i]?.recordId ?? 0;
    const events: DocketEvent[] = [];
    const entityIds = new Map<number, number>();
    await this.store.audited(this.options.context, 'entity.resolve', 'entities', async (tx) => {
      await EntityStore.saveModel(tx, resolution.model.toJSON(), records.length, this.options.context.actor);
      const ids = await EntityStore.createEntities(tx, resolution.clustering.entities);
      ids.forEach((id, n) => entityIds.set(n, id));
      // Members are explained and written a chunk at a time: a million explanations at once
      // would not fit in memory, nor their JSON in one statement.
      const byEntity = new Map<number, number[]>();
      for (let start = 0; start < records.length; start += this.chunk) {
        const members: Membership[] = records.slice(start, start + this.chunk).map((r, offset) => {
          const i = start + offset;
          const link = best.get(i);
          const explanation = link === undefined ? null : storedExplanation(explainer.explain(i, link.other), recordIdAt(link.other));
          return { entityId: entityIds.get(entity[i] ?? 0) ?? 0, recordId: r.recordId, score: explanation?.probability ?? null, link: explanation };
        });
        await EntityStore.addMembers(tx, members, this.chunk);
        for (const m of members) {
          const list = byEntity.get(m.entityId);
          if (list === undefined) byEntity.set(m.entityId, [m.recordId]);
          else list.push(m.recordId);
        }
      }
      await EntityStore.addEvents(tx, [...byEntity].map(([id, recordIds]) => ({ kind: 'created' as const, entityIds: [id], recordIds, actor: this.options.context.actor, reason: 'first resolution of the stored records' })), this.chunk);
      const reviews: ReviewPair[] = resolution.review.map((k) => {
        const a = pairs.left[k] ?? 0;
        const b = pairs.right[k] ?? 0;
        const explanation = explainer.explain(a, b);
        return { recordA: recordIdAt(a), recordB: recordIdAt(b), score: explanation.probability, explanation: storedExplanation(explanation, recordIdAt(a)) };
      });
      const reviewIds = await EntityStore.addReviews(tx, reviews, this.chunk);
      for (const [id, recordIds] of byEntity) events.push({ kind: 'entity-created', entityId: id, recordIds });
      reviewIds.forEach((id, i) => events.push({ kind: 'review-needed', reviewId: id, score: reviews[i]?.score ?? 0 }));
      return { value: undefined, details: { records: records.length, entities: resolution.clustering.entities, reviews: reviews.length, trained: true } };
    });
    this.dataset = dataset;
    this.recordIds = records.map((r) => r.recordId);
    for (const [n, id] of entityIds) this.entityIds.set(n, id);
    this.index = IncrementalIndex.build(dataset, resolution.model, entity);
    this.pending = [];
    for (const event of events) await this.options.bus?.publish(event);
  }
}

interface Placed {
  readonly recordId: number;
  readonly number: number;
  readonly score: number | null;
  readonly link: unknown;
}

function toPending(row: ResolvableRecord): Pending {
  return { recordId: row.recordId, source: row.source, contentHash: row.contentHash, values: personRecordValues(row.record) };
}
