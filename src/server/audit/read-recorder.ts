import type { AuditContext, AuditOutcome } from '../../core/ledger/index.js';
import { LedgerStore, type Database, type LedgerHead } from '../../store/index.js';
import type { ServerAction } from './server-action.js';

interface Pending {
  readonly context: AuditContext;
  readonly action: ServerAction;
  readonly target: string;
  readonly outcome: AuditOutcome;
  readonly details: Readonly<Record<string, unknown>>;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Records reads and searches in the ledger with group commit: entries that arrive while one
 * batch is being written go together into the next, so fifty concurrent searches cost a few
 * commits rather than fifty. Each caller still waits until its own entry is committed, so no
 * answer leaves the server before its read is on the ledger.
 *
 * A batch is one statement after the entry this recorder wrote last (`LedgerStore.appendAfter`);
 * when another writer has extended the chain since, it is written again after the real head.
 */
export class ReadRecorder {
  private queue: Pending[] = [];
  private flushing = false;
  private head: LedgerHead | undefined;

  constructor(private readonly db: Database, private readonly maxBatch = 256) {}

  record(context: AuditContext, action: ServerAction, target: string, outcome: AuditOutcome, details: Readonly<Record<string, unknown>> = {}): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ context, action, target, outcome, details, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    // Let the requests already parsed in this turn of the event loop join the batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, this.maxBatch);
      this.queue = this.queue.slice(batch.length);
      const records = batch.map((p) => ({ ...p.context, action: p.action, target: p.target, outcome: p.outcome, details: p.details }));
      try {
        const head = this.head;
        const entries = (head === undefined ? undefined : await LedgerStore.appendAfter(this.db, head, records))
          ?? await this.db.transaction((tx) => LedgerStore.appendMany(tx, records));
        this.head = entries.at(-1);
        for (const p of batch) p.resolve();
      } catch (error) {
        this.head = undefined;
        for (const p of batch) p.reject(error);
      }
    }
    this.flushing = false;
  }
}
