import { DocketError } from '../core/errors/index.js';
import type { AuditContext } from '../core/ledger/index.js';
import { IngestStore, QuarantineStore, SourceStore, type StoredRecord, type Store } from '../store/index.js';
import { goodRow } from './classify/classify-item.js';
import type { RecordResolver } from './ingest-files.js';
import { applyMapping, checkRecord } from './mapping/index.js';

export interface RetryReport {
  readonly source: string;
  readonly retried: number;
  readonly stored: number;
  readonly duplicates: number;
  readonly stillQuarantined: number;
  /** Rows that could not be read at all: they need a corrected file, not a new mapping. */
  readonly unreadable: number;
}

/**
 * Runs open quarantine rows of a source through its current mapping again (after the mapping
 * was fixed). Rows that now pass are stored and their quarantine entry resolved; the others keep
 * the new reason. One ledger entry records the counts.
 */
export async function retryQuarantine(store: Store, context: AuditContext, options: { readonly source: string; readonly ids?: readonly number[]; readonly resolver?: RecordResolver; readonly today?: string }): Promise<RetryReport> {
  const source = await SourceStore.get(store.db, options.source);
  const mapping = await IngestStore.latestMapping(store.db, source.id);
  if (mapping === undefined) throw new DocketError('invalid-input', `source "${source.name}" has no mapping`, { hint: `save one with \`npx docket sources map ${source.name} --file MAPPING.json\`` });
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const rows = (await QuarantineStore.list(store.db, { source: source.name, open: true, limit: 1_000_000 })).filter((row) => options.ids === undefined || options.ids.includes(row.id));
  const stored: StoredRecord[] = [];
  const report = await store.audited(context, 'quarantine.retry', `source:${source.name}`, async (tx) => {
    const runId = await IngestStore.startRun(tx, source.id, mapping.version, context.actor);
    let duplicates = 0;
    let still = 0;
    let unreadable = 0;
    for (const row of rows) {
      if (row.values === null) {
        unreadable += 1;
        continue;
      }
      const mapped = applyMapping(row.values, mapping.mapping);
      const problem = mapped.kind === 'rejected' ? mapped.reason : checkRecord(mapped.record, today);
      if (mapped.kind === 'rejected' || problem !== undefined) {
        still += 1;
        await QuarantineStore.updateReason(tx, row.id, problem ?? 'rejected', mapping.version);
        continue;
      }
      const fingerprint = (await tx.query<{ file_fingerprint: string }>('SELECT file_fingerprint FROM quarantine WHERE id = $1', [row.id])).at(0)?.file_fingerprint ?? '';
      const record = (await IngestStore.insertRecords(tx, {
        sourceId: source.id, runId, mappingVersion: mapping.version,
        rows: [goodRow({ fileName: row.fileName, fingerprint, line: row.line, offset: row.offset }, row.values, mapped.record, mapped.lineage)],
      })).at(0);
      if (record === undefined) duplicates += 1;
      else stored.push(record);
      await QuarantineStore.resolve(tx, row.id, record === undefined ? 'duplicate of a stored row' : 'stored after retry', record?.recordId ?? null);
    }
    const counts = { retried: rows.length, stored: stored.length, duplicates, stillQuarantined: still, unreadable };
    await IngestStore.finishRun(tx, runId, 'completed', counts);
    return { value: { source: source.name, ...counts }, details: { runId, mappingVersion: mapping.version, ...counts } };
  });
  if (options.resolver !== undefined && stored.length > 0) await options.resolver.resolve(stored, source.name);
  return report;
}
