import { userInfo } from 'node:os';
import type { Role } from '../core/access/index.js';
import type { AuditContext } from '../core/ledger/index.js';

/** Who runs a command: DOCKET_ACTOR, or the operating-system user. */
export function cliActor(env: NodeJS.ProcessEnv = process.env): string {
  const named = env['DOCKET_ACTOR']?.trim();
  return named === undefined || named === '' ? `cli:${userInfo().username}` : named;
}

/** The audit context of a command line job: the actor, the role the job is done in, and why. */
export function cliContext(role: Role, purpose: string, legalBasis: string): AuditContext {
  return { actor: cliActor(), role, purpose, legalBasis };
}
