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
   * the one before it: how the server records a burst of concurrent reads in a single commit.
   */
  async appendMany(tx: Queryable, records: readonly AuditRecord[], at: Date = new Date()): Promise<LedgerEntry[]> {
    if (records.length === 0) return [];
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LEDGER_LOCK]);
    let previous = (await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_ledger ORDER BY seq DESC LIMIT 1')).at(0);
    const entries = records.map((record) => {
      const entry = sealEntry(record, previous, at);
      previous = entry;
      return entry;
    });
    const columnValues = [
      entries.map((e) => e.seq), entries.map((e) => e.at), entries.map((e) => e.actor), entries.map((e) => e.role), entries.map((e) => e.action),
      entries.map((e) => e.target), entries.map((e) => e.purpose), entries.map((e) => e.legalBasis), entries.map((e) => e.outcome),
      entries.map((e) => JSON.stringify(e.details)), entries.map((e) => e.prevHash), entries.map((e) => e.hash),
    ];
    await tx.query(
      `INSERT INTO audit_ledger (${columns})
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])`,
      columnValues,
    );
    return entries;
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
