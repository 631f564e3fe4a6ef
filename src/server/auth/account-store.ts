import { z } from 'zod';
import { Role } from '../../core/access/index.js';
import type { Queryable } from '../../store/index.js';

export const Username = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'a user name is 2–64 letters, digits, dots, dashes or underscores');

export interface Account {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly disabled: boolean;
}

interface Row {
  id: number;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  created_at: Date;
  disabled_at: Date | null;
}

/** An account whose stored role this Docket does not know is treated as disabled. */
const toAccount = (row: Row): Account => {
  const role = Role.find((r) => r === row.role);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: role ?? 'system',
    createdAt: row.created_at.toISOString(),
    disabled: row.disabled_at !== null || role === undefined,
  };
};

/** The accounts table; password hashes never leave this module except to be verified. */
export const AccountStore = {
  async insert(tx: Queryable, input: { username: string; displayName: string; role: Role; passwordHash: string }): Promise<Account> {
    const rows = await tx.query<Row>(
      'INSERT INTO accounts (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING *',
      [input.username, input.displayName, input.role, input.passwordHash],
    );
    const row = rows.at(0);
    if (row === undefined) throw new Error('INSERT … RETURNING returned no row');
    return toAccount(row);
  },

  async withHash(db: Queryable, username: string): Promise<{ account: Account; passwordHash: string } | undefined> {
    const row = (await db.query<Row>('SELECT * FROM accounts WHERE username = $1', [username])).at(0);
    return row === undefined ? undefined : { account: toAccount(row), passwordHash: row.password_hash };
  },

  async list(db: Queryable): Promise<Account[]> {
    return (await db.query<Row>('SELECT * FROM accounts ORDER BY role, username')).map(toAccount);
  },

  async count(db: Queryable): Promise<number> {
    return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts')).at(0)?.n ?? 0;
  },
};
