import { basename } from 'node:path';
import { DocketError } from '../../core/errors/index.js';
import type { AuditContext } from '../../core/ledger/index.js';
import { BatchStore, IngestStore, type Store } from '../../store/index.js';
import { fileFingerprint } from '../file-fingerprint.js';
import { checkColumns, sourceForIngest } from '../ingest-files.js';
import { openSourceFile, type SourceItem } from '../readers/index.js';
import { finishFileIfDone } from './finish-file.js';
import type { IngestQueue } from './ingest-queue.js';

/** NATS accepts messages up to a limit; batches stay well under it. */
const MAX_BATCH_BYTES = 512 * 1024;

export interface Dispatch {
  readonly fileId: number;
  readonly runId: number;
  readonly batches: number;
  readonly rows: number;
}

/**
 * Reads a file and puts its rows on the work queue in numbered batches. Numbering follows the
 * file, so dispatching the same file again after a crash yields the same batches, and the
 * workers skip those already committed.
 */
export async function dispatchFile(store: Store, queue: IngestQueue, options: { readonly source: string; readonly path: string; readonly context: AuditContext; readonly batchSize?: number; readonly today?: string }): Promise<Dispatch> {
  if (!store.db.capabilities.multiProcess) {
    throw new DocketError('invalid-input', `ingest workers need a database several processes can share, not the ${store.db.location}`, { hint: 'set DATABASE_URL to a PostgreSQL server' });
  }
  const { source, mapping } = await sourceForIngest(store, options.source, options.context);
  const file = await openSourceFile(options.path);
  checkColumns(file, mapping, source.name, mapping.version);
  const fingerprint = await fileFingerprint(options.path);
  const fileName = basename(options.path);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const { runId, row } = await store.db.transaction(async (tx) => {
    const id = await IngestStore.startRun(tx, source.id, mapping.version, options.context.actor);
    return { runId: id, row: await IngestStore.openFile(tx, { sourceId: source.id, fingerprint, fileName, size: file.size, format: file.format, encoding: file.encoding, mappingVersion: mapping.version, runId: id }) };
  });
  if (row.status === 'completed') return { fileId: row.id, runId, batches: 0, rows: 0 };
  if (row.nextOffset > 0) throw new DocketError('conflict', `${options.path} was partly ingested by a single process`, { hint: 'finish it the same way: run `npx docket ingest` without --queue' });

  const batchSize = options.batchSize ?? 1000;
  let items: SourceItem[] = [];
  let bytes = 0;
  let batchNo = 0;
  let rows = 0;
  const send = async (): Promise<void> => {
    if (items.length === 0) return;
    await queue.publish({ fileId: row.id, runId, source: source.name, fileName, fingerprint, batchNo, today, items });
    batchNo += 1;
    items = [];
    bytes = 0;
  };
  for await (const item of file.read()) {
    items.push(item);
    rows += 1;
    bytes += item.raw.length * 2 + 200;
    if (items.length >= batchSize || bytes >= MAX_BATCH_BYTES) await send();
  }
  await send();
  await store.db.transaction((tx) => BatchStore.setTotal(tx, row.id, batchNo));
  await finishFileIfDone(store, row.id, options.context, source.name);
  return { fileId: row.id, runId, batches: batchNo, rows };
}
