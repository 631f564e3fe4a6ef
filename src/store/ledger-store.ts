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
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LEDGER_LOCK]);
    const head = (await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_ledger ORDER BY seq DESC LIMIT 1')).at(0);
    const entry = sealEntry(record, head, at);
    await tx.query(
      `INSERT INTO audit_ledger (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [entry.seq, entry.at, entry.actor, entry.role, entry.action, entry.target, entry.purpose, entry.legalBasis, entry.outcome, JSON.stringify(entry.details), entry.prevHash, entry.hash],
    );
    return entry;
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

  async list(db: Queryable, filter: { readonly target?: string; readonly limit?: number } = {}): Promise<LedgerEntry[]> {
    const rows = await db.query<LedgerRow>(
      `SELECT ${columns} FROM audit_ledger WHERE ($1::text IS NULL OR target = $1) ORDER BY seq DESC LIMIT $2`,
      [filter.target ?? null, filter.limit ?? 100],
    );
    return rows.map(toEntry);
  },

  async verify(db: Queryable): Promise<ChainVerdict> {
    const verifier = new ChainVerifier();
    for await (const entry of LedgerStore.entries(db)) if (!verifier.push(entry)) break;
    return verifier.verdict();
  },
};
