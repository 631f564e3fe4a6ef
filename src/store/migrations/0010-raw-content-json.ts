import type { Migration } from './migration.js';

/**
 * A raw row is kept exactly as the source gave it and only ever read back whole (lineage), so it
 * is stored as json, which is checked but not re-encoded: ingest no longer pays for a binary form
 * nobody queries. Canonical records stay jsonb, which the dashboard and case rules query.
 */
export const rawContentJson: Migration = {
  version: 10,
  name: 'raw-content-json',
  sql: `ALTER TABLE raw_records ALTER COLUMN content TYPE json USING content::json;`,
};
