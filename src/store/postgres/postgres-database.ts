import pg from 'pg';
import type { Database, Queryable } from '../database.js';
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

function wrap(run: (sql: string, params?: readonly unknown[]) => Promise<pg.QueryResult>, location: string): Queryable {
  return {
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
  };
}

/** A PostgreSQL server reached over a connection pool. */
export class PostgresDatabase implements Database {
  readonly dialect = 'postgres' as const;
  readonly capabilities = { multiProcess: true, concurrentConnections: true };
  readonly location: string;
  private readonly pool: pg.Pool;
  private readonly direct: Queryable;

  private constructor(pool: pg.Pool, location: string) {
    this.pool = pool;
    this.location = location;
    this.direct = wrap((sql, params) => pool.query(sql, params as unknown[] | undefined), location);
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

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw toDatabaseError(error, this.location);
    }
    const tx = wrap((sql, params) => client.query(sql, params as unknown[] | undefined), this.location);
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
