import type { Migration } from './migration.js';

/**
 * Casework: case files and their immutable events, proposals of adverse actions and the
 * reviewers' decisions on them, the prioritization policies in force, and departure alerts.
 * Events, proposals and decisions are facts: the database refuses to change or remove them, and
 * it refuses, on its own, a decision by the proposer and an approval spent twice.
 */
export const cases: Migration = {
  version: 7,
  name: 'cases',
  sql: `
CREATE TABLE cases (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The person as the case knows them: the entity the case was opened on. A later merge moves the
  -- records, not the case; readers follow entities.retired_into.
  entity_id bigint NOT NULL REFERENCES entities (id),
  state text NOT NULL CHECK (state IN ('identified', 'under-review', 'notice-issued', 'in-proceedings', 'order-not-final', 'appeal-pending',
    'order-final', 'departure-pending-voluntary', 'departure-pending-removal', 'departed-verified', 'closed')),
  closure text CHECK (closure IN ('departure-verified', 'status-regularized', 'citizenship-or-residence-found', 'relief-granted', 'challenge-upheld')),
  -- How many events the case has; each append names the count it expects, so two writers cannot both add event n.
  events integer NOT NULL DEFAULT 0 CHECK (events >= 0),
  -- The policy's placement when last evaluated: the tier (NULL when exempt, excluded or none) and the whole prioritization.
  priority_tier integer,
  priority jsonb NOT NULL,
  prioritized_at timestamptz NOT NULL,
  identified_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((state = 'closed') = (closure IS NOT NULL))
);
CREATE UNIQUE INDEX cases_one_open_per_person ON cases (entity_id) WHERE state <> 'closed';
CREATE INDEX cases_queue ON cases (priority_tier, identified_at) WHERE state <> 'closed';

CREATE TABLE case_events (
  case_id bigint NOT NULL REFERENCES cases (id),
  sequence integer NOT NULL CHECK (sequence > 0),
  transition text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  actor text NOT NULL,
  at timestamptz NOT NULL,
  -- The event exactly as the case rules made it: reason, evidence, approval, what the gates said.
  event jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, sequence),
  CHECK (event->'approval' IS NULL OR event->'approval'->>'approvedBy' <> event->'approval'->>'proposedBy')
);
-- Each approval authorizes one step.
CREATE UNIQUE INDEX case_events_approval_once ON case_events ((event->'approval'->>'proposalId')) WHERE event->'approval' IS NOT NULL;

CREATE TABLE proposals (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES cases (id),
  action text NOT NULL CHECK (action IN ('open-case', 'issue-notice', 'request-detention', 'schedule-removal')),
  proposed_by text NOT NULL,
  proposed_at timestamptz NOT NULL,
  proposal jsonb NOT NULL
);
CREATE INDEX proposals_case ON proposals (case_id);

-- One decision per proposal, never by its proposer.
CREATE TABLE proposal_decisions (
  proposal_id bigint PRIMARY KEY REFERENCES proposals (id),
  verdict text NOT NULL CHECK (verdict IN ('approved', 'rejected')),
  reviewer text NOT NULL,
  decided_at timestamptz NOT NULL,
  decision jsonb NOT NULL
);

CREATE FUNCTION docket_refuse_self_review() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM proposals WHERE id = NEW.proposal_id AND proposed_by = NEW.reviewer) THEN
    RAISE EXCEPTION 'proposal % may not be decided by the person who proposed it', NEW.proposal_id
      USING ERRCODE = 'check_violation', HINT = 'a second person with the reviewing role decides';
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER proposal_decisions_second_person BEFORE INSERT ON proposal_decisions
  FOR EACH ROW EXECUTE FUNCTION docket_refuse_self_review();

CREATE FUNCTION docket_refuse_casework_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION '% rows are facts: % is refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'record a new event or decision instead';
END
$fn$;
CREATE TRIGGER case_events_immutable BEFORE UPDATE OR DELETE ON case_events FOR EACH ROW EXECUTE FUNCTION docket_refuse_casework_change();
CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events FOR EACH STATEMENT EXECUTE FUNCTION docket_refuse_casework_change();
CREATE TRIGGER proposals_immutable BEFORE UPDATE OR DELETE ON proposals FOR EACH ROW EXECUTE FUNCTION docket_refuse_casework_change();
CREATE TRIGGER proposals_no_truncate BEFORE TRUNCATE ON proposals FOR EACH STATEMENT EXECUTE FUNCTION docket_refuse_casework_change();
CREATE TRIGGER proposal_decisions_immutable BEFORE UPDATE OR DELETE ON proposal_decisions FOR EACH ROW EXECUTE FUNCTION docket_refuse_casework_change();
CREATE TRIGGER proposal_decisions_no_truncate BEFORE TRUNCATE ON proposal_decisions FOR EACH STATEMENT EXECUTE FUNCTION docket_refuse_casework_change();

-- Prioritization policies as activated, one active at a time; a version, once stored, keeps its text.
CREATE TABLE policies (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  policy text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  text text NOT NULL,
  sha256 text NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now(),
  stored_by text NOT NULL,
  active boolean NOT NULL DEFAULT false,
  activated_at timestamptz,
  UNIQUE (policy, version)
);
CREATE UNIQUE INDEX policies_one_active ON policies (active) WHERE active;

-- An alert raised once per voluntary-departure grant and deadline, a set number of days before it.
CREATE TABLE departure_alerts (
  grant_record_id bigint NOT NULL REFERENCES person_records (id) ON DELETE CASCADE,
  deadline date NOT NULL,
  entity_id bigint NOT NULL,
  days_left integer NOT NULL,
  raised_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (grant_record_id, deadline)
);
`,
};
