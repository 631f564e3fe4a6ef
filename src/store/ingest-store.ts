import { DocketError } from '../core/errors/index.js';
import { SourceMapping, type SourceMappingInput } from '../core/mapping/index.js';
import type { Queryable } from './database.js';

export interface IngestFileRow {
  readonly id: number;
  readonly sourceId: number;
  readonly fingerprint: string;
  readonly fileName: string;
  readonly mappingVersion: number;
  readonly nextOffset: number;
  readonly nextLine: number;
  readonly rowsRead: number;
  readonly rowsStored: number;
  readonly rowsDuplicate: number;
  readonly rowsQuarantined: number;
  readonly status: 'in-progress' | 'completed';
  readonly lastRunId: number | null;
}

interface FileRow {
  id: number;
  source_id: number;
  fingerprint: string;
  file_name: string;
  mapping_version: number;
  next_offset: number;
  next_line: number;
  rows_read: number;
  rows_stored: number;
  rows_duplicate: number;
  rows_quarantined: number;
  status: 'in-progress' | 'completed';
  last_run_id: number | null;
}

const toFile = (r: FileRow): IngestFileRow => ({
  id: r.id, sourceId: r.source_id, fingerprint: r.fingerprint, fileName: r.file_name, mappingVersion: r.mapping_version,
  nextOffset: r.next_offset, nextLine: r.next_line, rowsRead: r.rows_read, rowsStored: r.rows_stored,
  rowsDuplicate: r.rows_duplicate, rowsQuarantined: r.rows_quarantined, status: r.status, lastRunId: r.last_run_id,
});

/**
 * A row that mapped and validated, ready to store: its values already written as JSON where the
 * row was read (a worker thread), so they cross to the storing thread as text and are written once.
 */
export interface GoodRow {
  readonly fileName: string;
  readonly fingerprint: string;
  readonly line: number;
  readonly offset: number;
  readonly contentHash: string;
  /** The row as the source gave it, as JSON. */
  readonly content: string;
  /** The canonical person record, as JSON. */
  readonly record: string;
  /** Field → source column, as JSON. */
  readonly lineage: string;
  /** The record's values in the order entity resolution reads them, handed on to it with the stored record. */
  readonly linkageValues: readonly (string | undefined)[];
}

/** A row for quarantine, with the stage that refused it. */
export interface QuarantinedRow {
  readonly fileName: string;
  readonly fingerprint: string;
  readonly line: number;
  readonly offset: number;
  readonly raw: string;
  readonly rawHash: string;
  readonly reason: string;
  readonly stage: 'read' | 'map' | 'validate';
  readonly values: Readonly<Record<string, unknown>> | undefined;
}

export interface StoredRecord {
  readonly recordId: number;
  readonly rawRecordId: number;
  readonly contentHash: string;
  readonly linkageValues: readonly (string | undefined)[];
}

export interface BatchOutcome {
  readonly stored: readonly StoredRecord[];
  readonly duplicates: number;
  readonly quarantined: number;
}

export interface MappingRow {
  readonly sourceId: number;
  readonly version: number;
  readonly mapping: SourceMapping;
  readonly createdAt: string;
  readonly createdBy: string;
}

const isUniqueViolation = (error: unknown): boolean => typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';

/**
 * Rows of distinct contents in one JSON statement, each skipped if its content is stored already:
 * the embedded database's way, and the way back when a copy meets content stored meanwhile.
 */
async function insertRecordsSkippingStored(tx: Queryable, batch: { sourceId: number; runId: number; mappingVersion: number; rows: readonly GoodRow[] }): Promise<StoredRecord[]> {
  const byHash = new Map(batch.rows.map((g) => [g.contentHash, g]));
  const stored = await tx.query<{ id: number; raw_record_id: number; content_hash: string }>(
    `WITH batch AS (
       SELECT * FROM json_to_recordset($4::json)
         AS t(file_name text, line int, byte_offset bigint, content_hash text, content json, fingerprint text, record jsonb, lineage json)
     ), raw AS (
       INSERT INTO raw_records (source_id, run_id, file_name, line, byte_offset, content_hash, content, file_fingerprint)
       SELECT $1, $2, b.file_name, b.line, b.byte_offset, b.content_hash, b.content, b.fingerprint FROM batch b
       ON CONFLICT (source_id, content_hash) DO NOTHING
       RETURNING id, content_hash
     ), person AS (
       INSERT INTO person_records (raw_record_id, source_id, mapping_version, record, lineage)
       SELECT raw.id, $1, $3, b.record, b.lineage FROM raw JOIN batch b ON b.content_hash = raw.content_hash
       RETURNING id, raw_record_id
     )
     SELECT person.id, person.raw_record_id, raw.content_hash FROM person JOIN raw ON raw.id = person.raw_record_id ORDER BY person.id`,
    [batch.sourceId, batch.runId, batch.mappingVersion, `[${batch.rows.map((g) => `{"file_name":${JSON.stringify(g.fileName)},"line":${g.line},"byte_offset":${g.offset},"content_hash":${JSON.stringify(g.contentHash)},"content":${g.content},"fingerprint":${JSON.stringify(g.fingerprint)},"record":${g.record},"lineage":${g.lineage}}`).join(',')}]`],
  );
  return stored.map((r) => {
    const good = byHash.get(r.content_hash) as GoodRow;
    return { recordId: r.id, rawRecordId: r.raw_record_id, contentHash: good.contentHash, linkageValues: good.linkageValues };
  });
}

