import { z } from 'zod';
import { DocketError } from '../../core/errors/index.js';
import { PurposeOfUse } from '../../core/sources/index.js';
import { Permission, purposeLegalBasis, rolePermissions, rolePurposes, mayDeclare } from '../access/permission.js';
import { ServerAction } from '../audit/server-action.js';
import { AccountStore, Username } from '../auth/account-store.js';
import { verifyPassword } from '../auth/password.js';
import type { Session } from '../auth/session-store.js';
import { sessionCookie } from '../http/cookies.js';
import { callerOf, defineRoute, SESSION_COOKIE, type AnyRoute } from '../http/route.js';
import type { ServerContext } from '../server-context.js';

const PurposeEnum = z.enum(PurposeOfUse);

export const SessionView = z.object({
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  purpose: PurposeEnum.nullable(),
  /** The purposes this role may declare, each with the statute reads under it are made. */
  purposes: z.array(z.object({ purpose: PurposeEnum, legalBasis: z.string() })),
  permissions: z.array(z.enum(Permission)),
  /** Send back in the x-csrf-token header with every request that changes something. */
  csrfToken: z.string(),
  expiresAt: z.string(),
}).meta({ id: 'Session' });

function view(session: Session): z.infer<typeof SessionView> {
  const role = session.account.role;
  return {
    username: session.account.username,
    displayName: session.account.displayName,
    role,
    purpose: session.purpose ?? null,
    purposes: rolePurposes[role].map((purpose) => ({ purpose, legalBasis: purposeLegalBasis[purpose] })),
    permissions: [...rolePermissions[role]],
    csrfToken: session.csrfToken,
    expiresAt: new Date(session.expiresAt).toISOString(),
  };
}

/** Sign-in answers one message for an unknown user and a wrong password, so neither is revealed. */
const badCredentials = (): DocketError => new DocketError('unauthenticated', 'the user name or password is not right', { hint: 'check both and try again' });

export function sessionRoutes(context: ServerContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET', url: '/api/session', tag: 'session', access: 'signed-in',
      summary: 'The signed-in user, their role, declared purpose of use and CSRF token',
      response: SessionView,
      handler: ({ caller }) => Promise.resolve(view(caller.session)),
    }),
    defineRoute({
      method: 'POST', url: '/api/session', tag: 'session', access: 'public',
      summary: 'Sign in with a local account (rate limited); sets an HttpOnly, SameSite=Strict session cookie',
      body: z.object({ username: Username, password: z.string().min(1).max(1024) }),
      response: SessionView,
      async handler({ body, request, reply }) {
        const address = request.ip;
        context.limiter.checkAttempt(address, body.username);
        const found = await AccountStore.withHash(context.store.db, body.username);
        const audit = { actor: body.username, role: found?.account.role ?? 'system', purpose: 'none-declared', legalBasis: 'none: no person data read' } as const;
        if (found === undefined || found.account.disabled || !(await verifyPassword(body.password, found.passwordHash))) {
          context.limiter.recordFailure(address, body.username);
          await context.reads.record(audit, ServerAction.signIn, `account:${body.username}`, 'refused', { address });
          throw badCredentials();
        }
        context.limiter.recordSuccess(address, body.username);
        const { token, session } = await context.sessions.create(found.account);
        await context.reads.record(audit, ServerAction.signIn, `account:${body.username}`, 'success', { address });
        reply.header('set-cookie', sessionCookie(SESSION_COOKIE, token, { maxAgeSeconds: Math.floor(context.sessionLifetimeMs / 1000), secure: context.secureCookies }));
        return view(session);
      },
    }),
    defineRoute({
      method: 'DELETE', url: '/api/session', tag: 'session', access: 'signed-in',
      summary: 'Sign out: ends the session and clears its cookie',
      response: z.object({ signedOut: z.literal(true) }),
      async handler({ caller, reply }) {
        await context.sessions.end(caller.session);
        await context.reads.record(caller.audit, ServerAction.signOut, `account:${caller.session.account.username}`, 'success');
        reply.header('set-cookie', sessionCookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure: context.secureCookies }));
        return { signedOut: true as const };
      },
    }),
    defineRoute({
      method: 'PUT', url: '/api/session/purpose', tag: 'session', access: 'signed-in',
      summary: 'Declare the purpose of use for this session; every read of person data is recorded with it',
      body: z.object({ purpose: PurposeEnum }),
      response: SessionView,
      async handler({ caller, body }) {
        const role = caller.session.account.role;
        if (!mayDeclare(role, body.purpose)) {
          await context.reads.record(caller.audit, ServerAction.declarePurpose, `account:${caller.session.account.username}`, 'refused', { purpose: body.purpose });
          throw new DocketError('refused', `the ${role} role may not read person data for ${body.purpose}`, {
            hint: rolePurposes[role].length === 0 ? 'this role reads no person data' : `choose one of: ${rolePurposes[role].join(', ')}`,
          });
        }
        const updated = await context.sessions.setPurpose(caller.session, body.purpose);
        await context.reads.record(callerOf(updated).audit, ServerAction.declarePurpose, `account:${caller.session.account.username}`, 'success', { purpose: body.purpose });
        return view(updated);
      },
    }),
  ];
}
