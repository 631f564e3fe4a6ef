import type { Migration } from './migration.js';

/** Resumable ingest, quarantine that can be retried, value lineage, and what resolution keeps. */
export const ingest: Migration = {
  version: 2,
  name: 'ingest',
  sql: `
-- One row per source file, found again by its content: the checkpoint a killed run resumes from.
CREATE TABLE ingest_files (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_id bigint NOT NULL REFERENCES sources (id),
  fingerprint text NOT NULL,
  file_name text NOT NULL,
  size bigint NOT NULL,
  format text NOT NULL,
  encoding text NOT NULL,
  mapping_version integer NOT NULL,
  next_offset bigint NOT NULL DEFAULT 0,
  next_line integer NOT NULL DEFAULT 1,
  rows_read bigint NOT NULL DEFAULT 0,
  rows_stored bigint NOT NULL DEFAULT 0,
  rows_duplicate bigint NOT NULL DEFAULT 0,
  rows_quarantined bigint NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'in-progress' CHECK (status IN ('in-progress', 'completed')),
  last_run_id bigint REFERENCES ingest_runs (id),
  started_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  UNIQUE (source_id, fingerprint)
);

ALTER TABLE quarantine
  ADD COLUMN raw_hash text NOT NULL DEFAULT '',
  ADD COLUMN row_values jsonb,
  ADD COLUMN stage text NOT NULL DEFAULT 'read' CHECK (stage IN ('read', 'map', 'validate')),
  ADD COLUMN mapping_version integer,
  ADD COLUMN retried_record_id bigint;
CREATE UNIQUE INDEX quarantine_open_once ON quarantine (source_id, raw_hash) WHERE resolved_at IS NULL;

ALTER TABLE raw_records ADD COLUMN file_fingerprint text NOT NULL DEFAULT '';
ALTER TABLE person_records ADD COLUMN lineage jsonb NOT NULL DEFAULT '{}';
CREATE INDEX person_records_source ON person_records (source_id);

-- Purging a record past its retention removes what hangs off it too.
ALTER TABLE person_records DROP CONSTRAINT person_records_raw_record_id_fkey,
  ADD CONSTRAINT person_records_raw_record_id_fkey FOREIGN KEY (raw_record_id) REFERENCES raw_records (id) ON DELETE CASCADE;
ALTER TABLE entity_members DROP CONSTRAINT entity_members_person_record_id_fkey,
  ADD CONSTRAINT entity_members_person_record_id_fkey FOREIGN KEY (person_record_id) REFERENCES person_records (id) ON DELETE CASCADE;
ALTER TABLE review_items DROP CONSTRAINT review_items_record_a_fkey,
  ADD CONSTRAINT review_items_record_a_fkey FOREIGN KEY (record_a) REFERENCES person_records (id) ON DELETE CASCADE;
ALTER TABLE review_items DROP CONSTRAINT review_items_record_b_fkey,
  ADD CONSTRAINT review_items_record_b_fkey FOREIGN KEY (record_b) REFERENCES person_records (id) ON DELETE CASCADE;

-- The linkage model resolution scores with; one is active at a time.
CREATE TABLE linkage_models (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  model jsonb NOT NULL,
  trained_on integer NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL
);
CREATE UNIQUE INDEX linkage_models_one_active ON linkage_models (active) WHERE active;

-- Scored candidate pairs: the evidence behind every link, and what clustering works from.
CREATE TABLE match_edges (
  record_a bigint NOT NULL REFERENCES person_records (id) ON DELETE CASCADE,
  record_b bigint NOT NULL REFERENCES person_records (id) ON DELETE CASCADE,
  score double precision NOT NULL,
  explanation jsonb NOT NULL,
  PRIMARY KEY (record_a, record_b),
  CHECK (record_a < record_b)
);
CREATE INDEX match_edges_b ON match_edges (record_b);
`,
};
