import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyText, type CopyValue } from '../copy-text.js';
import type { Database, DialectCapabilities, Queryable } from '../database.js';
import { toDatabaseError } from '../database-errors.js';

/** int8 as a number and dates as the text PostgreSQL sends, not shifted into the local time zone. */
const types = new pg.TypeOverrides();
types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export interface PostgresOptions {
  readonly url: string;
  /** Where messages say the data lives (the URL without its password). */
  readonly location: string;
  /** Schema to work in, created if missing (tests give each test its own). */
  readonly schema?: string;
  readonly maxConnections?: number;
}

function copySql(table: string, columns: readonly string[]): string {
  return `COPY ${pg.escapeIdentifier(table)} (${columns.map((c) => pg.escapeIdentifier(c)).join(', ')}) FROM STDIN`;
}

/** Streams rows into one COPY on `client`; the rows travel as one text chunk. */
async function copyOn(client: pg.PoolClient, table: string, columns: readonly string[], rows: readonly (readonly CopyValue[])[]): Promise<void> {
  if (rows.length === 0) return;
  await pipeline(Readable.from([copyText(rows)]), client.query(copyFrom(copySql(table, columns))));
}

type Copy = (table: string, columns: readonly string[], rows: readonly (readonly CopyValue[])[]) => Promise<void>;

const capabilities: DialectCapabilities = { multiProcess: true, concurrentConnections: true, bulkCopy: true };

function wrap(run: (sql: string, params?: readonly unknown[]) => Promise<pg.QueryResult>, copy: Copy, location: string): Queryable {
  return {
    capabilities,
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
      try {
        return (await run(sql, params)).rows as Row[];
      } catch (error) {
        throw toDatabaseError(error, location);
      }
    },
    async exec(sql: string): Promise<void> {
      try {
        await run(sql);
      } catch (error) {
        throw toDatabaseError(error, location);
      }
    },
    async copyRows(table, columns, rows): Promise<void> {
      try {
        await copy(table, columns, rows);
      } catch (error) {
        throw toDatabaseError(error, location);
      }
    },
  };
}

/** A PostgreSQL server reached over a connection pool. */
export class PostgresDatabase implements Database {
  readonly dialect = 'postgres' as const;
  readonly capabilities = capabilities;
  readonly location: string;
  private readonly pool: pg.Pool;
  private readonly direct: Queryable;

  private constructor(pool: pg.Pool, location: string) {
    this.pool = pool;
    this.location = location;
    this.direct = wrap((sql, params) => pool.query(sql, params as unknown[] | undefined), async (table, columns, rows) => {
      const client = await pool.connect();
      let broken = false;
      try {
        await copyOn(client, table, columns, rows);
      } catch (error) {
        broken = true;
        throw error;
      } finally {
        client.release(broken);
      }
    }, location);
  }

  static async connect(options: PostgresOptions): Promise<PostgresDatabase> {
    const schemaOption = options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` };
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 8,
      connectionTimeoutMillis: 5_000,
      types,
      ...schemaOption,
    });
    // An idle connection dropped by the server must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    const database = new PostgresDatabase(pool, options.location);
    try {
      if (options.schema !== undefined) await database.exec(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
      else await database.query('SELECT 1');
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return database;
  }

  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
    return this.direct.query<Row>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.direct.exec(sql);
  }

  copyRows(table: string, columns: readonly string[], rows: readonly (readonly CopyValue[])[]): Promise<void> {
    return this.direct.copyRows(table, columns, rows);
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw toDatabaseError(error, this.location);
    }
    const tx = wrap((sql, params) => client.query(sql, params as unknown[] | undefined), (table, columns, rows) => copyOn(client, table, columns, rows), this.location);
    let broken = false;
    // A connection lost mid-transaction is reported by the failing query; the event must not crash the process.
    const onError = (): void => {
      broken = true;
    };
    client.on('error', onError);
    try {
      await tx.exec('BEGIN');
      const result = await work(tx);
      await tx.exec('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw toDatabaseError(error, this.location);
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
