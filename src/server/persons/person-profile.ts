import { z } from 'zod';
import { PersonRecord } from '../../core/records/index.js';
import type { PurposeOfUse } from '../../core/sources/index.js';
import type { Queryable } from '../../store/index.js';
import { describeEvent } from './describe-event.js';
import { LinkExplanation, readLinkExplanation } from './link-explanation.js';
import { QualityFlag, qualityFlags } from './quality-flags.js';

const Supported = z.object({ value: z.string(), recordIds: z.array(z.number().int()) });

export const SourceRecordView = z.object({
  id: z.number().int(),
  source: z.object({ name: z.string(), category: z.string(), legalAuthority: z.string() }),
  lineage: z.object({
    rawRecordId: z.number().int(),
    file: z.string(),
    line: z.number().int(),
    byteOffset: z.number().int(),
    ingestRunId: z.number().int(),
    contentHash: z.string(),
    mappingVersion: z.number().int(),
    ingestedAt: z.string(),
  }),
  record: z.record(z.string(), z.unknown()),
  link: z.object({ since: z.string(), matchScore: z.number().nullable(), explanation: LinkExplanation.nullable() }),
});

export const PersonProfile = z.object({
  id: z.number().int(),
  displayName: z.string(),
  identity: z.object({
    names: z.array(Supported),
    datesOfBirth: z.array(Supported),
    countriesOfBirth: z.array(Supported),
    citizenships: z.array(Supported),
    documents: z.array(Supported.extend({ kind: z.string() })),
  }),
  records: z.array(SourceRecordView),
  /** Records held for this person whose sources do not permit the declared purpose. */
  withheldRecords: z.number().int(),
  timeline: z.array(z.object({ date: z.string(), kind: z.string(), summary: z.string(), recordId: z.number().int(), source: z.string() })),
  history: z.array(z.object({ kind: z.string(), at: z.string(), actor: z.string(), reason: z.string(), entityIds: z.array(z.number().int()), recordIds: z.array(z.number().int()) })),
  openReviews: z.array(z.object({ id: z.number().int(), recordA: z.number().int(), recordB: z.number().int(), score: z.number() })),
  flags: z.array(QualityFlag),
}).meta({ id: 'PersonProfile' });
export type PersonProfile = z.infer<typeof PersonProfile>;

interface MemberRow {
  person_record_id: number;
  valid_from: Date;
  match_score: number | null;
  link: unknown;
  record: unknown;
  mapping_version: number;
  raw_record_id: number;
  file_name: string;
  line: number;
  byte_offset: number;
  run_id: number;
  content_hash: string;
  ingested_at: Date;
  source_name: string;
  category: string;
  legal_authority: string;
  purposes: string[];
}

export function nameOf(record: PersonRecord | undefined): string {
  if (record === undefined) return '(unreadable record)';
  const n = record.name;
  const parts = [n.given, n.middle, n.surname].filter((p): p is string => p !== undefined && p !== '');
  return parts.length > 0 ? parts.join(' ') : (n.full ?? '(no name)');
}

function gather(into: Map<string, Set<number>>, value: string | undefined, recordId: number): void {
  if (value === undefined || value === '') return;
  const ids = into.get(value) ?? new Set<number>();
  ids.add(recordId);
  into.set(value, ids);
}

/** Values first by how many records support them, so the best-attested one leads. */
const supported = (values: Map<string, Set<number>>): { value: string; recordIds: number[] }[] =>
  [...values].map(([value, ids]) => ({ value, recordIds: [...ids].sort((a, b) => a - b) })).sort((a, b) => b.recordIds.length - a.recordIds.length || a.value.localeCompare(b.value));

export type ProfileLookup = { kind: 'found'; profile: PersonProfile } | { kind: 'missing' } | { kind: 'retired'; into: number };

/**
 * Reads one resolved person: only the records whose sources permit `purpose` are shown, and
 * how many were withheld is said.
 */
