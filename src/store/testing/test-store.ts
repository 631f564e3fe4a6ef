import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { DialectName } from '../database.js';
import { PgliteDatabase } from '../pglite/pglite-database.js';
import { Store } from '../store.js';
import type { StoreConfig } from '../store-config.js';

/** Backends the database tests run on: DOCKET_TEST_BACKENDS=pglite,postgres (the default is both). */
export const testBackends: readonly DialectName[] = (process.env['DOCKET_TEST_BACKENDS'] ?? 'pglite,postgres')
  .split(',')
  .map((name) => name.trim())
  .filter((name) => name !== '')
  .map((name) => {
    const known = DialectName.find((d) => d === name);
    if (known === undefined) throw new Error(`DOCKET_TEST_BACKENDS: unknown backend "${name}" (use ${DialectName.join(', ')})`);
    return known;
  });

/** The PostgreSQL server the tests use; each test works in a schema of its own there. */
export const testDatabaseUrl = process.env['DOCKET_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

let sharedPglite: PGlite | undefined;

export interface TestStore {
  readonly store: Store;
  readonly schema: string;
  readonly config: StoreConfig;
  /** Opens another store on the same schema (a second process, a restart). */
  reopen(): Promise<Store>;
  /** Closes the store and drops its schema. */
  dispose(): Promise<void>;
}

export function postgresTestConfig(): StoreConfig {
  const url = new URL(testDatabaseUrl);
  return { kind: 'postgres', url: testDatabaseUrl, location: `PostgreSQL test database at ${url.host}${url.pathname}`, database: url.pathname.slice(1) };
}

/** A fresh, migrated store on `backend`, isolated from every other test by its own schema. */
export async function openTestStore(backend: DialectName): Promise<TestStore> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const opened: Store[] = [];
  const open = async (): Promise<Store> => {
    const store = backend === 'pglite'
      ? await Store.open({ kind: 'pglite', home: '(shared)' }, { shared: (sharedPglite ??= PgliteDatabase.createShared()), schema })
      : await Store.open(postgresTestConfig(), { schema });
    opened.push(store);
    return store;
  };
  const store = await open();
  return {
    store,
    schema,
    config: backend === 'pglite' ? { kind: 'pglite', home: '(shared)' } : postgresTestConfig(),
    reopen: open,
    async dispose() {
      await store.db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      for (const s of opened) await s.close();
    },
  };
}
