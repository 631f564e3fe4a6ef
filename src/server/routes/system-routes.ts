import { z } from 'zod';
import { ServerAction } from '../audit/server-action.js';
import { AccountStore } from '../auth/account-store.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import type { ServerContext } from '../server-context.js';

export function systemRoutes(context: ServerContext, openApi: () => unknown): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET', url: '/api/health', tag: 'system', access: 'public',
      summary: 'Whether the server and its database answer',
      response: z.object({ status: z.literal('ok'), database: z.string(), schemaVersion: z.number().int() }),
      async handler() {
        await context.store.db.query('SELECT 1');
        return { status: 'ok' as const, database: context.store.db.dialect, schemaVersion: context.store.migration.version };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/openapi.json', tag: 'system', access: 'public',
      summary: 'This API described as OpenAPI 3.1',
      response: z.record(z.string(), z.unknown()),
      handler: () => Promise.resolve(openApi() as Record<string, unknown>),
    }),
    defineRoute({
      method: 'GET', url: '/api/accounts', tag: 'system', access: 'account.list',
      summary: 'Local accounts and their roles (administrators); no password hashes',
      response: z.object({ accounts: z.array(z.object({ username: z.string(), displayName: z.string(), role: z.string(), createdAt: z.string(), disabled: z.boolean() })) }),
      async handler({ caller }) {
        const accounts = await AccountStore.list(context.store.db);
        await context.reads.record(caller.audit, ServerAction.accountsList, 'accounts', 'success', { count: accounts.length });
        return { accounts: accounts.map(({ id: _id, ...rest }) => rest) };
      },
    }),
  ];
}
