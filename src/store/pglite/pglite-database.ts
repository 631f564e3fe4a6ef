import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { DocketError } from '../../core/errors/index.js';
import { copyText, type CopyValue } from '../copy-text.js';
import type { Database, DialectCapabilities, Queryable } from '../database.js';
import { acquireHomeLock } from './home-lock.js';

/** int8 as a number and dates as text, the same as the PostgreSQL backend. */
const parsers = { 20: (value: string) => Number(value), 1082: (value: string) => value };

const capabilities: DialectCapabilities = { multiProcess: false, concurrentConnections: false, bulkCopy: false };

function wrap(target: PGlite | Transaction): Queryable {
  return {
    capabilities,
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
      return (await target.query<Row>(sql, params as unknown[])).rows;
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
    async copyRows(table, columns, rows): Promise<void> {
      if (rows.length === 0) return;
      // The embedded database reads COPY input from a blob handed to the query.
      const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;
      await target.query(`COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob([copyText(rows)]) });
    },
  };
}

export interface PgliteOptions {
  /** Docket's home directory; the database lives in its `pgdata` folder. Absent: in memory. */
  readonly home?: string;
  /** Schema to work in, created if missing (tests give each test its own). */
  readonly schema?: string;
  /** An instance to share (tests use one per file); it is not closed by `close()`. */
  readonly shared?: PGlite;
}

/** PostgreSQL compiled to WebAssembly, inside this process: no server to run. */
export class PgliteDatabase implements Database {
  readonly dialect = 'pglite' as const;
  readonly capabilities = capabilities;
  readonly location: string;
  private readonly db: PGlite;
  private readonly direct: Queryable;
  private readonly release: () => void;
  private readonly owned: boolean;

  private constructor(db: PGlite, location: string, release: () => void, owned: boolean) {
    this.db = db;
    this.location = location;
    this.direct = wrap(db);
    this.release = release;
    this.owned = owned;
  }

  static async open(options: PgliteOptions = {}): Promise<PgliteDatabase> {
    let release = (): void => undefined;
    let db = options.shared;
    let location = 'embedded database in memory';
    if (db === undefined && options.home !== undefined) {
      mkdirSync(options.home, { recursive: true });
      release = acquireHomeLock(options.home);
      location = `embedded database in ${options.home}`;
      try {
        db = new PGlite(join(options.home, 'pgdata'), { parsers });
        await db.waitReady;
      } catch (error) {
        release();
        throw new DocketError('database-unavailable', `cannot open the ${location}: ${error instanceof Error ? error.message : String(error)}`, {
          hint: 'the folder may be damaged or from another program; point DOCKET_HOME at an empty folder or restore a backup',
          cause: error,
        });
      }
    }
    db ??= new PGlite({ parsers });
    const database = new PgliteDatabase(db, location, release, options.shared === undefined);
    if (options.schema !== undefined) await database.exec(`CREATE SCHEMA IF NOT EXISTS ${options.schema}; SET search_path TO ${options.schema}`);
    return database;
  }

  /** A fresh instance with Docket's type parsers, for callers that share one across databases. */
  static createShared(): PGlite {
    return new PGlite({ parsers });
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

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(wrap(tx)));
  }

  async close(): Promise<void> {
    if (this.owned) await this.db.close();
    this.release();
  }
}
