import { z } from 'zod';
import { LedgerStore } from '../../store/index.js';
import { ServerAction } from '../audit/server-action.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import type { ServerContext } from '../server-context.js';

export const LedgerEntryView = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  role: z.string(),
  action: z.string(),
  target: z.string(),
  purpose: z.string(),
  legalBasis: z.string(),
  outcome: z.string(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
}).meta({ id: 'LedgerEntry' });

const Filter = z.object({
  actor: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

async function readEntries(context: ServerContext, filter: { actor?: string | undefined; action?: string | undefined; limit: number }): Promise<z.infer<typeof LedgerEntryView>[]> {
  const entries = await LedgerStore.list(context.store.db, filter);
  return entries.map(({ prevHash: _prevHash, ...entry }) => entry);
}

export function ledgerRoutes(context: ServerContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET', url: '/api/ledger', tag: 'ledger', access: 'ledger.read-all',
      summary: 'The audit ledger, newest first (auditors); this read is itself recorded',
      query: Filter,
      response: z.object({ entries: z.array(LedgerEntryView) }),
      async handler({ query, caller }) {
        const entries = await readEntries(context, query);
        await context.reads.record(caller.audit, ServerAction.ledgerRead, 'ledger', 'success', { actor: query.actor ?? null, action: query.action ?? null, entries: entries.length });
        return { entries };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/ledger/mine', tag: 'ledger', access: 'ledger.read-own',
      summary: 'The ledger entries of the signed-in user, newest first: what Docket recorded of your own work',
      query: Filter.omit({ actor: true }),
      response: z.object({ entries: z.array(LedgerEntryView) }),
      async handler({ query, caller }) {
        return { entries: await readEntries(context, { ...query, actor: caller.audit.actor }) };
      },
    }),
  ];
}
