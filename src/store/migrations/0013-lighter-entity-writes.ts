import type { Migration } from './migration.js';

/**
 * Live resolution writes a membership row for every stored record. Its row-by-row check that the
 * entity exists cost about a tenth of the database time of those writes, yet entities are never
 * deleted (they are retired, and cases and history keep pointing at them), so the reference
 * cannot dangle: a trigger now refuses the delete instead. No query filters canonical records by
 * source (they reach their source through the primary key), so that index only cost inserts.
 */
export const lighterEntityWrites: Migration = {
  version: 13,
  name: 'lighter-entity-writes',
  sql: `
ALTER TABLE entity_members DROP CONSTRAINT entity_members_entity_id_fkey;
CREATE FUNCTION docket_refuse_entity_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'entities are retired, never deleted: % is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'memberships, history and cases keep pointing at their entity';
END
$fn$;
CREATE TRIGGER entities_kept BEFORE DELETE ON entities FOR EACH ROW EXECUTE FUNCTION docket_refuse_entity_delete();
DROP INDEX person_records_source;
`,
};
