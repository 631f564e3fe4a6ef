import { basename } from 'node:path';
import { DocketError } from '../core/errors/index.js';
import type { EventBus } from '../core/events/index.js';
import type { AuditContext } from '../core/ledger/index.js';
import type { SourceMapping } from '../core/mapping/index.js';
import { findDeclinedCategory } from '../core/sources/index.js';
import { IngestStore, type BatchOutcome, type StoredRecord } from '../store/ingest-store.js';
import { SourceStore, type SourceRow, type Store } from '../store/index.js';
import { classifiedBatches } from './classify/classified-batches.js';
import type { ClassifiedBatch } from './classify/classify-messages.js';
import { fileFingerprint } from './file-fingerprint.js';
import { openSourceFile, type FileFormat, type SourceFile, type TextEncoding } from './readers/index.js';

export { classifyItem, type ClassifiedItem } from './classify/classify-item.js';

/** Resolves newly stored records into entities; ingest calls it after each committed batch. */
export interface RecordResolver {
  resolve(records: readonly StoredRecord[], source: string): Promise<void>;
}

export interface IngestProgress {
  readonly file: string;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly read: number;
  readonly stored: number;
  readonly duplicates: number;
  readonly quarantined: number;
}

export interface IngestOptions {
  readonly source: string;
  readonly files: readonly string[];
  readonly context: AuditContext;
  readonly format?: FileFormat;
  readonly encoding?: TextEncoding;
  readonly batchSize?: number;
  readonly bus?: EventBus;
  readonly resolver?: RecordResolver;
  readonly onProgress?: (progress: IngestProgress) => void;
  /** The day plausibility checks measure against (YYYY-MM-DD); today by default. */
  readonly today?: string;
}

export interface FileSummary {
  readonly file: string;
  readonly fingerprint: string;
  readonly outcome: 'ingested' | 'resumed' | 'already-ingested';
  readonly runId: number;
  /** Totals for the file over every run, so a resumed file's figures still add up. */
  readonly read: number;
  readonly stored: number;
  readonly duplicates: number;
  readonly quarantined: number;
  readonly seconds: number;
}

function referencedColumns(mapping: SourceMapping): string[] {
  const columns = new Set<string>();
  const add = (ref: unknown): void => {
    if (typeof ref === 'string') columns.add(ref);
    else if (ref !== null && typeof ref === 'object' && 'column' in ref && typeof ref.column === 'string') columns.add(ref.column);
  };
  add(mapping.recordKey);
  Object.values(mapping.fields).forEach(add);
  for (const alias of mapping.aliases) Object.values(alias).forEach(add);
  for (const doc of mapping.documents) [doc.number, doc.issuingCountry, doc.expiresOn].forEach(add);
  mapping.events.forEach((event) => {
    Object.values(event.fields).forEach(add);
    if (event.when !== undefined) columns.add(event.when.column);
    if (event.whenPresent !== undefined) columns.add(event.whenPresent);
  });
  return [...columns];
}

export function checkColumns(file: SourceFile, mapping: SourceMapping, source: string, version: number): void {
  if (file.columns === undefined) return;
  const missing = referencedColumns(mapping).filter((column) => !file.columns?.includes(column)).sort();
  if (missing.length > 0) {
    throw new DocketError('invalid-input', `${file.path}: mapping version ${version} of source "${source}" uses column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}, which the file does not have`, {
      hint: `check that this is a ${source} file, or save a new mapping with \`npx docket sources map ${source} --file MAPPING.json\``,
    });
  }
}

/**
 * Ingests files of one registered source: every row is stored, found to be a duplicate, or
 * quarantined with its reason; batches commit with the file's checkpoint so a killed run resumes
 * where it stopped; each file's run is written to the ledger with its counts and content hash.
 */
export async function ingestFiles(store: Store, options: IngestOptions): Promise<FileSummary[]> {
  const { source, mapping } = await sourceForIngest(store, options.source, options.context);
  const summaries: FileSummary[] = [];
  for (const path of options.files) summaries.push(await ingestFile(store, options, source, mapping, path));
  return summaries;
}

/** The registered source and its current mapping; a declined category or a missing mapping is refused. */
export async function sourceForIngest(store: Store, name: string, context: AuditContext): Promise<{ source: SourceRow; mapping: SourceMapping }> {
  const source = await SourceStore.get(store.db, name);
  const declined = findDeclinedCategory(source.category);
  if (declined !== undefined) {
    await store.record(context, 'ingest.run', `source:${source.name}`, 'refused', { rule: declined.rule });
    throw new DocketError('declined-by-design', `${declined.rule}: ${declined.reason}; source "${source.name}" cannot be ingested`);
  }
  const mappingRow = await IngestStore.latestMapping(store.db, source.id);
  if (mappingRow === undefined) {
    throw new DocketError('invalid-input', `source "${source.name}" has no mapping of its columns yet`, {
      hint: `propose one with \`npx docket sources map --suggest FILE\`, then save it with \`npx docket sources map ${source.name} --file MAPPING.json\``,
    });
  }
  return { source, mapping: mappingRow.mapping };
}

