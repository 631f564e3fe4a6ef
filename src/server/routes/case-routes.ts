import { z } from 'zod';
import { CaseAction, CaseActor, Casework, CaseWatcher } from '../../casework/index.js';
import { CaseState, ExitReason, TransitionKind, type CaseState as CaseStateName } from '../../core/cases/index.js';
import type { Role } from '../../core/access/index.js';
import { DocketError } from '../../core/errors/index.js';
import { AdverseAction, RemovalCheckpoint } from '../../core/gates/index.js';
import { CaseStore } from '../../store/index.js';
import { CaseDetailView, CaseEventView, CaseSummaryView, GateViewSchema, list, PersonSummaryView, ProposalViewSchema, ReviewItemView, StatusViewSchema } from '../cases/case-schemas.js';
import { defineRoute, type AnyRoute, type Caller } from '../http/route.js';
import { notFound } from '../http/not-found.js';
import type { ServerContext } from '../server-context.js';

const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Reason = z.string().trim().min(5, 'say why, in a few words').max(2000);
const Documents = z.array(z.string().trim().min(1).max(200)).max(20);

/**
 * Need to know within casework: a logistics coordinator works removals and departures, so sees only
 * cases from a final order on; everyone else holding `case.read` sees every case.
 */
const logisticsStates: readonly CaseStateName[] = ['order-final', 'departure-pending-voluntary', 'departure-pending-removal', 'departed-verified'];
const scopeOf = (role: Role): readonly CaseStateName[] | undefined => (role === 'logistics-coordinator' ? logisticsStates : undefined);

function purposeOf(caller: Caller): NonNullable<Caller['session']['purpose']> {
  const purpose = caller.session.purpose;
  if (purpose === undefined) throw new DocketError('refused', 'declare a purpose of use before reading person data');
  return purpose;
}

const actorOf = (caller: Caller): CaseActor => CaseActor.of(caller.audit.actor, caller.session.account.role, purposeOf(caller));

/**
 * The casework API: the case officer's queue (tier, then age), a case with its timeline, proposals of
 * adverse actions and the reviewing officer's decisions, transitions and removal checkpoints. Open
 * cases are re-checked as records arrive on the bus (a stay halts a removal, an exit closes a case).
 */
