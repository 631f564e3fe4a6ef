import type { Role } from '../../core/access/index.js';
import { ServerAction } from '../audit/server-action.js';
import type { Store } from '../../store/index.js';
import { AccountStore } from './account-store.js';
import { hashPassword } from './password.js';

export interface DemoAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly password: string;
}

/** One account per role for trying Docket out; created only in a database that has no accounts. */
export const demoAccounts: readonly DemoAccount[] = [
  { username: 'field.officer', displayName: 'Fran Field (demo)', role: 'field-officer', password: 'demo-field-officer' },
  { username: 'case.officer', displayName: 'Casey Case (demo)', role: 'case-officer', password: 'demo-case-officer' },
  { username: 'reviewing.officer', displayName: 'Robin Review (demo)', role: 'reviewing-officer', password: 'demo-reviewing-officer' },
  { username: 'data.steward', displayName: 'Dana Steward (demo)', role: 'data-steward', password: 'demo-data-steward' },
  { username: 'logistics.coordinator', displayName: 'Lee Logistics (demo)', role: 'logistics-coordinator', password: 'demo-logistics-coordinator' },
  { username: 'auditor', displayName: 'Audrey Auditor (demo)', role: 'auditor', password: 'demo-auditor' },
  { username: 'administrator', displayName: 'Adrian Admin (demo)', role: 'administrator', password: 'demo-administrator' },
];

/**
 * Creates the demo accounts when the database has none, in one audited transaction.
 * Returns whether it created them.
 */
export async function seedDemoAccounts(store: Store): Promise<boolean> {
  if ((await AccountStore.count(store.db)) > 0) return false;
  const hashed = await Promise.all(demoAccounts.map(async (a) => ({ ...a, passwordHash: await hashPassword(a.password) })));
  const context = { actor: 'system:demo-seed', role: 'system', purpose: 'system-administration', legalBasis: 'demonstration accounts' } as const;
  return store.audited(context, ServerAction.accountsSeed, 'accounts:demo', async (tx) => {
    // Another process may have seeded between the count and this transaction.
    if ((await AccountStore.count(tx)) > 0) return { value: false };
    for (const account of hashed) await AccountStore.insert(tx, account);
    return { value: true, details: { usernames: hashed.map((a) => a.username) } };
  });
}

/** Lines for the console: who can sign in, with which password, in which role. */
export function demoCredentialLines(): string[] {
  return demoAccounts.map((a) => `  ${a.role.padEnd(22)} ${a.username.padEnd(22)} ${a.password}`);
}
