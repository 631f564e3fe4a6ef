import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DocketError } from '../../core/errors/index.js';
import type { AuditContext } from '../../core/ledger/index.js';
import { hasPermission, mayDeclare, purposeLegalBasis, type Permission } from '../access/permission.js';
import { ServerAction } from '../audit/server-action.js';
import type { Session } from '../auth/session-store.js';
import type { ServerContext } from '../server-context.js';
import { notFound } from './not-found.js';
import { readCookie } from './cookies.js';

export const SESSION_COOKIE = 'docket_session';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * A response body already written as JSON, sent as it is: for a body whose bulk was serialized
 * elsewhere (the search thread writes its hits as JSON). `T` is the shape the text has, so a
 * handler can only hand back text for its own response schema.
 */
export class JsonText<T> {
  declare private readonly shape: T;
  constructor(readonly text: string) {}
}

/** Who may call a route: anyone, anyone signed in, or a role holding one permission. */
export type Access = 'public' | 'signed-in' | Permission;

/** The signed-in caller, and the audit context every ledger entry of the request carries. */
export interface Caller {
  readonly session: Session;
  readonly audit: AuditContext;
}

const empty = z.object({});
type Empty = typeof empty;

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType, A extends Access> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify's form: `/api/persons/:id`. */
  readonly url: string;
  readonly summary: string;
  readonly tag: string;
  readonly access: A;
  /** Reads person data: the session must have declared a purpose of use its role permits. */
  readonly personData?: boolean;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  readonly response: R;
  readonly status?: number;
  /** For documentation only: the media type when it is not JSON. */
  readonly produces?: string;
  readonly handler: (input: {
    readonly params: z.output<P>;
    readonly query: z.output<Q>;
    readonly body: z.output<B>;
    readonly caller: A extends 'public' ? Caller | undefined : Caller;
    readonly request: FastifyRequest;
    readonly reply: FastifyReply;
  }) => Promise<z.output<R> | JsonText<z.output<R>> | undefined>;
}

/** A route with its schemas erased, as the table of routes and the OpenAPI document hold it. */
export interface AnyRoute {
  readonly method: string;
  readonly url: string;
  readonly summary: string;
  readonly tag: string;
  readonly access: Access;
  readonly personData: boolean;
  readonly params: z.ZodType;
  readonly query: z.ZodType;
  readonly body: z.ZodType | undefined;
  readonly response: z.ZodType;
  readonly status: number;
  readonly produces: string;
  readonly register: (app: FastifyInstance, context: ServerContext) => void;
}

const unsafeMethods = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

/**
 * Declares a route: its input is validated with zod at the boundary (params, query, body), the
 * caller is authenticated and authorized before the handler runs, a refusal is written to the
 * ledger and answered "not found", and the same declaration feeds the OpenAPI document.
 */
export function defineRoute<P extends z.ZodType = Empty, Q extends z.ZodType = Empty, B extends z.ZodType = Empty, R extends z.ZodType = z.ZodType, A extends Access = Access>(
  spec: RouteSpec<P, Q, B, R, A>,
): AnyRoute {
  const params = spec.params ?? empty;
  const query = spec.query ?? empty;
  const status = spec.status ?? 200;
  return {
    method: spec.method,
    url: spec.url,
    summary: spec.summary,
    tag: spec.tag,
    access: spec.access,
    personData: spec.personData ?? false,
    params,
    query,
    body: spec.body,
    response: spec.response,
    status,
    produces: spec.produces ?? 'application/json',
    register(app, context) {
      app.route({
        method: spec.method,
        url: spec.url,
        handler: async (request, reply) => {
          const caller = await authorize(spec.access, spec.personData ?? false, request, context);
          const input = {
            params: params.parse(request.params) as z.output<P>,
            query: query.parse(request.query) as z.output<Q>,
            body: (spec.body === undefined ? {} : spec.body.parse(request.body ?? {})) as z.output<B>,
            caller: caller as A extends 'public' ? Caller | undefined : Caller,
            request,
            reply,
          };
          const result = await spec.handler(input);
          if (reply.sent) return reply;
          if (result instanceof JsonText) return reply.code(status).type('application/json; charset=utf-8').send(result.text);
          return reply.code(status).send(result);
        },
      });
    },
  };
}

async function authorize(access: Access, personData: boolean, request: FastifyRequest, context: ServerContext): Promise<Caller | undefined> {
  const token = readCookie(request.headers.cookie, SESSION_COOKIE);
  const session = token === undefined ? undefined : await context.sessions.find(token);
  if (unsafeMethods.has(request.method)) checkOrigin(request);
  if (access === 'public') return session === undefined ? undefined : callerOf(session);
  if (session === undefined) throw new DocketError('unauthenticated', 'sign in first', { hint: 'your session may have ended; sign in again' });
  if (unsafeMethods.has(request.method)) checkCsrf(request, session);
  const caller = callerOf(session);
  if (access !== 'signed-in' && !hasPermission(session.account.role, access)) {
    await context.reads.record(caller.audit, ServerAction.accessDenied, request.url.split('?')[0] ?? request.url, 'denied', { method: request.method, needs: access });
    throw notFound(request.url);
  }
  if (personData && (session.purpose === undefined || !mayDeclare(session.account.role, session.purpose))) {
    throw new DocketError('refused', 'declare a purpose of use before reading person data', {
      hint: 'choose why you are looking (PUT /api/session/purpose); it is recorded with every read',
      details: { needs: 'purpose' },
    });
  }
  return caller;
}

export function callerOf(session: Session): Caller {
  const purpose = session.purpose;
  return {
    session,
    audit: {
      actor: session.account.username,
      role: session.account.role,
      purpose: purpose ?? 'none-declared',
      legalBasis: purpose === undefined ? 'none: no person data read' : purposeLegalBasis[purpose],
    },
  };
}

/** Browsers send Origin on cross-site writes; one that names another host is refused. */
function checkOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    host = '';
  }
  if (host !== request.headers.host) {
    throw new DocketError('refused', 'a request from another site was refused', { hint: 'use Docket from its own address', details: { origin } });
  }
}

function checkCsrf(request: FastifyRequest, session: Session): void {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !constantTimeEqual(sent, session.csrfToken)) {
    throw new DocketError('refused', `the request lacks this session's CSRF token`, { hint: `send the token from GET /api/session in the ${CSRF_HEADER} header`, details: { needs: 'csrf-token' } });
  }
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
