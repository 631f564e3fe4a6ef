import { DocketError } from '../core/errors/index.js';
import type { Database } from './database.js';
import { migrationChecksum, migrations as allMigrations, type Migration } from './migrations/index.js';

/** Serializes migrations when several processes start against one server. */
const MIGRATION_LOCK = 4_242_001;

export interface MigrationResult {
  readonly applied: readonly number[];
  readonly version: number;
}

/**
 * Brings the schema up to date in one transaction: either every pending migration applies, or
 * none does. Refuses a database written by a newer Docket, or one whose history was altered.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = allMigrations): Promise<MigrationResult> {
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS docket_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const rows = await tx.query<{ version: number; name: string; checksum: string }>('SELECT version, name, checksum FROM docket_migrations ORDER BY version');
    const newest = Math.max(0, ...rows.map((row) => row.version));
    if (newest > latest) {
      throw new DocketError('migration', `the ${db.location} was set up by a newer Docket (schema version ${newest}; this Docket knows up to ${latest})`, {
        hint: 'upgrade Docket, or point DATABASE_URL or DOCKET_HOME at another database',
      });
    }
    for (const row of rows) {
      const known = migrations.find((m) => m.version === row.version);
      if (known === undefined || migrationChecksum(known) !== row.checksum) {
        throw new DocketError('migration', `schema version ${row.version} ("${row.name}") in the ${db.location} differs from this Docket's migration of that version`, {
          hint: 'the database was changed outside Docket or by a different build; restore it from a backup or use a new database',
        });
      }
    }
    const applied: number[] = [];
    const done = new Set(rows.map((row) => row.version));
    for (const migration of migrations.filter((m) => !done.has(m.version))) {
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO docket_migrations (version, name, checksum) VALUES ($1, $2, $3)', [migration.version, migration.name, migrationChecksum(migration)]);
      applied.push(migration.version);
    }
    return { applied, version: latest };
  });
}
