import { z } from 'zod';
import type { Queryable } from '../../store/index.js';

export const SourceHealth = z.object({
  name: z.string(),
  category: z.string(),
  records: z.number().int(),
  quarantined: z.number().int(),
  /** Share of rows accepted (records ÷ records + quarantined); 1 when nothing arrived. */
  acceptedShare: z.number(),
  lastIngestAt: z.string().nullable(),
  lastRunStatus: z.string().nullable(),
});

export const DashboardStats = z.object({
  at: z.string(),
  totals: z.object({
    sources: z.number().int(),
    records: z.number().int(),
    entities: z.number().int(),
    pendingReviews: z.number().int(),
    quarantined: z.number().int(),
    ingestRunsRunning: z.number().int(),
  }),
  sources: z.array(SourceHealth),
  /** Records ingested per hour over the last 24 hours, oldest first. */
  ingestByHour: z.array(z.object({ hour: z.string(), records: z.number().int() })),
  quality: z.object({
    recordsWithoutDateOfBirth: z.number().int(),
    recordsWithoutDocument: z.number().int(),
    entitiesWithOneRecord: z.number().int(),
    reviewsDecided: z.number().int(),
  }),
}).meta({ id: 'DashboardStats' });
export type DashboardStats = z.infer<typeof DashboardStats>;

interface SourceRow {
  name: string;
  category: string;
  records: number;
  quarantined: number;
  last_ingest_at: Date | null;
  last_run_status: string | null;
}

/** The figures of the live dashboard; aggregates only, no person data. */
export async function readDashboardStats(db: Queryable, now: Date = new Date()): Promise<DashboardStats> {
  const sources = await db.query<SourceRow>(`
    SELECT s.name, s.category,
      (SELECT count(*)::int FROM raw_records r WHERE r.source_id = s.id) AS records,
      (SELECT count(*)::int FROM quarantine q WHERE q.source_id = s.id AND q.resolved_at IS NULL) AS quarantined,
      (SELECT max(r.ingested_at) FROM raw_records r WHERE r.source_id = s.id) AS last_ingest_at,
      (SELECT i.status FROM ingest_runs i WHERE i.source_id = s.id ORDER BY i.started_at DESC, i.id DESC LIMIT 1) AS last_run_status
    FROM sources s ORDER BY s.name`);
  const [totals] = await db.query<{ records: number; entities: number; pending: number; decided: number; running: number; single: number }>(`
    SELECT (SELECT count(*)::int FROM person_records) AS records,
      (SELECT count(*)::int FROM entities WHERE status = 'active') AS entities,
      (SELECT count(*)::int FROM review_items WHERE status = 'open') AS pending,
      (SELECT count(*)::int FROM review_items WHERE status = 'decided') AS decided,
      (SELECT count(*)::int FROM ingest_runs WHERE status = 'running') AS running,
      (SELECT count(*)::int FROM (SELECT entity_id FROM entity_members WHERE valid_to IS NULL GROUP BY entity_id HAVING count(*) = 1) one) AS single`);
  const [quality] = await db.query<{ no_dob: number; no_doc: number }>(`
    SELECT count(*) FILTER (WHERE NOT (record ? 'dateOfBirth'))::int AS no_dob,
      count(*) FILTER (WHERE jsonb_array_length(COALESCE(record->'documents', '[]'::jsonb)) = 0)::int AS no_doc
    FROM person_records`);
  const since = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 - 23 * 3_600_000);
  const hours = await db.query<{ hour: Date; records: number }>(
    `SELECT date_trunc('hour', ingested_at) AS hour, count(*)::int AS records FROM raw_records WHERE ingested_at >= $1 GROUP BY 1`,
    [since.toISOString()],
  );
  const byHour = new Map(hours.map((h) => [h.hour.getTime(), h.records]));
  const ingestByHour = Array.from({ length: 24 }, (_, i) => {
    const hour = since.getTime() + i * 3_600_000;
    return { hour: new Date(hour).toISOString(), records: byHour.get(hour) ?? 0 };
  });
  const quarantined = sources.reduce((sum, s) => sum + s.quarantined, 0);
  return {
    at: now.toISOString(),
    totals: {
      sources: sources.length,
      records: totals.records,
      entities: totals.entities,
      pendingReviews: totals.pending,
      quarantined,
      ingestRunsRunning: totals.running,
    },
    sources: sources.map((s) => ({
      name: s.name,
      category: s.category,
      records: s.records,
      quarantined: s.quarantined,
      acceptedShare: s.records + s.quarantined === 0 ? 1 : s.records / (s.records + s.quarantined),
      lastIngestAt: s.last_ingest_at?.toISOString() ?? null,
      lastRunStatus: s.last_run_status,
    })),
    ingestByHour,
    quality: {
      recordsWithoutDateOfBirth: quality.no_dob,
      recordsWithoutDocument: quality.no_doc,
      entitiesWithOneRecord: totals.single,
      reviewsDecided: totals.decided,
    },
  };
}
