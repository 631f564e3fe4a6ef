import { DocketError } from '../../core/errors/index.js';
import type { Queryable } from '../../store/index.js';

export interface EntityChange {
  readonly kind: 'merged' | 'split';
  /** The entity that remains (merge) or was split (split). */
  readonly entityId: number;
  /** The entity retired by a merge, or created by a split. */
  readonly otherEntityId: number;
  readonly recordIds: readonly number[];
}

async function activeEntity(tx: Queryable, id: number): Promise<void> {
  const row = (await tx.query<{ status: string }>('SELECT status FROM entities WHERE id = $1 FOR UPDATE', [id])).at(0);
  if (row?.status !== 'active') throw new DocketError('not-found', `no active person with id ${id}`, { hint: 'it may have been merged into another; reload the profile' });
}

async function currentMembers(tx: Queryable, entityId: number): Promise<{ person_record_id: number; match_score: number | null; link: unknown }[]> {
  return tx.query('SELECT person_record_id, match_score, link FROM entity_members WHERE entity_id = $1 AND valid_to IS NULL ORDER BY person_record_id', [entityId]);
}

/**
 * Moves every record of `fromId` into `intoId` and retires `fromId`; membership history keeps
 * the old rows (closed), and an entity event says who did it and why.
 */
export async function mergeEntities(tx: Queryable, intoId: number, fromId: number, actor: string, reason: string, details: Readonly<Record<string, unknown>> = {}): Promise<EntityChange> {
  if (intoId === fromId) throw new DocketError('invalid-input', 'a person cannot be merged with itself', { hint: 'choose two different people' });
  await activeEntity(tx, Math.min(intoId, fromId));
  await activeEntity(tx, Math.max(intoId, fromId));
  const moving = await currentMembers(tx, fromId);
  const recordIds = moving.map((m) => m.person_record_id);
  await tx.query('UPDATE entity_members SET valid_to = now() WHERE entity_id = $1 AND valid_to IS NULL', [fromId]);
  for (const m of moving) {
    await tx.query('INSERT INTO entity_members (entity_id, person_record_id, match_score, link) VALUES ($1, $2, $3, $4)', [intoId, m.person_record_id, m.match_score, m.link === null ? null : JSON.stringify(m.link)]);
  }
  await tx.query(`UPDATE entities SET status = 'retired', retired_into = $2 WHERE id = $1`, [fromId, intoId]);
  await tx.query(`INSERT INTO entity_events (kind, entity_ids, record_ids, actor, reason, details) VALUES ('merged', $1, $2, $3, $4, $5)`, [
    [intoId, fromId], recordIds, actor, reason, JSON.stringify(details),
  ]);
  return { kind: 'merged', entityId: intoId, otherEntityId: fromId, recordIds };
}

/** Moves `recordIds` out of `entityId` into a new person; at least one record must stay behind. */
export async function splitEntity(tx: Queryable, entityId: number, recordIds: readonly number[], actor: string, reason: string, details: Readonly<Record<string, unknown>> = {}): Promise<EntityChange> {
  await activeEntity(tx, entityId);
  const members = new Set((await currentMembers(tx, entityId)).map((m) => m.person_record_id));
  const moving = [...new Set(recordIds)].sort((a, b) => a - b);
  const strangers = moving.filter((id) => !members.has(id));
  if (strangers.length > 0) throw new DocketError('invalid-input', `record${strangers.length === 1 ? '' : 's'} ${strangers.join(', ')} ${strangers.length === 1 ? 'is' : 'are'} not part of person ${entityId}`, { hint: 'choose records shown on this profile' });
  if (moving.length === 0 || moving.length >= members.size) throw new DocketError('invalid-input', 'a split moves some of the records, not none and not all', { hint: 'pick the records that belong to someone else' });
  const created = (await tx.query<{ id: number }>('INSERT INTO entities DEFAULT VALUES RETURNING id')).at(0);
  if (created === undefined) throw new Error('INSERT … RETURNING returned no row');
  await tx.query('UPDATE entity_members SET valid_to = now() WHERE entity_id = $1 AND person_record_id = ANY($2::bigint[]) AND valid_to IS NULL', [entityId, moving]);
  for (const id of moving) {
    await tx.query('INSERT INTO entity_members (entity_id, person_record_id, link) VALUES ($1, $2, $3)', [created.id, id, JSON.stringify({ priorWeight: 0, fields: [], note: `separated by ${actor}: ${reason}` })]);
  }
  await tx.query(`INSERT INTO entity_events (kind, entity_ids, record_ids, actor, reason, details) VALUES ('split', $1, $2, $3, $4, $5)`, [
    [entityId, created.id], moving, actor, reason, JSON.stringify(details),
  ]);
  return { kind: 'split', entityId, otherEntityId: created.id, recordIds: moving };
}

/** The active person a record belongs to now. */
export async function entityOfRecord(tx: Queryable, recordId: number): Promise<number | undefined> {
  return (await tx.query<{ entity_id: number }>('SELECT entity_id FROM entity_members WHERE person_record_id = $1 AND valid_to IS NULL', [recordId])).at(0)?.entity_id;
}
