import type { Migration } from './migration.js';

/** Local accounts with one role each, and the sessions signed in with them. */
export const accounts: Migration = {
  version: 3,
  name: 'accounts',
  sql: `
CREATE TABLE accounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name text NOT NULL,
  role text NOT NULL,
  -- scrypt$N$r$p$salt$key, both base64: the parameters travel with the hash so they can be raised later.
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);

-- A session is found by the SHA-256 of its cookie token, so a leaked table does not sign anyone in.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id),
  csrf_token text NOT NULL,
  purpose text,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ended_at timestamptz
);
CREATE INDEX sessions_account ON sessions (account_id);
`,
};
