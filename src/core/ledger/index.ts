export { AuditAction, AuditOutcome } from './audit-action.js';
export { canonicalJson } from './canonical-json.js';
export { ChainVerifier, verifyChain } from './chain-verifier.js';
export type { ChainVerdict } from './chain-verifier.js';
export { GENESIS_HASH, hashEntry, sealEntry } from './ledger-entry.js';
export type { AuditContext, AuditRecord, LedgerEntry } from './ledger-entry.js';
