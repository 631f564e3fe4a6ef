import { AuditAction } from '../../core/ledger/index.js';
import { Store, storeConfigFromEnv } from '../../store/index.js';
import { cliContext } from '../cli-context.js';

export interface InitResult {
  readonly location: string;
  readonly version: number;
  readonly applied: readonly number[];
}

/** Opens (creating where needed) and migrates the configured database, and records that it did. */
export async function initStore(): Promise<InitResult> {
  const store = await Store.open(storeConfigFromEnv(), { createDatabase: true });
  try {
    const { applied, version } = store.migration;
    await store.record(cliContext('administrator', 'administration', 'Docket operating procedures'), AuditAction.storeInit, 'store', 'success', { applied, version });
    return { location: store.db.location, version, applied };
  } finally {
    await store.close();
  }
}