export async function readPersonProfile(db: Queryable, entityId: number, purpose: PurposeOfUse, today: string): Promise<ProfileLookup> {
  const entity = (await db.query<{ status: string; retired_into: number | null }>('SELECT status, retired_into FROM entities WHERE id = $1', [entityId])).at(0);
  if (entity === undefined) return { kind: 'missing' };
  if (entity.status === 'retired' && entity.retired_into !== null) return { kind: 'retired', into: entity.retired_into };
  const rows = await db.query<MemberRow>(`
    SELECT m.person_record_id, m.valid_from, m.match_score, m.link, p.record, p.mapping_version,
           r.id AS raw_record_id, r.file_name, r.line, r.byte_offset, r.run_id, r.content_hash, r.ingested_at,
           s.name AS source_name, s.category, s.legal_authority, s.purposes
      FROM entity_members m
      JOIN person_records p ON p.id = m.person_record_id
      JOIN raw_records r ON r.id = p.raw_record_id
      JOIN sources s ON s.id = p.source_id
     WHERE m.entity_id = $1 AND m.valid_to IS NULL
     ORDER BY m.person_record_id`, [entityId]);
  if (rows.length === 0) return { kind: 'missing' };
  const visible = rows.filter((r) => r.purposes.includes(purpose));
  const members = visible.map((row) => {
    const parsed = PersonRecord.safeParse(row.record);
    return { row, record: parsed.success ? parsed.data : undefined };
  });
  const recordIds = rows.map((r) => r.person_record_id);
  const reviews = await db.query<{ id: number; record_a: number; record_b: number; score: number }>(
    `SELECT id, record_a, record_b, score FROM review_items WHERE status = 'open' AND (record_a = ANY($1::bigint[]) OR record_b = ANY($1::bigint[])) ORDER BY id`,
    [recordIds],
  );
  const history = await db.query<{ kind: string; at: Date; actor: string; reason: string; entity_ids: number[]; record_ids: number[] }>(
    'SELECT kind, at, actor, reason, entity_ids, record_ids FROM entity_events WHERE $1 = ANY(entity_ids) ORDER BY at, id',
    [entityId],
  );

  const names = new Map<string, Set<number>>();
  const dobs = new Map<string, Set<number>>();
  const births = new Map<string, Set<number>>();
  const citizenships = new Map<string, Set<number>>();
  const documents = new Map<string, Set<number>>();
  const timeline: PersonProfile['timeline'] = [];
  for (const { row, record } of members) {
    if (record === undefined) continue;
    const id = row.person_record_id;
    gather(names, nameOf(record), id);
    for (const alias of record.aliases) gather(names, nameOf({ ...record, name: alias }), id);
    gather(dobs, record.dateOfBirth, id);
    gather(births, record.countryOfBirth, id);
    for (const c of record.citizenships) gather(citizenships, c, id);
    for (const d of record.documents) gather(documents, `${d.kind}\u0000${d.number}`, id);
    for (const event of record.events) timeline.push({ date: event.date, kind: event.kind, summary: describeEvent(event), recordId: id, source: row.source_name });
  }
  timeline.sort((a, b) => a.date.localeCompare(b.date) || a.recordId - b.recordId);
  const nameList = supported(names);
  const flags = qualityFlags(
    members.map(({ row, record }) => ({
      recordId: row.person_record_id,
      sourceName: row.source_name,
      record,
      matchProbability: row.match_score !== null && row.match_score >= 0 && row.match_score <= 1 ? row.match_score : undefined,
    })),
    reviews.length,
    today,
  );
  return {
    kind: 'found',
    profile: {
      id: entityId,
      displayName: nameList[0]?.value ?? '(records withheld)',
      identity: {
        names: nameList,
        datesOfBirth: supported(dobs),
        countriesOfBirth: supported(births),
        citizenships: supported(citizenships),
        documents: supported(documents).map((d) => {
          const [kind = '', value = ''] = d.value.split('\u0000');
          return { kind, value, recordIds: d.recordIds };
        }),
      },
      records: members.map(({ row }) => ({
        id: row.person_record_id,
        source: { name: row.source_name, category: row.category, legalAuthority: row.legal_authority },
        lineage: {
          rawRecordId: row.raw_record_id,
          file: row.file_name,
          line: row.line,
          byteOffset: row.byte_offset,
          ingestRunId: row.run_id,
          contentHash: row.content_hash,
          mappingVersion: row.mapping_version,
          ingestedAt: row.ingested_at.toISOString(),
        },
        record: (typeof row.record === 'object' && row.record !== null ? row.record : {}) as Record<string, unknown>,
        link: { since: row.valid_from.toISOString(), matchScore: row.match_score, explanation: readLinkExplanation(row.link) },
      })),
      withheldRecords: rows.length - visible.length,
      timeline,
      history: history.map((h) => ({ kind: h.kind, at: h.at.toISOString(), actor: h.actor, reason: h.reason, entityIds: h.entity_ids.map(Number), recordIds: h.record_ids.map(Number) })),
      openReviews: reviews.map((r) => ({ id: r.id, recordA: r.record_a, recordB: r.record_b, score: r.score })),
      flags,
    },
  };
}
