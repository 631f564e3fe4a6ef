import type { Migration } from './migration.js';

/**
 * Row-by-row foreign-key checks against `sources` and `ingest_runs` cost ingest more than a third
 * of its database time. Sources and runs are never deleted (retention purges records, never the
 * registry or the run history), so those references cannot dangle; the check that cascades a
 * purge (person record → raw record) stays.
 */
export const lighterIngestConstraints: Migration = {
  version: 6,
  name: 'lighter-ingest-constraints',
  sql: `
ALTER TABLE raw_records DROP CONSTRAINT raw_records_source_id_fkey, DROP CONSTRAINT raw_records_run_id_fkey;
ALTER TABLE person_records DROP CONSTRAINT person_records_source_id_fkey;
CREATE FUNCTION docket_refuse_registry_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION '% rows are kept for lineage: % is refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'records keep pointing at their source and ingest run';
END
$fn$;
CREATE TRIGGER sources_kept BEFORE DELETE ON sources FOR EACH ROW EXECUTE FUNCTION docket_refuse_registry_delete();
CREATE TRIGGER ingest_runs_kept BEFORE DELETE ON ingest_runs FOR EACH ROW EXECUTE FUNCTION docket_refuse_registry_delete();
`,
};
