import { z } from 'zod';
import { DocketError } from '../../core/errors/index.js';
import { PersonRecord } from '../../core/records/index.js';
import type { PurposeOfUse } from '../../core/sources/index.js';
import type { Queryable } from '../../store/index.js';
import { entityOfRecord, mergeEntities, splitEntity, type EntityChange } from '../persons/entity-changes.js';
import { LinkExplanation, readLinkExplanation } from '../persons/link-explanation.js';
import { nameOf } from '../persons/person-profile.js';

export const ReviewDecision = z.enum(['match', 'not-a-match', 'unsure']);
export type ReviewDecision = z.infer<typeof ReviewDecision>;

const ReviewSide = z.object({
  recordId: z.number().int(),
  personId: z.number().int().nullable(),
  name: z.string(),
  source: z.string(),
  record: z.record(z.string(), z.unknown()),
});

export const ReviewSummary = z.object({
  id: z.number().int(),
  status: z.enum(['open', 'decided']),
  score: z.number(),
  createdAt: z.string(),
  nameA: z.string(),
  nameB: z.string(),
  decision: ReviewDecision.nullable(),
});
export type ReviewSummary = z.infer<typeof ReviewSummary>;

export const ReviewItemView = ReviewSummary.extend({
  a: ReviewSide,
  b: ReviewSide,
  explanation: LinkExplanation.nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
}).meta({ id: 'ReviewItem' });
export type ReviewItemView = z.infer<typeof ReviewItemView>;

interface Row {
  id: number;
  status: 'open' | 'decided';
  record_a: number;
  record_b: number;
  score: number;
  explanation: unknown;
  created_at: Date;
  decision: ReviewDecision | null;
  decided_by: string | null;
  decided_at: Date | null;
  reason: string | null;
  record_a_json: unknown;
  record_b_json: unknown;
  source_a: string;
  source_b: string;
  purposes_a: string[];
  purposes_b: string[];
}

const select = `
  SELECT i.*, pa.record AS record_a_json, pb.record AS record_b_json, sa.name AS source_a, sb.name AS source_b,
         sa.purposes AS purposes_a, sb.purposes AS purposes_b
    FROM review_items i
    JOIN person_records pa ON pa.id = i.record_a JOIN sources sa ON sa.id = pa.source_id
    JOIN person_records pb ON pb.id = i.record_b JOIN sources sb ON sb.id = pb.source_id`;

const readName = (value: unknown): string => {
  const parsed = PersonRecord.safeParse(value);
  return nameOf(parsed.success ? parsed.data : undefined);
};

const asObject = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? value as Record<string, unknown> : {});

function summary(row: Row): ReviewSummary {
  return { id: row.id, status: row.status, score: row.score, createdAt: row.created_at.toISOString(), nameA: readName(row.record_a_json), nameB: readName(row.record_b_json), decision: row.decision };
}

/** Items whose two records may both be read for `purpose`. */
const permits = (row: Row, purpose: PurposeOfUse): boolean => row.purposes_a.includes(purpose) && row.purposes_b.includes(purpose);

export const ReviewItems = {
  async list(db: Queryable, status: 'open' | 'decided', purpose: PurposeOfUse, limit: number): Promise<ReviewSummary[]> {
    const rows = await db.query<Row>(`${select} WHERE i.status = $1 ORDER BY ${status === 'open' ? 'abs(i.score - 0.5), i.id' : 'i.decided_at DESC, i.id DESC'} LIMIT $2`, [status, limit]);
    return rows.filter((r) => permits(r, purpose)).map(summary);
  },

  async get(db: Queryable, id: number, purpose: PurposeOfUse): Promise<ReviewItemView | undefined> {
    const row = (await db.query<Row>(`${select} WHERE i.id = $1`, [id])).at(0);
    if (row === undefined || !permits(row, purpose)) return undefined;
    return {
      ...summary(row),
      a: { recordId: row.record_a, personId: (await entityOfRecord(db, row.record_a)) ?? null, name: readName(row.record_a_json), source: row.source_a, record: asObject(row.record_a_json) },
      b: { recordId: row.record_b, personId: (await entityOfRecord(db, row.record_b)) ?? null, name: readName(row.record_b_json), source: row.source_b, record: asObject(row.record_b_json) },
      explanation: readLinkExplanation(row.explanation),
      decidedBy: row.decided_by,
      decidedAt: row.decided_at?.toISOString() ?? null,
      reason: row.reason,
    };
  },

  /**
   * Records a clerical decision and applies it: a match merges the two records' people, not a
   * match separates them if they had been linked, unsure changes nothing.
   */
  async decide(tx: Queryable, id: number, decision: ReviewDecision, actor: string, reason: string): Promise<{ change: EntityChange | undefined }> {
    const row = (await tx.query<{ status: string; record_a: number; record_b: number }>('SELECT status, record_a, record_b FROM review_items WHERE id = $1 FOR UPDATE', [id])).at(0);
    if (row === undefined) throw new DocketError('not-found', `no review item ${id}`);
    if (row.status !== 'open') throw new DocketError('conflict', `review item ${id} has already been decided`, { hint: 'reload the review queue' });
    const a = await ensureEntity(tx, row.record_a, actor);
    const b = await ensureEntity(tx, row.record_b, actor);
    const why = `clerical review ${id}: ${reason}`;
    let change: EntityChange | undefined;
    if (decision === 'match' && a !== b) change = await mergeEntities(tx, Math.min(a, b), Math.max(a, b), actor, why, { review: id });
    if (decision === 'not-a-match' && a === b) change = await splitEntity(tx, a, [row.record_b], actor, why, { review: id });
    await tx.query(`UPDATE review_items SET status = 'decided', decision = $2, decided_by = $3, decided_at = now(), reason = $4 WHERE id = $1`, [id, decision, actor, reason]);
    return { change };
  },
};

/** A record that no person holds yet (ingest left it alone) gets a person of its own. */
async function ensureEntity(tx: Queryable, recordId: number, actor: string): Promise<number> {
  const existing = await entityOfRecord(tx, recordId);
  if (existing !== undefined) return existing;
  const created = (await tx.query<{ id: number }>('INSERT INTO entities DEFAULT VALUES RETURNING id')).at(0);
  if (created === undefined) throw new Error('INSERT … RETURNING returned no row');
  await tx.query('INSERT INTO entity_members (entity_id, person_record_id) VALUES ($1, $2)', [created.id, recordId]);
  await tx.query(`INSERT INTO entity_events (kind, entity_ids, record_ids, actor, reason) VALUES ('created', $1, $2, $3, 'clerical review of an unlinked record')`, [[created.id], [recordId], actor]);
  return created.id;
}
