import { createHash } from 'node:crypto';
import type { EventBus } from '../core/events/index.js';
import type { AuditContext } from '../core/ledger/index.js';
import { SourceStore, type Store } from '../store/index.js';

export interface PurgeReport {
  readonly source: string;
  readonly retentionDays: number;
  /** Records ingested before this instant are past retention. */
  readonly cutoff: string;
  readonly records: number;
  readonly quarantined: number;
  readonly entitiesRetired: number;
  /** SHA-256 over the sorted content hashes of the purged rows: proof of exactly what went. */
  readonly digest: string;
}

/**
 * Purges, source by source, every row older than the source's retention period, with what
 * hangs off it (canonical record, memberships, scored pairs, reviews), and writes a ledger entry
 * per source with the counts and a digest of what was purged, in the same transaction.
 */
export async function runRetention(store: Store, context: AuditContext, options: { readonly asOf?: Date; readonly dryRun?: boolean; readonly bus?: EventBus } = {}): Promise<PurgeReport[]> {
  const asOf = options.asOf ?? new Date();
  const reports: PurgeReport[] = [];
  for (const source of await SourceStore.list(store.db)) {
    const cutoff = new Date(asOf.getTime() - source.retentionDays * 86_400_000).toISOString();
    const report = await store.audited(context, options.dryRun === true ? 'retention.preview' : 'retention.purge', `source:${source.name}`, async (tx) => {
      const expired = await tx.query<{ content_hash: string }>('SELECT content_hash FROM raw_records WHERE source_id = $1 AND ingested_at < $2 ORDER BY content_hash', [source.id, cutoff]);
      const expiredQuarantine = (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM quarantine WHERE source_id = $1 AND created_at < $2', [source.id, cutoff])).at(0)?.n ?? 0;
      const digest = createHash('sha256').update(expired.map((r) => r.content_hash).join('\n')).digest('hex');
      let entitiesRetired = 0;
      if (options.dryRun !== true && (expired.length > 0 || expiredQuarantine > 0)) {
        await tx.query('DELETE FROM raw_records WHERE source_id = $1 AND ingested_at < $2', [source.id, cutoff]);
        await tx.query('DELETE FROM quarantine WHERE source_id = $1 AND created_at < $2', [source.id, cutoff]);
        const retired = await tx.query(
          `UPDATE entities e SET status = 'retired' WHERE e.status = 'active'
             AND NOT EXISTS (SELECT 1 FROM entity_members m WHERE m.entity_id = e.id AND m.valid_to IS NULL) RETURNING id`,
        );
        entitiesRetired = retired.length;
      }
      const value: PurgeReport = { source: source.name, retentionDays: source.retentionDays, cutoff, records: expired.length, quarantined: expiredQuarantine, entitiesRetired, digest };
      return { value, details: { ...value, dryRun: options.dryRun === true } };
    });
    if (report.records > 0 && options.dryRun !== true) await options.bus?.publish({ kind: 'records-purged', source: source.name, count: report.records });
    reports.push(report);
  }
  return reports;
}
