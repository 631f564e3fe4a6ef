import type { PGlite } from '@electric-sql/pglite';
import { DocketError, type ErrorCode } from '../core/errors/index.js';
import type { AuditAction, AuditContext, AuditOutcome, LedgerEntry } from '../core/ledger/index.js';
import type { Database, Queryable } from './database.js';
import { LedgerStore } from './ledger-store.js';
import { migrate, type MigrationResult } from './migrator.js';
import { PgliteDatabase } from './pglite/pglite-database.js';
import { PostgresDatabase } from './postgres/postgres-database.js';
import { storeConfigFromEnv, type StoreConfig } from './store-config.js';
import { ensurePostgresDatabase } from './postgres/ensure-database.js';

/** What an audited piece of work returns: its value, and what the ledger should say about it. */
export interface Audited<T> {
  readonly value: T;
  readonly details?: Readonly<Record<string, unknown>>;
  /** False when the work found nothing to do, so there is nothing to record. */
  readonly changed?: boolean;
}

export interface OpenOptions {
  /** Create the PostgreSQL database if it does not exist (`docket init`). */
  readonly createDatabase?: boolean;
  /** Work inside this schema (tests). */
  readonly schema?: string;
  /** Share one embedded instance (tests). */
  readonly shared?: PGlite;
}

const refusalCodes: ReadonlySet<ErrorCode> = new Set(['declined-by-design', 'refused', 'invalid-input', 'conflict']);

function outcomeOf(error: unknown): AuditOutcome {
  return DocketError.is(error) && refusalCodes.has(error.code) ? 'refused' : 'failure';
}

/**
 * Docket's persistence: one database (embedded or PostgreSQL), migrated on open, and the
 * one place where work and its audit entry are committed together.
 */
export class Store {
  readonly db: Database;
  readonly migration: MigrationResult;

  private constructor(db: Database, migration: MigrationResult) {
    this.db = db;
    this.migration = migration;
  }

  static async open(config: StoreConfig = storeConfigFromEnv(), options: OpenOptions = {}): Promise<Store> {
    let db: Database;
    if (config.kind === 'pglite') {
      db = await PgliteDatabase.open(options.shared === undefined ? { home: config.home, ...schemaOf(options) } : { shared: options.shared, ...schemaOf(options) });
    } else {
      if (options.createDatabase === true) await ensurePostgresDatabase(config);
      db = await PostgresDatabase.connect({ url: config.url, location: config.location, ...schemaOf(options) });
    }
    try {
      return new Store(db, await migrate(db));
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
  }

  /**
   * Runs `work` in a transaction and appends its ledger entry in the same transaction. If the
   * work is refused or fails, nothing of it is kept and the attempt is recorded on its own.
   */
  async audited<T>(context: AuditContext, action: AuditAction, target: string, work: (tx: Queryable) => Promise<Audited<T>>): Promise<T> {
    try {
      return await this.db.transaction(async (tx) => {
        const result = await work(tx);
        if (result.changed !== false) await LedgerStore.append(tx, { ...context, action, target, outcome: 'success', details: result.details ?? {} });
        return result.value;
      });
    } catch (error) {
      const details = DocketError.is(error) ? { error: error.message, code: error.code, ...error.details } : { error: error instanceof Error ? error.message : String(error) };
      await this.record(context, action, target, outcomeOf(error), details).catch(() => undefined);
      throw error;
    }
  }

  /** Records something that changed nothing in the database (a read, a search, an export). */
  record(context: AuditContext, action: AuditAction, target: string, outcome: AuditOutcome, details: Readonly<Record<string, unknown>> = {}): Promise<LedgerEntry> {
    return this.db.transaction((tx) => LedgerStore.append(tx, { ...context, action, target, outcome, details }));
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

function schemaOf(options: OpenOptions): { schema?: string } {
  return options.schema === undefined ? {} : { schema: options.schema };
}
