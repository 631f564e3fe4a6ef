import type { Migration } from './migration.js';

/** The platform's first tables: registry, ingest lineage, records, entities, review, ledger. */
export const foundation: Migration = {
  version: 1,
  name: 'foundation',
  sql: `
CREATE TABLE sources (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE,
  legal_authority text NOT NULL CHECK (length(legal_authority) > 0),
  purposes text[] NOT NULL CHECK (cardinality(purposes) > 0),
  category text NOT NULL,
  retention_days integer NOT NULL CHECK (retention_days > 0),
  description text NOT NULL DEFAULT '',
  registered_at timestamptz NOT NULL DEFAULT now(),
  registered_by text NOT NULL
);

CREATE TABLE source_mappings (
  source_id bigint NOT NULL REFERENCES sources (id),
  version integer NOT NULL CHECK (version > 0),
  mapping jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  PRIMARY KEY (source_id, version)
);

CREATE TABLE ingest_runs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_id bigint NOT NULL REFERENCES sources (id),
  mapping_version integer,
  actor text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'interrupted')),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  counts jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE raw_records (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_id bigint NOT NULL REFERENCES sources (id),
  run_id bigint NOT NULL REFERENCES ingest_runs (id),
  file_name text NOT NULL,
  line integer NOT NULL CHECK (line > 0),
  byte_offset bigint NOT NULL CHECK (byte_offset >= 0),
  content_hash text NOT NULL,
  content jsonb NOT NULL,
  ingested_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source_id, content_hash)
);

CREATE TABLE quarantine (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_id bigint NOT NULL REFERENCES sources (id),
  run_id bigint NOT NULL REFERENCES ingest_runs (id),
  file_name text NOT NULL,
  line integer NOT NULL,
  byte_offset bigint NOT NULL,
  raw text NOT NULL,
  reason text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolution text
);

CREATE TABLE person_records (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  raw_record_id bigint NOT NULL UNIQUE REFERENCES raw_records (id),
  source_id bigint NOT NULL REFERENCES sources (id),
  mapping_version integer NOT NULL,
  record jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE entities (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
  retired_into bigint REFERENCES entities (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Membership is history: a record's current entity is its row with valid_to NULL.
CREATE TABLE entity_members (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_id bigint NOT NULL REFERENCES entities (id),
  person_record_id bigint NOT NULL REFERENCES person_records (id),
  valid_from timestamptz NOT NULL DEFAULT now(),
  valid_to timestamptz,
  match_score double precision,
  link jsonb
);
CREATE UNIQUE INDEX entity_members_current ON entity_members (person_record_id) WHERE valid_to IS NULL;
CREATE INDEX entity_members_entity ON entity_members (entity_id) WHERE valid_to IS NULL;

CREATE TABLE entity_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('created', 'record-added', 'merged', 'split')),
  entity_ids bigint[] NOT NULL,
  record_ids bigint[] NOT NULL DEFAULT '{}',
  actor text NOT NULL,
  reason text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE review_items (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('match')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'decided')),
  record_a bigint NOT NULL REFERENCES person_records (id),
  record_b bigint NOT NULL REFERENCES person_records (id),
  score double precision NOT NULL,
  explanation jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  decision text CHECK (decision IN ('match', 'not-a-match', 'unsure')),
  decided_by text,
  decided_at timestamptz,
  reason text
);

CREATE TABLE audit_ledger (
  seq bigint PRIMARY KEY CHECK (seq > 0),
  at timestamptz NOT NULL,
  actor text NOT NULL,
  role text NOT NULL,
  action text NOT NULL,
  target text NOT NULL,
  purpose text NOT NULL,
  legal_basis text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('success', 'refused', 'denied', 'failure')),
  details text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_ledger_target ON audit_ledger (target);

CREATE FUNCTION docket_refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'the audit ledger is append-only: % is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'ledger entries can only be added, never changed or removed';
END
$fn$;
CREATE TRIGGER audit_ledger_append_only BEFORE UPDATE OR DELETE ON audit_ledger
  FOR EACH ROW EXECUTE FUNCTION docket_refuse_ledger_change();
CREATE TRIGGER audit_ledger_no_truncate BEFORE TRUNCATE ON audit_ledger
  FOR EACH STATEMENT EXECUTE FUNCTION docket_refuse_ledger_change();
`,
};
