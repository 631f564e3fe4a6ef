import type { Migration } from './migration.js';

/** A retried quarantine row keeps the exact file it came from in its lineage. */
export const quarantineFingerprint: Migration = {
  version: 4,
  name: 'quarantine-fingerprint',
  sql: `ALTER TABLE quarantine ADD COLUMN file_fingerprint text NOT NULL DEFAULT '';`,
};
