import { createHash } from 'node:crypto';
import type { Role } from '../access/role.js';
import type { AuditAction, AuditOutcome } from './audit-action.js';
import { canonicalJson } from './canonical-json.js';

/** The hash that precedes the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Who acts, in which role, why, and on what legal basis: bound to every request. */
export interface AuditContext {
  readonly actor: string;
  readonly role: Role;
  readonly purpose: string;
  readonly legalBasis: string;
}

/** What is to be recorded; the ledger adds the sequence number, time and hashes. */
export interface AuditRecord extends AuditContext {
  readonly action: AuditAction;
  readonly target: string;
  readonly outcome: AuditOutcome;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface LedgerEntry extends AuditRecord {
  readonly seq: number;
  /** ISO 8601 with milliseconds, UTC. */
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * The hash of an entry: SHA-256 over the previous hash, a newline, and the canonical JSON of
 * the entry's fields other than the two hashes. Auditors re-implement exactly this.
 */
export function hashEntry(entry: Omit<LedgerEntry, 'hash'>): string {
  const body = canonicalJson({
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    role: entry.role,
    action: entry.action,
    target: entry.target,
    purpose: entry.purpose,
    legalBasis: entry.legalBasis,
    outcome: entry.outcome,
    details: entry.details,
  });
  return createHash('sha256').update(`${entry.prevHash}\n${body}`).digest('hex');
}

/** Seals the next entry of the chain. */
export function sealEntry(record: AuditRecord, previous: { readonly seq: number; readonly hash: string } | undefined, at: Date): LedgerEntry {
  const unsealed = {
    ...record,
    seq: previous === undefined ? 1 : previous.seq + 1,
    at: at.toISOString(),
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  return { ...unsealed, hash: hashEntry(unsealed) };
}
