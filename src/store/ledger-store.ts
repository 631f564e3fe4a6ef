import { ChainVerifier, sealEntry, type AuditRecord, type ChainVerdict, type LedgerEntry } from '../core/ledger/index.js';
import type { Role } from '../core/access/index.js';
import type { AuditAction, AuditOutcome } from '../core/ledger/index.js';
import type { Queryable } from './database.js';

/** One writer at a time extends the chain, whichever process it is in. */
const LEDGER_LOCK = 4_242_002;

interface LedgerRow {
  seq: number;
  at: Date;
  actor: string;
  role: string;
  action: string;
  target: string;
  purpose: string;
  legal_basis: string;
  outcome: string;
  details: string;
  prev_hash: string;
  hash: string;
}

const columns = 'seq, at, actor, role, action, target, purpose, legal_basis, outcome, details, prev_hash, hash';
const recordColumns = 'seq bigint, at timestamptz, actor text, role text, action text, target text, purpose text, legal_basis text, outcome text, details text, prev_hash text, hash text';

/** The last entry of the chain, onto which the next is sealed. */
export interface LedgerHead {
  readonly seq: number;
  readonly hash: string;
}

function sealAfter(head: LedgerHead | undefined, records: readonly AuditRecord[], at: Date): LedgerEntry[] {
  let previous = head;
  return records.map((record) => {
    const entry = sealEntry(record, previous, at);
    previous = entry;
    return entry;
  });
}

/** The entries as one JSON document of rows (one parameter, parsed once by the database). */
function rowsJson(entries: readonly LedgerEntry[]): string {
  return JSON.stringify(entries.map((e) => ({
    seq: e.seq, at: e.at, actor: e.actor, role: e.role, action: e.action, target: e.target, purpose: e.purpose,
    legal_basis: e.legalBasis, outcome: e.outcome, details: JSON.stringify(e.details), prev_hash: e.prevHash, hash: e.hash,
  })));
}

function toEntry(row: LedgerRow): LedgerEntry {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actor: row.actor,
    role: row.role as Role,
    action: row.action as AuditAction,
    target: row.target,
    purpose: row.purpose,
    legalBasis: row.legal_basis,
    outcome: row.outcome as AuditOutcome,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Appends to and reads the hash-chained audit ledger. */
export const LedgerStore = {
  /** Appends inside the caller's transaction, so the entry commits with the change it records. */
  async append(tx: Queryable, record: AuditRecord, at: Date = new Date()): Promise<LedgerEntry> {
    const entry = (await LedgerStore.appendMany(tx, [record], at)).at(0);
    if (entry === undefined) throw new Error('the ledger append wrote no entry');
    return entry;
  },

  /**
   * Appends several entries with one lock, one read of the head and one insert, each sealed onto
   * the one before it.
   */
  async appendMany(tx: Queryable, records: readonly AuditRecord[], at: Date = new Date()): Promise<LedgerEntry[]> {
    if (records.length === 0) return [];
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LEDGER_LOCK]);
    const head = (await tx.query<LedgerHead>('SELECT seq, hash FROM audit_ledger ORDER BY seq DESC LIMIT 1')).at(0);
    const entries = sealAfter(head, records, at);
    await tx.query(`INSERT INTO audit_ledger (${columns}) SELECT ${columns} FROM json_to_recordset($1::json) AS r(${recordColumns})`, [rowsJson(entries)]);
    return entries;
  },

  /**
   * Appends after `head`, the entry the caller last saw at the end of the chain, in one call that
   * is its own transaction: the lock, the check that `head` is still the last entry and the insert
   * run inside the database (`docket_ledger_append`, planned once per connection), with no round
   * trips between them. This is how the server records a burst of concurrent reads. Answers
   * `undefined`, having written nothing, when another writer has extended the chain since; the
   * caller then appends with `appendMany`.
   */
  async appendAfter(db: Queryable, head: LedgerHead, records: readonly AuditRecord[], at: Date = new Date()): Promise<LedgerEntry[] | undefined> {
    if (records.length === 0) return [];
    const entries = sealAfter(head, records, at);
    const written = (await db.query<{ n: number }>('SELECT docket_ledger_append($1, $2::json, $3) AS n', [LEDGER_LOCK, rowsJson(entries), head.hash])).at(0);
    return written?.n === entries.length ? entries : undefined;
  },

  /** All entries in order, a page at a time, so a long ledger streams in bounded memory. */
  async *entries(db: Queryable, pageSize = 1000): AsyncGenerator<LedgerEntry> {
    let after = 0;
    for (;;) {
      const rows = await db.query<LedgerRow>(`SELECT ${columns} FROM audit_ledger WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, pageSize]);
      for (const row of rows) yield toEntry(row);
      const last = rows.at(-1);
      if (last === undefined || rows.length < pageSize) return;
      after = last.seq;
    }
  },

  /** The latest entries, newest first, optionally only those about a target, by an actor, or of an action. */
  async list(db: Queryable, filter: { readonly target?: string | undefined; readonly actor?: string | undefined; readonly action?: string | undefined; readonly limit?: number } = {}): Promise<LedgerEntry[]> {
    const rows = await db.query<LedgerRow>(
      `SELECT ${columns} FROM audit_ledger
        WHERE ($1::text IS NULL OR target = $1) AND ($2::text IS NULL OR actor = $2) AND ($3::text IS NULL OR action = $3)
        ORDER BY seq DESC LIMIT $4`,
      [filter.target ?? null, filter.actor ?? null, filter.action ?? null, filter.limit ?? 100],
    );
    return rows.map(toEntry);
  },

  async verify(db: Queryable): Promise<ChainVerdict> {
    const verifier = new ChainVerifier();
    for await (const entry of LedgerStore.entries(db)) if (!verifier.push(entry)) break;
    return verifier.verdict();
  },
};