/** The tables of ingest: mappings, files and their checkpoints, runs, raw rows, records, quarantine. */
export const IngestStore = {
  async addMapping(tx: Queryable, sourceId: number, mapping: Omit<SourceMappingInput, 'version'>, actor: string): Promise<MappingRow> {
    const latest = (await tx.query<{ v: number | null }>('SELECT max(version) AS v FROM source_mappings WHERE source_id = $1', [sourceId])).at(0)?.v ?? 0;
    const version = latest + 1;
    const stored = SourceMapping.parse({ ...mapping, version });
    await tx.query('INSERT INTO source_mappings (source_id, version, mapping, created_by) VALUES ($1, $2, $3, $4)', [sourceId, version, JSON.stringify(stored), actor]);
    return { sourceId, version, mapping: stored, createdAt: new Date().toISOString(), createdBy: actor };
  },

  async mapping(db: Queryable, sourceId: number, version: number): Promise<MappingRow | undefined> {
    const row = (await db.query<{ mapping: unknown; created_at: Date; created_by: string }>(
      'SELECT mapping, created_at, created_by FROM source_mappings WHERE source_id = $1 AND version = $2', [sourceId, version],
    )).at(0);
    return row === undefined ? undefined : { sourceId, version, mapping: SourceMapping.parse(row.mapping), createdAt: row.created_at.toISOString(), createdBy: row.created_by };
  },

  async latestMapping(db: Queryable, sourceId: number): Promise<MappingRow | undefined> {
    const row = (await db.query<{ version: number; mapping: unknown; created_at: Date; created_by: string }>(
      'SELECT version, mapping, created_at, created_by FROM source_mappings WHERE source_id = $1 ORDER BY version DESC LIMIT 1', [sourceId],
    )).at(0);
    return row === undefined ? undefined : { sourceId, version: row.version, mapping: SourceMapping.parse(row.mapping), createdAt: row.created_at.toISOString(), createdBy: row.created_by };
  },

  async startRun(tx: Queryable, sourceId: number, mappingVersion: number, actor: string): Promise<number> {
    const row = (await tx.query<{ id: number }>("INSERT INTO ingest_runs (source_id, mapping_version, actor, status) VALUES ($1, $2, $3, 'running') RETURNING id", [sourceId, mappingVersion, actor])).at(0);
    if (row === undefined) throw new Error('INSERT … RETURNING returned no row');
    return row.id;
  },

  async finishRun(tx: Queryable, runId: number, status: 'completed' | 'failed', counts: Readonly<Record<string, number>>): Promise<void> {
    await tx.query('UPDATE ingest_runs SET status = $2, finished_at = now(), counts = $3 WHERE id = $1', [runId, status, JSON.stringify(counts)]);
  },

  /** The file's checkpoint row, created on first sight; found again by its content on a rerun. */
  async openFile(tx: Queryable, file: { sourceId: number; fingerprint: string; fileName: string; size: number; format: string; encoding: string; mappingVersion: number; runId: number }): Promise<IngestFileRow> {
    await tx.query(
      `INSERT INTO ingest_files (source_id, fingerprint, file_name, size, format, encoding, mapping_version, last_run_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (source_id, fingerprint) DO NOTHING`,
      [file.sourceId, file.fingerprint, file.fileName, file.size, file.format, file.encoding, file.mappingVersion, file.runId],
    );
    const row = (await tx.query<FileRow>('SELECT * FROM ingest_files WHERE source_id = $1 AND fingerprint = $2 FOR UPDATE', [file.sourceId, file.fingerprint])).at(0);
    if (row === undefined) throw new Error('ingest file row vanished');
    if (row.status === 'in-progress') await tx.query('UPDATE ingest_files SET last_run_id = $2, updated_at = now() WHERE id = $1', [row.id, file.runId]);
    return toFile(row);
  },

  /** Inserts rows not stored before (by content) with their canonical records; returns the new ones. */
  async insertRecords(tx: Queryable, batch: { sourceId: number; runId: number; mappingVersion: number; rows: readonly GoodRow[] }): Promise<StoredRecord[]> {
    // The first row of a content wins; a repeat in the same batch is a duplicate like any other.
    const byHash = new Map<string, GoodRow>();
    for (const g of batch.rows) if (!byHash.has(g.contentHash)) byHash.set(g.contentHash, g);
    if (byHash.size === 0) return [];
    if (!tx.capabilities.bulkCopy) return insertRecordsSkippingStored(tx, { ...batch, rows: [...byHash.values()] });
    const known = await tx.query<{ content_hash: string }>('SELECT content_hash FROM raw_records WHERE source_id = $1 AND content_hash = ANY($2::text[])', [batch.sourceId, [...byHash.keys()]]);
    for (const k of known) byHash.delete(k.content_hash);
    const fresh = [...byHash.values()];
    if (fresh.length === 0) return [];
    // Ids come from the tables' own sequences first, so both tables take their rows by COPY.
    const ids = await tx.query<{ raw: number; person: number }>("SELECT nextval('raw_records_id_seq') AS raw, nextval('person_records_id_seq') AS person FROM generate_series(1, $1)", [fresh.length]);
    if (ids.length !== fresh.length) throw new Error(`${ids.length} ids for ${fresh.length} rows`);
    const stored = fresh.map((g, i): StoredRecord => ({ recordId: ids[i]?.person ?? 0, rawRecordId: ids[i]?.raw ?? 0, contentHash: g.contentHash, linkageValues: g.linkageValues }));
    // Another transaction may store the same content between the look-up and the copy; the
    // copy then fails on the unique key, and the batch is stored again by a statement that skips it.
    await tx.exec('SAVEPOINT docket_copy_records');
    try {
      await tx.copyRows('raw_records', ['id', 'source_id', 'run_id', 'file_name', 'line', 'byte_offset', 'content_hash', 'content', 'file_fingerprint'],
        fresh.map((g, i) => [stored[i]?.rawRecordId ?? 0, batch.sourceId, batch.runId, g.fileName, g.line, g.offset, g.contentHash, g.content, g.fingerprint]));
      await tx.copyRows('person_records', ['id', 'raw_record_id', 'source_id', 'mapping_version', 'record', 'lineage'],
        fresh.map((g, i) => [stored[i]?.recordId ?? 0, stored[i]?.rawRecordId ?? 0, batch.sourceId, batch.mappingVersion, g.record, g.lineage]));
      await tx.exec('RELEASE SAVEPOINT docket_copy_records');
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await tx.exec('ROLLBACK TO SAVEPOINT docket_copy_records');
      return insertRecordsSkippingStored(tx, { ...batch, rows: fresh });
    }
    return stored;
  },

  /** Quarantines rows; one already quarantined and not yet resolved is not added twice. */
  async insertQuarantine(tx: Queryable, batch: { sourceId: number; runId: number; mappingVersion: number; rows: readonly QuarantinedRow[] }): Promise<void> {
    const q = batch.rows;
    if (q.length === 0) return;
    await tx.query(
      `INSERT INTO quarantine (source_id, run_id, mapping_version, file_name, file_fingerprint, line, byte_offset, raw, reason, raw_hash, row_values, stage)
       SELECT $1, $2, $3, t.file_name, t.fingerprint, t.line, t.byte_offset, t.raw, t.reason, t.raw_hash, t.row_values, t.stage
       FROM json_to_recordset($4::json) AS t(file_name text, fingerprint text, line int, byte_offset bigint, raw text, reason text, raw_hash text, row_values jsonb, stage text)
       ON CONFLICT (source_id, raw_hash) WHERE resolved_at IS NULL DO NOTHING`,
      [batch.sourceId, batch.runId, batch.mappingVersion, JSON.stringify(q.map((r) => ({ file_name: r.fileName, fingerprint: r.fingerprint, line: r.line, byte_offset: r.offset, raw: r.raw, reason: r.reason, raw_hash: r.rawHash, row_values: r.values ?? null, stage: r.stage })))],
    );
  },

  /**
   * Stores one batch and moves the file's checkpoint past it, in the caller's transaction: a
   * kill before commit loses the whole batch and the checkpoint with it, so a rerun redoes it.
   */
  async storeBatch(tx: Queryable, batch: {
    sourceId: number; runId: number; mappingVersion: number; fileId: number;
    good: readonly GoodRow[]; quarantine: readonly QuarantinedRow[]; checkpoint: { offset: number; line: number }; rowsRead: number;
  }): Promise<BatchOutcome> {
    const stored = await IngestStore.insertRecords(tx, { sourceId: batch.sourceId, runId: batch.runId, mappingVersion: batch.mappingVersion, rows: batch.good });
    await IngestStore.insertQuarantine(tx, { sourceId: batch.sourceId, runId: batch.runId, mappingVersion: batch.mappingVersion, rows: batch.quarantine });
    const duplicates = batch.good.length - stored.length;
    await tx.query(
      `UPDATE ingest_files SET next_offset = $2, next_line = $3, rows_read = rows_read + $4, rows_stored = rows_stored + $5,
         rows_duplicate = rows_duplicate + $6, rows_quarantined = rows_quarantined + $7, updated_at = now() WHERE id = $1`,
      [batch.fileId, batch.checkpoint.offset, batch.checkpoint.line, batch.rowsRead, stored.length, duplicates, batch.quarantine.length],
    );
    return { stored, duplicates, quarantined: batch.quarantine.length };
  },

  async completeFile(tx: Queryable, fileId: number): Promise<IngestFileRow> {
    const row = (await tx.query<FileRow>("UPDATE ingest_files SET status = 'completed', completed_at = now(), updated_at = now() WHERE id = $1 RETURNING *", [fileId])).at(0);
    if (row === undefined) throw new DocketError('not-found', `ingest file ${fileId} is gone`);
    return toFile(row);
  },
};

