/**
 * Every kind of thing the ledger records. New capabilities add their actions here, so the
 * list is the inventory of what Docket can do to data and to people.
 */
export const AuditAction = {
  storeInit: 'store.init',
  sourceRegister: 'source.register',
  ledgerExport: 'ledger.export',
  ledgerVerify: 'ledger.verify',
} as const;
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction] | `${string}.${string}`;

/** How the recorded attempt ended. */
export const AuditOutcome = ['success', 'refused', 'denied', 'failure'] as const;
export type AuditOutcome = (typeof AuditOutcome)[number];
