import type { AuditContext } from '../../core/ledger/index.js';
import { BatchStore, IngestStore, type Store } from '../../store/index.js';

/**
 * Completes a file once its last batch is in: whoever commits last (a worker, or the dispatcher
 * when the workers were faster) writes the run's ledger entry, exactly once.
 */
export function finishFileIfDone(store: Store, fileId: number, context: AuditContext, source: string): Promise<boolean> {
  return store.audited(context, 'ingest.run', `source:${source}`, async (tx) => {
    const file = await BatchStore.completeIfDone(tx, fileId);
    if (file === undefined) return { value: false, changed: false };
    const totals = { read: file.rowsRead, stored: file.rowsStored, duplicates: file.rowsDuplicate, quarantined: file.rowsQuarantined };
    if (file.lastRunId !== null) await IngestStore.finishRun(tx, file.lastRunId, 'completed', totals);
    return { value: true, details: { runId: file.lastRunId, file: file.fileName, fingerprint: file.fingerprint, mappingVersion: file.mappingVersion, outcome: 'ingested', mode: 'distributed', ...totals } };
  });
}
