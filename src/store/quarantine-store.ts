import type { Queryable } from './database.js';

export interface QuarantineRow {
  readonly id: number;
  readonly source: string;
  readonly sourceId: number;
  readonly runId: number;
  readonly fileName: string;
  readonly line: number;
  readonly offset: number;
  readonly stage: 'read' | 'map' | 'validate';
  readonly reason: string;
  readonly raw: string;
  readonly values: Readonly<Record<string, unknown>> | null;
  readonly createdAt: string;
  readonly resolvedAt: string | null;
  readonly resolution: string | null;
}

interface Row {
  id: number; source: string; source_id: number; run_id: number; file_name: string; line: number; byte_offset: number; stage: 'read' | 'map' | 'validate';
  reason: string; raw: string; row_values: Record<string, unknown> | null; created_at: Date; resolved_at: Date | null; resolution: string | null;
}

const toRow = (r: Row): QuarantineRow => ({
  id: r.id, source: r.source, sourceId: r.source_id, runId: r.run_id, fileName: r.file_name, line: r.line, offset: r.byte_offset, stage: r.stage,
  reason: r.reason, raw: r.raw, values: r.row_values, createdAt: r.created_at.toISOString(), resolvedAt: r.resolved_at?.toISOString() ?? null, resolution: r.resolution,
});

const select = 'SELECT q.*, s.name AS source FROM quarantine q JOIN sources s ON s.id = q.source_id';

/** Rows that could not be stored, kept with why, until a fix lets them in. */
export const QuarantineStore = {
  async list(db: Queryable, filter: { readonly source?: string; readonly open?: boolean; readonly limit?: number } = {}): Promise<QuarantineRow[]> {
    const rows = await db.query<Row>(
      `${select} WHERE ($1::text IS NULL OR s.name = $1) AND (NOT $2 OR q.resolved_at IS NULL) ORDER BY q.id LIMIT $3`,
      [filter.source ?? null, filter.open ?? true, filter.limit ?? 100],
    );
    return rows.map(toRow);
  },

  async get(db: Queryable, id: number): Promise<QuarantineRow | undefined> {
    return (await db.query<Row>(`${select} WHERE q.id = $1`, [id])).map(toRow).at(0);
  },

  async resolve(tx: Queryable, id: number, resolution: string, recordId: number | null): Promise<void> {
    await tx.query('UPDATE quarantine SET resolved_at = now(), resolution = $2, retried_record_id = $3 WHERE id = $1', [id, resolution, recordId]);
  },

  async updateReason(tx: Queryable, id: number, reason: string, mappingVersion: number): Promise<void> {
    await tx.query('UPDATE quarantine SET reason = $2, mapping_version = $3 WHERE id = $1', [id, reason, mappingVersion]);
  },

  async counts(db: Queryable): Promise<{ source: string; open: number }[]> {
    return db.query<{ source: string; open: number }>(
      'SELECT s.name AS source, count(q.id)::int AS open FROM sources s LEFT JOIN quarantine q ON q.source_id = s.id AND q.resolved_at IS NULL GROUP BY s.name ORDER BY s.name',
    );
  },
};
