import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DialectName } from '../../store/index.js';
import { Store } from '../../store/index.js';
import { testDatabaseUrl } from '../../store/testing/test-store.js';

/** A database of its own for tests that run the `docket` command as separate processes. */
export interface CliBackend {
  /** The environment that points `docket` at this database. */
  readonly env: Record<string, string>;
  /** Opens the database in this process (the embedded one only while no command holds it). */
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

export function openCliBackend(backend: DialectName): CliBackend {
  if (backend === 'pglite') {
    const home = mkdtempSync(join(tmpdir(), 'docket-cli-'));
    return {
      env: { DOCKET_HOME: home },
      open: () => Store.open({ kind: 'pglite', home }),
      cleanup() {
        rmSync(home, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const base = new URL(testDatabaseUrl);
  const database = `docket_cli_${randomBytes(4).toString('hex')}`;
  const url = new URL(base);
  url.pathname = `/${database}`;
  return {
    env: { DATABASE_URL: url.toString() },
    open: () => Store.open({ kind: 'postgres', url: url.toString(), location: `PostgreSQL test database ${database}`, database }, { createDatabase: true }),
    async cleanup() {
      const client = new pg.Client({ connectionString: base.toString() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
