import type { ApiErrorBody } from './types.js';

/** A failure the API answered with its one error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly hint: string | undefined,
    readonly details: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;

/** Remembers the session's CSRF token; every request that changes something sends it. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'error' in value && typeof value.error === 'object';
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== undefined) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch {
    throw new ApiError(0, 'io', 'Docket could not be reached', 'check the connection and try again', {});
  }
  const text = await response.text();
  const parsed: unknown = text === '' ? undefined : JSON.parse(text);
  if (!response.ok) {
    if (isErrorBody(parsed)) throw new ApiError(response.status, parsed.error.code, parsed.error.message, parsed.error.hint, parsed.error.details ?? {});
    throw new ApiError(response.status, 'io', `the server answered ${response.status}`, undefined, {});
  }
  return parsed as T;
}
