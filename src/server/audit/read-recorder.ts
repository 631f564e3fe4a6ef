import { sealEntry, type AuditContext, type AuditOutcome, type LedgerEntry } from '../../core/ledger/index.js';
import type { Database, Queryable } from '../../store/index.js';
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
 * transaction is writing go together into the next, so fifty concurrent searches cost a few
 * transactions rather than fifty. Each caller still waits until its own entry is committed,
 * so no answer leaves the server before its read is on the ledger.
 */
export class ReadRecorder {
  private queue: Pending[] = [];
  private flushing = false;

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
      try {
        await this.db.transaction((tx) => appendBatch(tx, batch.map((p) => ({ ...p.context, action: p.action, target: p.target, outcome: p.outcome, details: p.details }))));
        for (const p of batch) p.resolve();
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
    this.flushing = false;
  }
}

/** The ledger's lock (LedgerStore's): one writer at a time extends the chain, whichever process it is in. */
const LEDGER_LOCK = 4_242_002;

/**
 * Appends several entries in one statement: the same chain as `LedgerStore.append` (the core's
 * `sealEntry` links each to the one before), with one lock, one read of the head and one insert
 * for the batch instead of three statements per entry.
 */
async function appendBatch(tx: Queryable, records: readonly Parameters<typeof sealEntry>[0][]): Promise<void> {
  if (records.length === 0) return;
  await tx.query('SELECT pg_advisory_xact_lock($1)', [LEDGER_LOCK]);
  let previous = (await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_ledger ORDER BY seq DESC LIMIT 1')).at(0);
  const now = new Date();
  const entries: LedgerEntry[] = [];
  for (const record of records) {
    const entry = sealEntry(record, previous, now);
    entries.push(entry);
    previous = entry;
  }
  const values: unknown[] = [];
  const rows = entries.map((e, i) => {
    values.push(e.seq, e.at, e.actor, e.role, e.action, e.target, e.purpose, e.legalBasis, e.outcome, JSON.stringify(e.details), e.prevHash, e.hash);
    const base = i * 12;
    return `(${Array.from({ length: 12 }, (_, k) => `$${base + k + 1}`).join(', ')})`;
  });
  await tx.query(`INSERT INTO audit_ledger (seq, at, actor, role, action, target, purpose, legal_basis, outcome, details, prev_hash, hash) VALUES ${rows.join(', ')}`, values);
}
