import { GENESIS_HASH, hashEntry, type LedgerEntry } from './ledger-entry.js';

export type ChainVerdict =
  | { readonly kind: 'intact'; readonly count: number; readonly headSeq: number; readonly headHash: string }
  | { readonly kind: 'broken'; readonly count: number; readonly seq: number; readonly reason: string };

/**
 * Checks entries one at a time, in order, so a ledger of any length verifies in constant memory.
 * The first entry that does not verify is named, with why.
 */
export class ChainVerifier {
  private count = 0;
  private previous: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
  private failure: { seq: number; reason: string } | undefined;

  push(entry: LedgerEntry): boolean {
    if (this.failure !== undefined) return false;
    this.count += 1;
    const reason = this.check(entry);
    if (reason !== undefined) {
      this.failure = { seq: entry.seq, reason };
      return false;
    }
    this.previous = { seq: entry.seq, hash: entry.hash };
    return true;
  }

  verdict(): ChainVerdict {
    if (this.failure !== undefined) return { kind: 'broken', count: this.count, ...this.failure };
    return { kind: 'intact', count: this.count, headSeq: this.previous.seq, headHash: this.previous.hash };
  }

  private check(entry: LedgerEntry): string | undefined {
    const expectedSeq = this.previous.seq + 1;
    if (entry.seq !== expectedSeq) return `expected entry ${expectedSeq} next but found entry ${entry.seq} (an entry is missing or out of order)`;
    if (entry.prevHash !== this.previous.hash) return `its previous-hash does not match entry ${this.previous.seq} (the entry before it was changed or removed)`;
    if (hashEntry(entry) !== entry.hash) return 'its content does not match its hash (the entry was changed after it was written)';
    return undefined;
  }
}

/** Verifies a whole ledger held in memory. */
export function verifyChain(entries: Iterable<LedgerEntry>): ChainVerdict {
  const verifier = new ChainVerifier();
  for (const entry of entries) if (!verifier.push(entry)) break;
  return verifier.verdict();
}
