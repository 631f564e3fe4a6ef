import { z } from 'zod';
import { DocketError } from '../core/errors/index.js';
import { PersonRecord } from '../core/records/index.js';
import type { RecordLink, ResolvedPerson, SourcedRecord } from '../core/status/index.js';
import type { Queryable } from '../store/index.js';

/** A resolved person as the case rules take it, with what each record's source permits. */
export interface LoadedPerson {
  /** The active entity holding the records now (a merge moves them to its successor). */
  readonly entityId: number;
  readonly person: ResolvedPerson;
  /** Each record's source's permitted purposes of use, by record id. */
  readonly purposes: ReadonlyMap<string, readonly string[]>;
}

/** The trainer's default review band, used until a model has been stored. */
const defaultReviewBand: readonly [number, number] = [0.05, 0.95];

const ReviewBand = z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]);
const StoredLink = z.object({ pairWith: z.number().int().positive().optional() }).loose();

interface MemberRow {
  entity_id: number;
  person_record_id: number;
  match_score: number | null;
  link: unknown;
  record: unknown;
  source: string;
  purposes: string[];
}

interface ReviewRow {
  record_a: number;
  record_b: number;
  score: number;
  status: 'open' | 'decided';
  decision: 'match' | 'not-a-match' | 'unsure' | null;
  decided_by: string | null;
  decided_at: Date | null;
}

/**
 * Builds `ResolvedPerson`s from entities: their current records, and the links that joined them.
 * A link is `uncertain` when its probability falls in the linkage model's review band or a clerical
 * review item on its pair is open or was left unsure; a data steward's `match` decision confirms it.
 * A review item between one of the person's records and someone else's counts as an uncertain link
 * too: until it is decided, the person may be missing records, or holding another's.
 */
export const PersonLoader = {
  /** The band of match probabilities the active model sends to clerical review. */
  async reviewBand(db: Queryable): Promise<readonly [number, number]> {
    const row = (await db.query<{ review: unknown }>(`SELECT model->'review' AS review FROM linkage_models WHERE active`)).at(0);
    const parsed = ReviewBand.safeParse(row?.review);
    return parsed.success ? parsed.data : defaultReviewBand;
  },

  /** The active entity an entity id stands for now, following merges; undefined when there is none. */
  async current(db: Queryable, entityId: number): Promise<number | undefined> {
    let id = entityId;
    for (let hops = 0; hops < 1000; hops++) {
      const row = (await db.query<{ status: string; retired_into: number | null }>('SELECT status, retired_into FROM entities WHERE id = $1', [id])).at(0);
      if (row === undefined) return undefined;
      if (row.status === 'active') return id;
      if (row.retired_into === null) return undefined;
      id = row.retired_into;
    }
    return undefined;
  },

  /** One person; `personId` names them for the rules (a case keeps the id it was opened with). */
  async load(db: Queryable, entityId: number, options: { readonly personId?: string; readonly band?: readonly [number, number] } = {}): Promise<LoadedPerson | undefined> {
    const current = await PersonLoader.current(db, entityId);
    if (current === undefined) return undefined;
    const band = options.band ?? await PersonLoader.reviewBand(db);
    const loaded = (await PersonLoader.loadMany(db, [current], band)).get(current);
    if (loaded === undefined || options.personId === undefined) return loaded;
    return { ...loaded, person: { ...loaded.person, personId: options.personId } };
  },

  /** Several active entities at once; entities without current records are left out. */
  async loadMany(db: Queryable, entityIds: readonly number[], band: readonly [number, number]): Promise<Map<number, LoadedPerson>> {
    const people = new Map<number, LoadedPerson>();
    if (entityIds.length === 0) return people;
    const members = await db.query<MemberRow>(
      `SELECT m.entity_id, m.person_record_id, m.match_score, m.link, p.record, s.name AS source, s.purposes
         FROM entity_members m JOIN person_records p ON p.id = m.person_record_id JOIN sources s ON s.id = p.source_id
        WHERE m.valid_to IS NULL AND m.entity_id = ANY($1::bigint[])
        ORDER BY m.entity_id, m.person_record_id`,
      [[...entityIds]],
    );
    const recordIds = members.map((m) => m.person_record_id);
    const reviews = recordIds.length === 0 ? [] : await db.query<ReviewRow>(
      `SELECT record_a, record_b, score, status, decision, decided_by, decided_at FROM review_items
        WHERE record_a = ANY($1::bigint[]) OR record_b = ANY($1::bigint[]) ORDER BY id`,
      [recordIds],
    );
    const byEntity = new Map<number, MemberRow[]>();
    for (const member of members) {
      const list = byEntity.get(member.entity_id);
      if (list === undefined) byEntity.set(member.entity_id, [member]);
      else list.push(member);
    }
    for (const [entityId, rows] of byEntity) {
      const records: SourcedRecord[] = rows.map((row) => ({ recordId: String(row.person_record_id), source: row.source, record: readRecord(row) }));
      const own = new Set(rows.map((r) => r.person_record_id));
      const touching = reviews.filter((r) => own.has(r.record_a) || own.has(r.record_b));
      people.set(entityId, {
        entityId,
        person: { personId: String(entityId), records, links: linksOf(rows, touching, band) },
        purposes: new Map(rows.map((r) => [String(r.person_record_id), r.purposes])),
      });
    }
    return people;
  },

  /** Every active person, a page of entities at a time, in entity order. */
  async *all(db: Queryable, pageSize = 1000): AsyncGenerator<LoadedPerson> {
    const band = await PersonLoader.reviewBand(db);
    let after = 0;
    for (;;) {
      const ids = (await db.query<{ id: number }>(`SELECT id FROM entities WHERE status = 'active' AND id > $1 ORDER BY id LIMIT $2`, [after, pageSize])).map((r) => r.id);
      const loaded = await PersonLoader.loadMany(db, ids, band);
      for (const id of ids) {
        const person = loaded.get(id);
        if (person !== undefined) yield person;
      }
      const last = ids.at(-1);
      if (last === undefined || ids.length < pageSize) return;
      after = last;
    }
  },

  /** The active entities holding a voluntary-departure grant, for the departure watch. */
  async withVoluntaryDeparture(db: Queryable): Promise<number[]> {
    const rows = await db.query<{ entity_id: number }>(
      `SELECT DISTINCT m.entity_id FROM person_records p JOIN entity_members m ON m.person_record_id = p.id AND m.valid_to IS NULL
        WHERE p.record->'events' @> '[{"kind":"voluntary-departure-grant"}]'::jsonb ORDER BY m.entity_id`,
    );
    return rows.map((r) => r.entity_id);
  },
};

