import { createHash } from 'node:crypto';

/** One step of the schema; applied once, in order, in a transaction, on both backends. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export function migrationChecksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}
