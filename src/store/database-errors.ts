import { DocketError } from '../core/errors/index.js';

const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
/** SQLSTATE classes 08 (connection) and 57P (operator intervention: shutdown, crash). */
const unavailableSqlState = /^(08|57P)/;

function codeOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/** Turns a driver failure into one Docket error that says what to do; other errors pass through. */
export function toDatabaseError(error: unknown, location: string): unknown {
  if (error instanceof DocketError) return error;
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === '3D000') {
    return new DocketError('database-unavailable', `the database at ${location} does not exist`, { hint: 'run `npx docket init` to create it, or fix DATABASE_URL', cause: error });
  }
  if (code === '28P01' || code === '28000') {
    return new DocketError('database-unavailable', `PostgreSQL at ${location} refused the credentials`, { hint: 'fix the user and password in DATABASE_URL', cause: error });
  }
  if ((code !== undefined && (unavailableCodes.has(code) || unavailableSqlState.test(code))) || /Connection terminated|connection is closed|Client was closed/i.test(message)) {
    return new DocketError('database-unavailable', `cannot reach the database at ${location} (${code ?? message})`, {
      hint: 'start PostgreSQL or fix DATABASE_URL, then run the command again; nothing was half-written',
      cause: error,
    });
  }
  return error;
}
