import type { Migration } from './migration.js';

/**
 * A link's explanation and a record's lineage are written with every resolved record and only
 * ever read back whole (profiles, casework, `docket lineage`), so they are stored as json, checked
 * but not re-encoded: the binary form cost resolution nearly as much database time as storing the
 * records themselves.
 */
export const jsonLinks: Migration = {
  version: 12,
  name: 'json-links',
  sql: `
ALTER TABLE entity_members ALTER COLUMN link TYPE json USING link::json;
ALTER TABLE person_records ALTER COLUMN lineage DROP DEFAULT, ALTER COLUMN lineage TYPE json USING lineage::json, ALTER COLUMN lineage SET DEFAULT '{}';
`,
};
