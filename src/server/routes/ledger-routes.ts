import { z } from 'zod';
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

interface Row {
  seq: number;
  at: Date;
  actor: string;
  role: string;
  action: string;
  target: string;
  purpose: string;
  legal_basis: string;
  outcome: string;
  details: string;
  hash: string;
}

const Filter = z.object({
  actor: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

async function readEntries(context: ServerContext, filter: { actor?: string | undefined; action?: string | undefined; limit: number }): Promise<z.infer<typeof LedgerEntryView>[]> {
  const rows = await context.store.db.query<Row>(
    `SELECT seq, at, actor, role, action, target, purpose, legal_basis, outcome, details, hash FROM audit_ledger
      WHERE ($1::text IS NULL OR actor = $1) AND ($2::text IS NULL OR action = $2) ORDER BY seq DESC LIMIT $3`,
    [filter.actor ?? null, filter.action ?? null, filter.limit],
  );
  return rows.map((r) => ({
    seq: r.seq, at: r.at.toISOString(), actor: r.actor, role: r.role, action: r.action, target: r.target,
    purpose: r.purpose, legalBasis: r.legal_basis, outcome: r.outcome, details: JSON.parse(r.details) as Record<string, unknown>, hash: r.hash,
  }));
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
