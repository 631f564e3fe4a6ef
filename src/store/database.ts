import type { CopyValue } from './copy-text.js';

/** Statements Docket runs; the same SQL on the embedded database and on a PostgreSQL server. */
export interface Queryable {
  readonly capabilities: DialectCapabilities;
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements separated by semicolons, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Appends rows to `table` in bulk (COPY FROM, text format): no conflict handling, nothing
   * returned, so ids are either defaulted or allocated by the caller beforehand.
   */
  copyRows(table: string, columns: readonly string[], rows: readonly (readonly CopyValue[])[]): Promise<void>;
}

export const DialectName = ['pglite', 'postgres'] as const;
export type DialectName = (typeof DialectName)[number];

/** What differs between the two backends, named, so callers ask for a capability rather than a backend. */
export interface DialectCapabilities {
  /** Several processes may use the database at once. */
  readonly multiProcess: boolean;
  /** Statements may run concurrently on separate connections. */
  readonly concurrentConnections: boolean;
  /**
   * COPY is the cheaper way to append many rows. Not on the embedded database: its COPY input
   * passes through an in-memory file that grows by copying, so one JSON statement costs less.
   */
  readonly bulkCopy: boolean;
}

export interface Database extends Queryable {
  readonly dialect: DialectName;
  readonly capabilities: DialectCapabilities;
  /** Where the data lives, for messages (never includes a password). */
  readonly location: string;
  /** Runs `work` in one transaction: all of it commits, or none of it does. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
