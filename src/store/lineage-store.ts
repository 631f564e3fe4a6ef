import { DocketError } from '../core/errors/index.js';
import type { PersonRecord } from '../core/records/index.js';
import type { Queryable } from './database.js';

/** Where one canonical record came from, down to the byte, and which column gave each value. */
export interface RecordLineage {
  readonly recordId: number;
  readonly source: string;
  readonly legalAuthority: string;
  readonly file: string;
  readonly fileFingerprint: string;
  readonly line: number;
  readonly offset: number;
  readonly runId: number;
  readonly mappingVersion: number;
  readonly ingestedAt: string;
  readonly contentHash: string;
  readonly record: PersonRecord;
  /** Canonical path → source column. */
  readonly columns: Readonly<Record<string, string>>;
  /** The row as the source gave it. */
  readonly content: Readonly<Record<string, unknown>>;
}

interface Row {
  id: number; source: string; legal_authority: string; file_name: string; file_fingerprint: string; line: number; byte_offset: number; run_id: number;
  mapping_version: number; ingested_at: Date; content_hash: string; record: PersonRecord; lineage: Record<string, string>; content: Record<string, unknown>;
}

export const LineageStore = {
  async forRecords(db: Queryable, recordIds: readonly number[]): Promise<RecordLineage[]> {
    const rows = await db.query<Row>(
      `SELECT p.id, s.name AS source, s.legal_authority, r.file_name, r.file_fingerprint, r.line, r.byte_offset, r.run_id, p.mapping_version,
              r.ingested_at, r.content_hash, p.record, p.lineage, r.content
         FROM person_records p JOIN raw_records r ON r.id = p.raw_record_id JOIN sources s ON s.id = p.source_id
        WHERE p.id = ANY($1::bigint[]) ORDER BY p.id`,
      [recordIds],
    );
    return rows.map((r) => ({
      recordId: r.id, source: r.source, legalAuthority: r.legal_authority, file: r.file_name, fileFingerprint: r.file_fingerprint, line: r.line, offset: r.byte_offset,
      runId: r.run_id, mappingVersion: r.mapping_version, ingestedAt: r.ingested_at.toISOString(), contentHash: r.content_hash, record: r.record, columns: r.lineage, content: r.content,
    }));
  },

  async forRecord(db: Queryable, recordId: number): Promise<RecordLineage> {
    const found = (await LineageStore.forRecords(db, [recordId])).at(0);
    if (found === undefined) throw new DocketError('not-found', `no record ${recordId}`, { hint: 'record ids are shown by search and on person profiles' });
    return found;
  },
};
