import pg from 'pg';
import { toDatabaseError } from '../database-errors.js';

/** Creates the database named in the URL when it does not exist, via the server's maintenance database. */
export async function ensurePostgresDatabase(config: { readonly url: string; readonly location: string; readonly database: string }): Promise<boolean> {
  const maintenance = new URL(config.url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [config.database]);
    if (found.rowCount !== 0) return false;
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(config.database)}`);
    return true;
  } catch (error) {
    throw toDatabaseError(error, config.location);
  } finally {
    await client.end().catch(() => undefined);
  }
}