async function ingestFile(store: Store, options: IngestOptions, source: SourceRow, mapping: SourceMapping, path: string): Promise<FileSummary> {
  const started = performance.now();
  const file = await openSourceFile(path, { ...(options.format === undefined ? {} : { format: options.format }), ...(options.encoding === undefined ? {} : { encoding: options.encoding }) });
  checkColumns(file, mapping, source.name, mapping.version);
  const fingerprint = await fileFingerprint(path);
  const fileName = basename(path);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const batchSize = options.batchSize ?? 2000;

  const { runId, checkpoint } = await store.db.transaction(async (tx) => {
    const id = await IngestStore.startRun(tx, source.id, mapping.version, options.context.actor);
    const row = await IngestStore.openFile(tx, { sourceId: source.id, fingerprint, fileName, size: file.size, format: file.format, encoding: file.encoding, mappingVersion: mapping.version, runId: id });
    return { runId: id, checkpoint: row };
  });

  const target = `source:${source.name}`;
  if (checkpoint.status === 'completed') {
    await store.audited(options.context, 'ingest.run', target, async (tx) => {
      await IngestStore.finishRun(tx, runId, 'completed', {});
      return { value: undefined, details: { runId, file: fileName, fingerprint, outcome: 'already-ingested', firstRun: checkpoint.lastRunId } };
    });
    return { file: path, fingerprint, outcome: 'already-ingested', runId, read: checkpoint.rowsRead, stored: checkpoint.rowsStored, duplicates: checkpoint.rowsDuplicate, quarantined: checkpoint.rowsQuarantined, seconds: (performance.now() - started) / 1000 };
  }

  const resumed = checkpoint.nextOffset > 0;
  const totals = { read: checkpoint.rowsRead, stored: checkpoint.rowsStored, duplicates: checkpoint.rowsDuplicate, quarantined: checkpoint.rowsQuarantined };
  const start = resumed ? { offset: checkpoint.nextOffset, line: checkpoint.nextLine } : undefined;

  const storeBatch = (batch: ClassifiedBatch): Promise<BatchOutcome> => store.db.transaction((tx) => IngestStore.storeBatch(tx, {
    sourceId: source.id, runId, mappingVersion: mapping.version, fileId: checkpoint.id,
    good: batch.good, quarantine: batch.quarantine, checkpoint: batch.position, rowsRead: batch.read,
  }));
  const afterStored = async (batch: ClassifiedBatch, outcome: BatchOutcome): Promise<void> => {
    totals.read += batch.read;
    totals.stored += outcome.stored.length;
    totals.duplicates += outcome.duplicates;
    totals.quarantined += outcome.quarantined;
    if (options.resolver !== undefined && outcome.stored.length > 0) await options.resolver.resolve(outcome.stored, source.name);
    if (options.bus !== undefined) {
      if (outcome.stored.length > 0) await options.bus.publish({ kind: 'record-ingested', source: source.name, recordIds: outcome.stored.map((s) => s.recordId) });
      if (outcome.quarantined > 0) await options.bus.publish({ kind: 'record-quarantined', source: source.name, count: outcome.quarantined });
      await options.bus.publish({ kind: 'ingest-progress', source: source.name, file: fileName, ...totals });
    }
    options.onProgress?.({ file: path, bytesDone: batch.position.offset, bytesTotal: file.size, ...totals });
  };

  let storing: Promise<BatchOutcome> | undefined;
  try {
    // Rows are read, mapped and checked on another thread while batches commit here, in file
    // order, so the checkpoint only ever moves past rows that are stored. Each batch is sent to
    // the database before the previous one is resolved: the server stores one batch while this
    // thread matches the last, and records are still resolved in file order.
    let last: { batch: ClassifiedBatch; outcome: BatchOutcome } | undefined;
    for await (const batch of classifiedBatches({ path, format: file.format, encoding: file.encoding, mapping, fileName, fingerprint, today, batchSize, start, ahead: 2 })) {
      storing = storeBatch(batch);
      // Its failure is taken below, after the previous batch is resolved, not reported as unhandled in between.
      storing.catch(() => undefined);
      if (last !== undefined) await afterStored(last.batch, last.outcome);
      last = { batch, outcome: await storing };
    }
    if (last !== undefined) await afterStored(last.batch, last.outcome);
  } catch (error) {
    // A batch still being stored commits or not on its own; the run is marked failed after it.
    await storing?.catch(() => undefined);
    await store.db.transaction((tx) => IngestStore.finishRun(tx, runId, 'failed', totals)).catch(() => undefined);
    throw error;
  }

  await store.audited(options.context, 'ingest.run', target, async (tx) => {
    await IngestStore.completeFile(tx, checkpoint.id);
    await IngestStore.finishRun(tx, runId, 'completed', totals);
    return { value: undefined, details: { runId, file: fileName, fingerprint, mappingVersion: mapping.version, outcome: resumed ? 'resumed' : 'ingested', ...totals } };
  });
  await options.bus?.publish({ kind: 'ingest-completed', source: source.name, file: fileName, runId, stored: totals.stored, quarantined: totals.quarantined });
  return { file: path, fingerprint, outcome: resumed ? 'resumed' : 'ingested', runId, ...totals, seconds: (performance.now() - started) / 1000 };
}

