import { AuditAction, type AuditContext } from '../core/ledger/index.js';
import { validateRegistration } from '../core/sources/index.js';
import { SourceStore, type SourceRow } from './source-store.js';
import type { Store } from './store.js';

function nameOf(input: unknown): string {
  if (typeof input === 'object' && input !== null && 'name' in input && typeof input.name === 'string') return input.name;
  return '(unnamed)';
}

/** Registers a source; a declined category or a missing field is refused, and either way the ledger says so. */
export function registerSource(store: Store, context: AuditContext, input: unknown): Promise<SourceRow> {
  return store.audited(context, AuditAction.sourceRegister, `source:${nameOf(input)}`, async (tx) => {
    const registration = validateRegistration(input);
    const source = await SourceStore.insert(tx, registration, context.actor);
    return { value: source, details: { ...registration } };
  });
}