export function caseRoutes(context: ServerContext, onError: (error: unknown) => void): AnyRoute[] {
  const casework = new Casework(context.store);
  new CaseWatcher(casework, onError).start((handler) => context.events.subscribe(handler));

  /** A case the caller may see, or "not found" (recorded) for one outside their scope. */
  const scoped = async (caller: Caller, caseId: number, url: string): Promise<void> => {
    const scope = scopeOf(caller.session.account.role);
    if (scope === undefined) return;
    const row = await CaseStore.get(context.store.db, caseId);
    if (row !== undefined && !scope.includes(row.state)) {
      await context.store.record(caller.audit, 'access.denied', `case:${caseId}`, 'denied', { state: row.state, scope: 'removal and departure' });
      throw notFound(url);
    }
  };

  return [
    defineRoute({
      method: 'GET', url: '/api/cases', tag: 'cases', access: 'case.read', personData: true,
      summary: 'The case officer\'s queue: cases by priority tier, then age (open ones by default)',
      query: z.object({
        state: z.enum(CaseState).optional(),
        status: z.enum(['open', 'closed', 'all']).default('open'),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      }),
      response: z.object({ cases: list(CaseSummaryView) }),
      async handler({ query, caller }) {
        const scope = scopeOf(caller.session.account.role);
        const states = query.state === undefined ? scope : (scope === undefined || scope.includes(query.state) ? [query.state] : []);
        const cases = states?.length === 0 ? [] : await casework.queue(purposeOf(caller), {
          ...(states === undefined ? {} : { states }), ...(query.status === 'all' ? {} : { open: query.status === 'open' }), limit: query.limit, offset: query.offset,
        });
        await context.store.record(caller.audit, CaseAction.list, 'cases', 'success', { status: query.status, state: query.state ?? null, cases: cases.map((c) => c.caseId) });
        return { cases };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/cases', tag: 'cases', access: 'case.identify', personData: true, status: 201,
      summary: 'Identify a person for review: opens a case when the active policy places them in a tier and no gate holds',
      body: z.object({ personId: Id, reason: Reason }),
      response: CaseSummaryView,
      handler: ({ body, caller }) => casework.identify(actorOf(caller), body.personId, body.reason),
    }),
    defineRoute({
      method: 'POST', url: '/api/cases/identify', tag: 'cases', access: 'case.identify', personData: true,
      summary: 'Identify cases under the active policy: people it places in a tier (up to maxTier) without an open case, highest tier first, at most limit; each case is its own decision in the ledger',
      body: z.object({ limit: z.number().int().min(1).max(500).default(50), maxTier: z.number().int().min(1).max(100).optional() }),
      response: z.object({
        policy: z.object({ id: z.string(), version: z.number().int() }),
        at: z.string(),
        scanned: z.number().int(),
        prioritized: z.record(z.string(), z.number().int()),
        alreadyOpen: z.number().int(),
        identified: list(z.object({ caseId: z.number().int(), entityId: z.number().int(), tier: z.number().int() })),
        refused: list(z.object({ entityId: z.number().int(), reason: z.string() })),
      }),
      handler: ({ body, caller }) => casework.identifyFromPolicy(actorOf(caller), { limit: body.limit, ...(body.maxTier === undefined ? {} : { maxTier: body.maxTier }) }),
    }),
    defineRoute({
      method: 'GET', url: '/api/cases/:id', tag: 'cases', access: 'case.read', personData: true,
      summary: 'One case: the person\'s derived status, priority and rules fired, the gates for every adverse action, match confidence, the timeline of events, proposals and next steps',
      params: z.object({ id: Id }),
      response: CaseDetailView,
      async handler({ params, caller, request }) {
        await scoped(caller, params.id, request.url);
        const detail = await casework.show(params.id, purposeOf(caller));
        await context.store.record(caller.audit, CaseAction.read, `case:${params.id}`, detail === undefined ? 'failure' : 'success',
          detail === undefined ? { found: false } : { person: detail.person.entityId, withheld: detail.person.withheldRecords });
        if (detail === undefined) throw notFound(request.url);
        return detail;
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/cases/:id/proposals', tag: 'cases', access: 'case.propose', personData: true, status: 201,
      summary: 'Propose an adverse action (open the case, issue a notice, request detention, schedule removal) for a reviewing officer to decide',
      params: z.object({ id: Id }),
      body: z.object({
        action: z.enum(AdverseAction),
        reason: Reason,
        destination: z.string().regex(/^[A-Z]{3}$/, 'the country of removal as ISO alpha-3, e.g. HND').optional(),
        documents: Documents.optional(),
      }),
      response: ProposalViewSchema,
      async handler({ params, body, caller, request }) {
        await scoped(caller, params.id, request.url);
        return casework.propose(actorOf(caller), params.id, {
          action: body.action, reason: body.reason, ...(body.destination === undefined ? {} : { destination: body.destination }),
          ...(body.documents === undefined ? {} : { evidence: body.documents.map((reference) => ({ kind: 'document' as const, reference })) }),
        });
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/cases/:id/transitions', tag: 'cases', access: 'case.transition', personData: true,
      summary: 'Take one step of a case; an adverse step carries out an approved proposal and every gate is checked again',
      params: z.object({ id: Id }),
      body: z.object({
        transition: z.enum(TransitionKind.filter((k) => k !== 'identify') as [Exclude<TransitionKind, 'identify'>, ...Exclude<TransitionKind, 'identify'>[]]),
        reason: Reason,
        proposalId: Id.optional(),
        closure: z.enum(ExitReason).optional(),
        documents: Documents.optional(),
      }),
      response: z.object({ event: CaseEventView, case: CaseDetailView }),
      async handler({ params, body, caller, request }) {
        await scoped(caller, params.id, request.url);
        const event = await casework.transition(actorOf(caller), params.id, {
          transition: body.transition, reason: body.reason,
          ...(body.proposalId === undefined ? {} : { proposalId: body.proposalId }), ...(body.closure === undefined ? {} : { closure: body.closure }),
          ...(body.documents === undefined ? {} : { evidence: body.documents.map((reference) => ({ kind: 'document' as const, reference })) }),
        });
        const detail = await casework.show(params.id, purposeOf(caller));
        if (detail === undefined) throw notFound(request.url);
        return { event, case: detail };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/cases/:id/checkpoints', tag: 'cases', access: 'case.checkpoint', personData: true,
      summary: 'Check a scheduled removal again at the manifest freeze or at boarding, to the minute; a gate that holds halts the removal at once',
      params: z.object({ id: Id }),
      body: z.object({ checkpoint: z.enum(RemovalCheckpoint) }),
      response: z.object({ checkpoint: z.enum(RemovalCheckpoint), gates: GateViewSchema, halted: CaseEventView.nullable() }),
      async handler({ params, body, caller, request }) {
        await scoped(caller, params.id, request.url);
        return casework.checkpoint(actorOf(caller), params.id, body.checkpoint);
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/proposals', tag: 'cases', access: 'case.decide', personData: true,
      summary: 'The reviewing officer\'s queue: proposals awaiting a decision (highest tier first), each with the facts, gates, rules fired, match confidence and what would block an approval',
      query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
      response: z.object({ items: list(ReviewItemView) }),
      async handler({ query, caller }) {
        const items = await casework.reviewerQueue(purposeOf(caller), query.limit);
        await context.store.record(caller.audit, CaseAction.reviewQueue, 'proposals', 'success', { proposals: items.map((i) => i.proposal.proposalId) });
        return { items };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/proposals/:id', tag: 'cases', access: 'case.decide', personData: true,
      summary: 'One proposal as the reviewing officer sees it',
      params: z.object({ id: Id }),
      response: ReviewItemView,
      async handler({ params, caller, request }) {
        const item = await casework.reviewItem(params.id, purposeOf(caller));
        await context.store.record(caller.audit, CaseAction.proposalRead, `proposal:${params.id}`, item === undefined ? 'failure' : 'success', item === undefined ? { found: false } : { caseId: item.case.caseId });
        if (item === undefined) throw notFound(request.url);
        return item;
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/proposals/:id/decision', tag: 'cases', access: 'case.decide', personData: true,
      summary: 'Approve or reject a proposal; refused for its proposer, and (for an approval) while a gate holds or an uncertain link awaits a data steward',
      params: z.object({ id: Id }),
      body: z.object({ verdict: z.enum(['approve', 'reject']), reason: Reason }),
      response: ProposalViewSchema,
      handler: ({ params, body, caller }) => casework.decide(actorOf(caller), params.id, body),
    }),
    defineRoute({
      method: 'GET', url: '/api/persons/:id/cases', tag: 'cases', access: 'case.read', personData: true,
      summary: 'A person\'s cases, their derived status and every legal hold now (the gates for each adverse action)',
      params: z.object({ id: Id }),
      response: z.object({ person: PersonSummaryView, status: StatusViewSchema, gates: list(GateViewSchema), cases: list(CaseSummaryView), at: z.string() }),
      async handler({ params, caller, request }) {
        const found = await casework.casesOf(params.id, purposeOf(caller));
        const scope = scopeOf(caller.session.account.role);
        await context.store.record(caller.audit, CaseAction.read, `person:${params.id}`, found === undefined ? 'failure' : 'success', found === undefined ? { found: false } : { cases: found.cases.map((c) => c.caseId) });
        if (found === undefined) throw notFound(request.url);
        return scope === undefined ? found : { ...found, cases: found.cases.filter((c) => scope.includes(c.state)) };
      },
    }),
  ];
}
