import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { PersonRecord } from '../../core/records/index.js';
import type { DataCategory, PurposeOfUse } from '../../core/sources/index.js';
import type { Queryable } from '../../store/index.js';
import type { LinkExplanation } from '../persons/link-explanation.js';

/** Rows written straight into the foundation tables, the way ingest and linkage leave them. */
export class Fixture {
  private readonly sources = new Map<string, number>();
  private readonly runs = new Map<number, number>();
  private lines = 0;

  constructor(private readonly db: Queryable) {}

  async source(name: string, category: DataCategory, purposes: readonly PurposeOfUse[], legalAuthority = '8 U.S.C. 1103(a)'): Promise<number> {
    const row = (await this.db.query<{ id: number }>(
      `INSERT INTO sources (name, legal_authority, purposes, category, retention_days, registered_by) VALUES ($1, $2, $3, $4, 3650, 'fixture') RETURNING id`,
      [name, legalAuthority, purposes, category],
    )).at(0);
    if (row === undefined) throw new Error('no source id');
    this.sources.set(name, row.id);
    return row.id;
  }

  /** A raw row and its canonical record, with lineage. */
  async record(sourceName: string, input: PersonRecordInput, ingestedAt?: Date): Promise<number> {
    const sourceId = await this.sourceId(sourceName);
    const runId = await this.run(sourceId);
    const record = PersonRecord.parse(input);
    const content = JSON.stringify(input);
    const line = ++this.lines;
    const raw = (await this.db.query<{ id: number }>(
      `INSERT INTO raw_records (source_id, run_id, file_name, line, byte_offset, content_hash, content, ingested_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8::timestamptz, now())) RETURNING id`,
      [sourceId, runId, `${sourceName}.ndjson`, line, (line - 1) * 180, createHash('sha256').update(content).digest('hex'), content, ingestedAt?.toISOString() ?? null],
    )).at(0);
    if (raw === undefined) throw new Error('no raw record id');
    const person = (await this.db.query<{ id: number }>(
      'INSERT INTO person_records (raw_record_id, source_id, mapping_version, record) VALUES ($1, $2, 1, $3) RETURNING id',
      [raw.id, sourceId, JSON.stringify(record)],
    )).at(0);
    if (person === undefined) throw new Error('no person record id');
    return person.id;
  }

  /** A resolved person holding `members`; each member after the first carries its link explanation. */
  async entity(members: readonly { recordId: number; score?: number; link?: LinkExplanation }[]): Promise<number> {
    const entity = (await this.db.query<{ id: number }>('INSERT INTO entities DEFAULT VALUES RETURNING id')).at(0);
    if (entity === undefined) throw new Error('no entity id');
    for (const m of members) {
      await this.db.query('INSERT INTO entity_members (entity_id, person_record_id, match_score, link) VALUES ($1, $2, $3, $4)', [
        entity.id, m.recordId, m.score ?? null, m.link === undefined ? null : JSON.stringify(m.link),
      ]);
    }
    await this.db.query(`INSERT INTO entity_events (kind, entity_ids, record_ids, actor, reason) VALUES ('created', $1, $2, 'linkage', 'batch resolution')`, [
      [entity.id], members.map((m) => m.recordId),
    ]);
    return entity.id;
  }

  async review(recordA: number, recordB: number, score: number, explanation: LinkExplanation): Promise<number> {
    const row = (await this.db.query<{ id: number }>(
      `INSERT INTO review_items (kind, record_a, record_b, score, explanation) VALUES ('match', $1, $2, $3, $4) RETURNING id`,
      [recordA, recordB, score, JSON.stringify(explanation)],
    )).at(0);
    if (row === undefined) throw new Error('no review id');
    return row.id;
  }

  async quarantine(sourceName: string, reason: string): Promise<void> {
    const sourceId = await this.sourceId(sourceName);
    const runId = await this.run(sourceId);
    await this.db.query(`INSERT INTO quarantine (source_id, run_id, file_name, line, byte_offset, raw, reason) VALUES ($1, $2, $3, $4, 0, '{"name":', $5)`, [
      sourceId, runId, `${sourceName}.ndjson`, ++this.lines, reason,
    ]);
  }

  /** A source this fixture created, or one already in the database. */
  private async sourceId(name: string): Promise<number> {
    const known = this.sources.get(name);
    if (known !== undefined) return known;
    const row = (await this.db.query<{ id: number }>('SELECT id FROM sources WHERE name = $1', [name])).at(0);
    if (row === undefined) throw new Error(`fixture source ${name} does not exist`);
    this.sources.set(name, row.id);
    return row.id;
  }

  private async run(sourceId: number): Promise<number> {
    const known = this.runs.get(sourceId);
    if (known !== undefined) return known;
    const row = (await this.db.query<{ id: number }>(`INSERT INTO ingest_runs (source_id, mapping_version, actor, status) VALUES ($1, 1, 'fixture', 'completed') RETURNING id`, [sourceId])).at(0);
    if (row === undefined) throw new Error('no run id');
    this.runs.set(sourceId, row.id);
    return row.id;
  }
}

export type PersonRecordInput = z.input<typeof PersonRecord>;
