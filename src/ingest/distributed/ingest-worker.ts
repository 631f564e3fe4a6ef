import { hostname } from 'node:os';
import type { EventBus } from '../../core/events/index.js';
import type { AuditContext } from '../../core/ledger/index.js';
import { BatchStore, IngestStore, SourceStore, type Store } from '../../store/index.js';
import { classifyItem, type RecordResolver } from '../ingest-files.js';
import type { GoodRow, MappingRow, QuarantinedRow } from '../../store/index.js';
import { finishFileIfDone } from './finish-file.js';
import type { BatchMessage, IngestQueue } from './ingest-queue.js';

export interface WorkerOptions {
  readonly context: AuditContext;
  readonly bus?: EventBus;
  readonly resolver?: RecordResolver;
  /** Stop after this long with no batch to take (tests, batch jobs); default: run until aborted. */
  readonly idleMs?: number;
  readonly signal?: AbortSignal;
  readonly name?: string;
}

/**
 * A worker of distributed ingest: takes batches off the queue, maps, checks and stores them in one
 * transaction each (a batch already committed by another worker is skipped), and completes the
 * file when its last batch is in. Returns how many batches it handled.
 */
export async function runIngestWorker(store: Store, queue: IngestQueue, options: WorkerOptions): Promise<number> {
  const worker = options.name ?? `${hostname()}:${process.pid}`;
  const mappings = new Map<string, MappingRow | undefined>();
  const handle = async (batch: BatchMessage): Promise<void> => {
    const file = await BatchStore.file(store.db, batch.fileId);
    if (file === undefined || file.status === 'completed') return;
    const key = `${file.sourceId}:${file.mappingVersion}`;
    let mapping = mappings.get(key);
    if (mapping === undefined) {
      mapping = await IngestStore.mapping(store.db, file.sourceId, file.mappingVersion);
      mappings.set(key, mapping);
    }
    if (mapping === undefined) throw new Error(`source ${batch.source} lost its mapping`);
    const good: GoodRow[] = [];
    const quarantine: QuarantinedRow[] = [];
    for (const item of batch.items) {
      const classified = classifyItem(item, mapping.mapping, { fileName: batch.fileName, fingerprint: batch.fingerprint, today: batch.today });
      if (classified.kind === 'good') good.push(classified.row);
      else quarantine.push(classified.row);
    }
    const stored = await store.db.transaction(async (tx) => {
      if (!(await BatchStore.claim(tx, { fileId: batch.fileId, batchNo: batch.batchNo, runId: batch.runId, worker, rowsRead: batch.items.length }))) return undefined;
      const records = await IngestStore.insertRecords(tx, { sourceId: file.sourceId, runId: batch.runId, mappingVersion: file.mappingVersion, rows: good });
      await IngestStore.insertQuarantine(tx, { sourceId: file.sourceId, runId: batch.runId, mappingVersion: file.mappingVersion, rows: quarantine });
      await BatchStore.record(tx, { fileId: batch.fileId, batchNo: batch.batchNo, rowsRead: batch.items.length, stored: records.length, duplicates: good.length - records.length, quarantined: quarantine.length });
      return records;
    });
    if (stored === undefined) return;
    if (options.resolver !== undefined && stored.length > 0) await options.resolver.resolve(stored, batch.source);
    if (stored.length > 0) await options.bus?.publish({ kind: 'record-ingested', source: batch.source, recordIds: stored.map((s) => s.recordId) });
    const source = await SourceStore.get(store.db, batch.source);
    await finishFileIfDone(store, batch.fileId, { ...options.context, legalBasis: source.legalAuthority }, batch.source);
  };
  return queue.work(handle, { ...(options.idleMs === undefined ? {} : { idleMs: options.idleMs }), ...(options.signal === undefined ? {} : { signal: options.signal }) });
}
