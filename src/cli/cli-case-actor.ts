import type { CaseActor } from '../casework/index.js';
import { Role } from '../core/access/index.js';
import { DocketError } from '../core/errors/index.js';
import type { Store } from '../store/index.js';
import { cliActor } from './cli-context.js';

/**
 * The case actor of a command: DOCKET_ACTOR (or `cli:<user>`) in the role and for the purpose the
 * command declares. When an account of that name exists, the role must be the account's: a known
 * user cannot act beyond their role from the command line either. The purpose must be one the role may
 * declare, as in the web app.
 */
export async function cliCaseActor(store: Store, options: { readonly role: string; readonly purpose?: string }, defaults: { readonly purpose: string }): Promise<CaseActor> {
  const role = Role.find((r) => r === options.role);
  if (role === undefined || role === 'system') throw new DocketError('invalid-input', `--role ${options.role} is not a role`, { hint: `choose one of ${Role.filter((r) => r !== 'system').join(', ')}` });
  const purposeText = options.purpose ?? defaults.purpose;
  // Loaded here, not at start-up: the source registry brings zod with it.
  const { PurposeOfUse } = await import('../core/sources/index.js');
  const purpose = PurposeOfUse.find((p) => p === purposeText);
  if (purpose === undefined) throw new DocketError('invalid-input', `--purpose ${purposeText} is not a purpose of use`, { hint: `choose one of ${PurposeOfUse.join(', ')}` });
  const [{ mayDeclare }, { AccountStore }, { CaseActor }] = await Promise.all([
    import('../server/access/permission.js'), import('../server/auth/account-store.js'), import('../casework/index.js'),
  ]);
  if (!mayDeclare(role, purpose)) throw new DocketError('refused', `the role ${role} may not declare the purpose ${purpose}`, { hint: 'choose a purpose your role permits (see the purpose page of the web app)' });
  const actor = cliActor();
  const account = (await AccountStore.withHash(store.db, actor))?.account;
  if (account !== undefined && (account.disabled || account.role !== role)) {
    throw new DocketError('refused', account.disabled ? `the account ${actor} is disabled` : `${actor} holds the role ${account.role}, not ${role}`, { hint: 'act in your own role, or set DOCKET_ACTOR to the person doing the work' });
  }
  return CaseActor.of(actor, role, purpose);
}