function readRecord(row: MemberRow): PersonRecord {
  const parsed = PersonRecord.safeParse(row.record);
  // A record that no longer reads could hide a fact that protects the person: stop rather than decide without it.
  if (!parsed.success) {
    throw new DocketError('conflict', `record ${row.person_record_id} of person ${row.entity_id} does not read as a person record`, {
      hint: 'have a data steward check the record; no case decision is taken on this person until it reads',
      details: { recordId: row.person_record_id, entityId: row.entity_id },
    });
  }
  return parsed.data;
}

function linksOf(rows: readonly MemberRow[], reviews: readonly ReviewRow[], band: readonly [number, number]): RecordLink[] {
  const [low, high] = band;
  const links = new Map<string, RecordLink>();
  const key = (a: number, b: number): string => (a < b ? `${a}~${b}` : `${b}~${a}`);
  const confirmation = (a: number, b: number): RecordLink['stewardConfirmation'] => {
    const decided = reviews.find((r) => r.decision === 'match' && key(r.record_a, r.record_b) === key(a, b) && r.decided_by !== null);
    return decided === undefined ? undefined : { by: decided.decided_by ?? '', at: decided.decided_at?.toISOString() ?? '' };
  };
  const first = rows.at(0)?.person_record_id;
  for (const row of rows) {
    if (row.link === null || row.link === undefined || row.person_record_id === first) continue;
    const stored = StoredLink.safeParse(row.link);
    const partner = stored.success && stored.data.pairWith !== undefined && rows.some((r) => r.person_record_id === stored.data.pairWith) ? stored.data.pairWith : first;
    if (partner === undefined || partner === row.person_record_id) continue;
    // Records placed together by a steward's split carry a note and no score: a person's decision, not the engine's link.
    const probability = row.match_score !== null && row.match_score >= 0 && row.match_score <= 1 ? row.match_score : undefined;
    if (probability === undefined) continue;
    const confirmed = confirmation(partner, row.person_record_id);
    links.set(key(partner, row.person_record_id), {
      recordIds: [String(partner), String(row.person_record_id)],
      band: (probability >= low && probability < high) || confirmed !== undefined ? 'uncertain' : 'certain',
      matchProbability: probability,
      ...(confirmed === undefined ? {} : { stewardConfirmation: confirmed }),
    });
  }
  for (const review of reviews) {
    const pending = review.status === 'open' || review.decision === 'unsure';
    const confirmed = confirmation(review.record_a, review.record_b);
    if (!pending && confirmed === undefined) continue;
    const k = key(review.record_a, review.record_b);
    const existing = links.get(k);
    links.set(k, {
      recordIds: existing?.recordIds ?? [String(review.record_a), String(review.record_b)],
      band: 'uncertain',
      matchProbability: existing?.matchProbability ?? review.score,
      // A pair still open or left unsure is not confirmed, whatever an older decision said.
      ...(pending || confirmed === undefined ? {} : { stewardConfirmation: confirmed }),
    });
  }
  return [...links.values()];
}
