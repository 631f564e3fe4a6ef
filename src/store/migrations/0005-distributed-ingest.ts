import type { Migration } from './migration.js';

/** Ingest by several workers: each batch is committed once, whichever worker takes it. */
export const distributedIngest: Migration = {
  version: 5,
  name: 'distributed-ingest',
  sql: `
-- Which database this is, so processes sharing a message bus never take another database's work.
CREATE TABLE docket_instance (id text PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());
INSERT INTO docket_instance (id) VALUES (gen_random_uuid()::text);

ALTER TABLE ingest_files ADD COLUMN batches_total integer;
CREATE TABLE ingest_batches (
  file_id bigint NOT NULL REFERENCES ingest_files (id),
  batch_no integer NOT NULL CHECK (batch_no >= 0),
  run_id bigint NOT NULL REFERENCES ingest_runs (id),
  worker text NOT NULL,
  rows_read integer NOT NULL,
  stored integer NOT NULL,
  duplicates integer NOT NULL,
  quarantined integer NOT NULL,
  committed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (file_id, batch_no)
);
`,
};