/** What several workers share about one file: batches claimed once, and the file completed once. */
export const BatchStore = {
  /** Claims a batch for this transaction; false when another worker already committed it. */
  async claim(tx: Queryable, batch: { fileId: number; batchNo: number; runId: number; worker: string; rowsRead: number }): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO ingest_batches (file_id, batch_no, run_id, worker, rows_read, stored, duplicates, quarantined)
       VALUES ($1, $2, $3, $4, $5, 0, 0, 0) ON CONFLICT (file_id, batch_no) DO NOTHING RETURNING batch_no`,
      [batch.fileId, batch.batchNo, batch.runId, batch.worker, batch.rowsRead],
    );
    return rows.length === 1;
  },

  async record(tx: Queryable, batch: { fileId: number; batchNo: number; stored: number; duplicates: number; quarantined: number; rowsRead: number }): Promise<void> {
    await tx.query('UPDATE ingest_batches SET stored = $3, duplicates = $4, quarantined = $5 WHERE file_id = $1 AND batch_no = $2', [batch.fileId, batch.batchNo, batch.stored, batch.duplicates, batch.quarantined]);
    await tx.query(
      `UPDATE ingest_files SET rows_read = rows_read + $2, rows_stored = rows_stored + $3, rows_duplicate = rows_duplicate + $4,
         rows_quarantined = rows_quarantined + $5, updated_at = now() WHERE id = $1`,
      [batch.fileId, batch.rowsRead, batch.stored, batch.duplicates, batch.quarantined],
    );
  },

  async setTotal(tx: Queryable, fileId: number, total: number): Promise<void> {
    await tx.query('UPDATE ingest_files SET batches_total = $2, updated_at = now() WHERE id = $1', [fileId, total]);
  },

  /** Marks the file completed when every batch is in; exactly one caller gets the row back. */
  async completeIfDone(tx: Queryable, fileId: number): Promise<IngestFileRow | undefined> {
    const row = (await tx.query<FileRow>(
      `UPDATE ingest_files SET status = 'completed', completed_at = now(), updated_at = now()
        WHERE id = $1 AND status = 'in-progress' AND batches_total IS NOT NULL
          AND batches_total = (SELECT count(*) FROM ingest_batches WHERE file_id = $1)
        RETURNING *`,
      [fileId],
    )).at(0);
    return row === undefined ? undefined : toFile(row);
  },

  async file(db: Queryable, fileId: number): Promise<IngestFileRow | undefined> {
    return (await db.query<FileRow>('SELECT * FROM ingest_files WHERE id = $1', [fileId])).map(toFile).at(0);
  },
};
