import type { Migration } from './migration.js';

/**
 * The server's group-committed reads are appended by one function call: a function's statements
 * are planned once per connection and kept, where the same statements sent as SQL are parsed and
 * planned for every batch (most of a batch's cost on the embedded database). Inside the function
 * the head is read after the lock is granted, so it is the true last entry. Writes nothing and
 * answers 0 when the chain no longer ends at `expected_head`.
 */
export const ledgerAppend: Migration = {
  version: 11,
  name: 'ledger-append',
  sql: `
CREATE FUNCTION docket_ledger_append(lock_key bigint, entries json, expected_head text) RETURNS integer LANGUAGE plpgsql AS $fn$
DECLARE
  written integer;
BEGIN
  PERFORM pg_advisory_xact_lock(lock_key);
  IF (SELECT hash FROM audit_ledger ORDER BY seq DESC LIMIT 1) IS DISTINCT FROM expected_head THEN
    RETURN 0;
  END IF;
  INSERT INTO audit_ledger (seq, at, actor, role, action, target, purpose, legal_basis, outcome, details, prev_hash, hash)
  SELECT seq, at, actor, role, action, target, purpose, legal_basis, outcome, details, prev_hash, hash
    FROM json_to_recordset(entries) AS r(seq bigint, at timestamptz, actor text, role text, action text, target text, purpose text,
                                         legal_basis text, outcome text, details text, prev_hash text, hash text);
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END
$fn$;
`,
};
