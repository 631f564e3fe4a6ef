import type { PersonRecord } from '../core/records/index.js';
import { pgArray } from './copy-text.js';
import type { Queryable } from './database.js';

/** A stored record as resolution sees it: its id, source, content hash, and current entity. */
export interface ResolvableRecord {
  readonly recordId: number;
  readonly source: string;
  readonly contentHash: string;
  readonly record: PersonRecord;
  readonly entityId: number | null;
}

export interface Membership {
  readonly entityId: number;
  readonly recordId: number;
  /** Match probability with the record it was linked through (null for the entity's first record). */
  readonly score: number | null;
  readonly link: unknown;
}

export interface ReviewPair {
  readonly recordA: number;
  readonly recordB: number;
  readonly score: number;
  readonly explanation: unknown;
}

export interface EntityEventRow {
  readonly kind: 'created' | 'record-added' | 'merged' | 'split';
  readonly entityIds: readonly number[];
  readonly recordIds: readonly number[];
  readonly actor: string;
  readonly reason: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * Rows per statement when writing members, events and reviews. A statement's rows travel as one
 * string, and a first resolution of a million records would not fit in one JavaScript string.
 */
export const ENTITY_WRITE_CHUNK = 5000;

/** Runs `write` on consecutive slices of `rows`, one statement each, in the caller's transaction. */
async function inChunks<T, R>(rows: readonly T[], chunkSize: number, write: (slice: readonly T[]) => Promise<R[]>): Promise<R[]> {
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError(`chunk size must be a positive integer, not ${String(chunkSize)}`);
  const out: R[] = [];
  for (let start = 0; start < rows.length; start += chunkSize) out.push(...(await write(rows.slice(start, start + chunkSize))));
  return out;
}

/** Entities, their membership history, clerical-review pairs, and the linkage model. */
export const EntityStore = {
  async activeModel(db: Queryable): Promise<unknown> {
    return (await db.query<{ model: unknown }>('SELECT model FROM linkage_models WHERE active')).at(0)?.model;
  },

  async saveModel(tx: Queryable, model: unknown, trainedOn: number, actor: string): Promise<void> {
    await tx.query('UPDATE linkage_models SET active = false WHERE active');
    await tx.query('INSERT INTO linkage_models (model, trained_on, created_by) VALUES ($1, $2, $3)', [JSON.stringify(model), trainedOn, actor]);
  },

  /** Every stored record with its current entity, a page at a time, oldest first. */
  async *records(db: Queryable, pageSize = 5000): AsyncGenerator<ResolvableRecord> {
    let after = 0;
    for (;;) {
      const rows = await db.query<{ id: number; source: string; content_hash: string; record: PersonRecord; entity_id: number | null }>(
        `SELECT p.id, s.name AS source, r.content_hash, p.record, m.entity_id
           FROM person_records p JOIN raw_records r ON r.id = p.raw_record_id JOIN sources s ON s.id = p.source_id
           LEFT JOIN entity_members m ON m.person_record_id = p.id AND m.valid_to IS NULL
          WHERE p.id > $1 ORDER BY p.id LIMIT $2`,
        [after, pageSize],
      );
      for (const row of rows) yield { recordId: row.id, source: row.source, contentHash: row.content_hash, record: row.record, entityId: row.entity_id };
      const last = rows.at(-1);
      if (last === undefined || rows.length < pageSize) return;
      after = last.id;
    }
  },

  async createEntities(tx: Queryable, count: number): Promise<number[]> {
    if (count === 0) return [];
    const rows = await tx.query<{ id: number }>('INSERT INTO entities (status) SELECT \'active\' FROM generate_series(1, $1) RETURNING id', [count]);
    return rows.map((r) => r.id);
  },

  async addMembers(tx: Queryable, members: readonly Membership[], chunkSize = ENTITY_WRITE_CHUNK): Promise<void> {
    await inChunks(members, chunkSize, async (slice) => {
      if (!tx.capabilities.bulkCopy) {
        return tx.query(
          `INSERT INTO entity_members (entity_id, person_record_id, match_score, link)
           SELECT t.entity_id, t.record_id, t.score, t.link FROM json_to_recordset($1::json) AS t(entity_id bigint, record_id bigint, score float8, link json)`,
          [JSON.stringify(slice.map((m) => ({ entity_id: m.entityId, record_id: m.recordId, score: m.score, link: m.link ?? null })))],
        );
      }
      await tx.copyRows('entity_members', ['entity_id', 'person_record_id', 'match_score', 'link'],
        slice.map((m) => [m.entityId, m.recordId, m.score, m.link === undefined || m.link === null ? null : JSON.stringify(m.link)]));
      return [];
    });
  },

  async addEvents(tx: Queryable, events: readonly EntityEventRow[], chunkSize = ENTITY_WRITE_CHUNK): Promise<void> {
    await inChunks(events, chunkSize, async (slice) => {
      if (!tx.capabilities.bulkCopy) {
        return tx.query(
          `INSERT INTO entity_events (kind, entity_ids, record_ids, actor, reason, details)
           SELECT t.kind, ARRAY(SELECT json_array_elements_text(t.entity_ids)::bigint), ARRAY(SELECT json_array_elements_text(t.record_ids)::bigint), t.actor, t.reason, t.details
             FROM json_to_recordset($1::json) AS t(kind text, entity_ids json, record_ids json, actor text, reason text, details jsonb)`,
          [JSON.stringify(slice.map((e) => ({ kind: e.kind, entity_ids: e.entityIds, record_ids: e.recordIds, actor: e.actor, reason: e.reason, details: e.details ?? {} })))],
        );
      }
      await tx.copyRows('entity_events', ['kind', 'entity_ids', 'record_ids', 'actor', 'reason', 'details'],
        slice.map((e) => [e.kind, pgArray(e.entityIds), pgArray(e.recordIds), e.actor, e.reason, JSON.stringify(e.details ?? {})]));
      return [];
    });
  },

  async addReviews(tx: Queryable, pairs: readonly ReviewPair[], chunkSize = ENTITY_WRITE_CHUNK): Promise<number[]> {
    const rows = await inChunks(pairs, chunkSize, (slice) => tx.query<{ id: number }>(
      `INSERT INTO review_items (kind, record_a, record_b, score, explanation)
       SELECT 'match', t.a, t.b, t.score, t.explanation FROM json_to_recordset($1::json) AS t(a bigint, b bigint, score float8, explanation jsonb)
       RETURNING id`,
      [JSON.stringify(slice.map((p) => ({ a: p.recordA, b: p.recordB, score: p.score, explanation: p.explanation })))],
    ));
    return rows.map((r) => r.id);
  },
};
