import { z } from 'zod';
import { DocketError, ErrorCode } from '../../core/errors/index.js';

/** The one JSON shape of every failure the API answers with. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    hint: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
}).meta({ id: 'ApiError' });
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** Fastify's own errors (malformed JSON, a body too large) carry a status and a code of their own. */
interface FrameworkError {
  readonly statusCode?: number;
  readonly message: string;
}

function isFrameworkError(error: unknown): error is FrameworkError {
  return error instanceof Error && typeof (error as { statusCode?: unknown }).statusCode === 'number';
}

/**
 * Turns anything thrown while answering into a status and the one error shape. Unexpected
 * failures say nothing about their cause: the message could carry internals.
 */
export function toApiError(error: unknown): { status: number; body: ApiErrorBody } {
  if (DocketError.is(error)) {
    const details = Object.keys(error.details).length > 0 ? { details: { ...error.details } } : {};
    const hint = error.hint === undefined ? {} : { hint: error.hint };
    return { status: error.status, body: { error: { code: error.code, message: error.message, ...hint, ...details } } };
  }
  if (error instanceof z.ZodError) {
    const issues = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const first = issues.at(0);
    const message = first === undefined ? 'the request is not valid' : `${first.path === '' ? 'the request' : first.path}: ${first.message}`;
    return { status: 400, body: { error: { code: 'invalid-input', message, details: { issues } } } };
  }
  if (isFrameworkError(error) && error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    const code: ErrorCode = error.statusCode === 404 ? 'not-found' : error.statusCode === 429 ? 'rate-limited' : 'invalid-input';
    return { status: error.statusCode, body: { error: { code, message: error.message } } };
  }
  return { status: 500, body: { error: { code: 'io', message: 'the server could not answer this request', hint: 'try again; if it keeps failing, tell an administrator the time it happened' } } };
}
