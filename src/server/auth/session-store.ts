import { createHash, randomBytes } from 'node:crypto';
import { Role } from '../../core/access/index.js';
import { PurposeOfUse } from '../../core/sources/index.js';
import type { Queryable } from '../../store/index.js';
import type { Account } from './account-store.js';

/** A signed-in session as requests see it. */
export interface Session {
  readonly tokenHash: string;
  readonly account: Account;
  readonly csrfToken: string;
  readonly purpose: PurposeOfUse | undefined;
  readonly expiresAt: number;
}

interface Row {
  token_hash: string;
  csrf_token: string;
  purpose: string | null;
  expires_at: Date;
  account_id: number;
  username: string;
  display_name: string;
  role: string;
  created_at: Date;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const newToken = (): string => randomBytes(32).toString('base64url');

/**
 * Sessions live in the database (they survive a restart, and several processes share them on
 * PostgreSQL); a short in-memory cache spares every request a query.
 */
export class SessionStore {
  private readonly cache = new Map<string, { session: Session; until: number }>();

  constructor(
    private readonly db: Queryable,
    private readonly lifetimeMs: number,
    private readonly cacheMs = 5_000,
  ) {}

  async create(account: Account): Promise<{ token: string; session: Session }> {
    const token = newToken();
    const session: Session = { tokenHash: hashToken(token), account, csrfToken: newToken(), purpose: undefined, expiresAt: Date.now() + this.lifetimeMs };
    await this.db.query('INSERT INTO sessions (token_hash, account_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)', [
      session.tokenHash, account.id, session.csrfToken, new Date(session.expiresAt).toISOString(),
    ]);
    return { token, session };
  }

  async find(token: string): Promise<Session | undefined> {
    const tokenHash = hashToken(token);
    const now = Date.now();
    const cached = this.cache.get(tokenHash);
    if (cached !== undefined && cached.until > now) return cached.session.expiresAt > now ? cached.session : undefined;
    const row = (await this.db.query<Row>(
      `SELECT s.token_hash, s.csrf_token, s.purpose, s.expires_at, a.id AS account_id, a.username, a.display_name, a.role, a.created_at
         FROM sessions s JOIN accounts a ON a.id = s.account_id
        WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now() AND a.disabled_at IS NULL`,
      [tokenHash],
    )).at(0);
    if (row === undefined) {
      this.cache.delete(tokenHash);
      return undefined;
    }
    const session = toSession(row);
    if (session === undefined) return undefined;
    this.cache.set(tokenHash, { session, until: now + this.cacheMs });
    return session;
  }

  async setPurpose(session: Session, purpose: PurposeOfUse): Promise<Session> {
    await this.db.query('UPDATE sessions SET purpose = $2 WHERE token_hash = $1', [session.tokenHash, purpose]);
    const updated = { ...session, purpose };
    this.cache.set(session.tokenHash, { session: updated, until: Date.now() + this.cacheMs });
    return updated;
  }

  async end(session: Session): Promise<void> {
    this.cache.delete(session.tokenHash);
    await this.db.query('UPDATE sessions SET ended_at = now() WHERE token_hash = $1', [session.tokenHash]);
  }
}

/** A row whose role this Docket does not know signs nobody in. */
function toSession(row: Row): Session | undefined {
  const purpose = PurposeOfUse.find((p) => p === row.purpose);
  const role = Role.find((r) => r === row.role);
  if (role === undefined) return undefined;
  return {
    tokenHash: row.token_hash,
    csrfToken: row.csrf_token,
    purpose,
    expiresAt: row.expires_at.getTime(),
    account: {
      id: row.account_id,
      username: row.username,
      displayName: row.display_name,
      role,
      createdAt: row.created_at.toISOString(),
      disabled: false,
    },
  };
}
