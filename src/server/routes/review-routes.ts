import { z } from 'zod';
import { DocketError } from '../../core/errors/index.js';
import type { DocketEvent } from '../../core/events/index.js';
import { ServerAction } from '../audit/server-action.js';
import { defineRoute, type AnyRoute, type Caller } from '../http/route.js';
import { notFound } from '../http/not-found.js';
import { ReviewDecision, ReviewItems, ReviewItemView, ReviewSummary } from '../reviews/review-items.js';
import type { ServerContext } from '../server-context.js';

const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

function purposeOf(caller: Caller): NonNullable<Caller['session']['purpose']> {
  const purpose = caller.session.purpose;
  if (purpose === undefined) throw new DocketError('refused', 'declare a purpose of use before reading person data');
  return purpose;
}

export function reviewRoutes(context: ServerContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET', url: '/api/reviews', tag: 'review', access: 'review.read', personData: true,
      summary: 'Uncertain matches awaiting clerical review (the closest calls first), or those decided',
      query: z.object({ status: z.enum(['open', 'decided']).default('open'), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: z.object({ items: z.array(ReviewSummary) }),
      async handler({ query, caller }) {
        const items = await ReviewItems.list(context.store.db, query.status, purposeOf(caller), query.limit);
        await context.reads.record(caller.audit, ServerAction.reviewList, 'reviews', 'success', { status: query.status, items: items.map((i) => i.id) });
        return { items };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/reviews/:id', tag: 'review', access: 'review.read', personData: true,
      summary: 'One uncertain match: both records side by side and the per-field weights',
      params: z.object({ id: Id }),
      response: ReviewItemView,
      async handler({ params, caller, request }) {
        const item = await ReviewItems.get(context.store.db, params.id, purposeOf(caller));
        await context.reads.record(caller.audit, ServerAction.reviewRead, `review:${params.id}`, item === undefined ? 'failure' : 'success', item === undefined ? { found: false } : { records: [item.a.recordId, item.b.recordId] });
        if (item === undefined) throw notFound(request.url);
        return item;
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/reviews/:id/decision', tag: 'review', access: 'review.decide', personData: true,
      summary: 'Decide an uncertain match: match merges the two people, not a match keeps or makes them separate, unsure changes nothing',
      params: z.object({ id: Id }),
      body: z.object({ decision: ReviewDecision, reason: z.string().trim().min(5, 'say why, in a few words').max(2000) }),
      response: ReviewItemView,
      async handler({ params, body, caller, request }) {
        const purpose = purposeOf(caller);
        if ((await ReviewItems.get(context.store.db, params.id, purpose)) === undefined) {
          await context.reads.record(caller.audit, ServerAction.reviewDecide, `review:${params.id}`, 'failure', { found: false });
          throw notFound(request.url);
        }
        const { change } = await context.store.audited(caller.audit, ServerAction.reviewDecide, `review:${params.id}`, async (tx) => {
          const result = await ReviewItems.decide(tx, params.id, body.decision, caller.audit.actor, body.reason);
          const entity = result.change === undefined ? {} : { change: result.change.kind, persons: [result.change.entityId, result.change.otherEntityId], records: result.change.recordIds };
          return { value: result, details: { decision: body.decision, reason: body.reason, ...entity } };
        });
        await context.events.publish({ kind: 'review-decided', reviewId: params.id, decision: body.decision });
        const moved: DocketEvent | undefined = change === undefined ? undefined : change.kind === 'merged'
          ? { kind: 'entity-merged', entityId: change.entityId, mergedIds: [change.otherEntityId] }
          : { kind: 'entity-split', entityId: change.entityId, newEntityIds: [change.otherEntityId] };
        if (moved !== undefined) {
          await context.events.publish(moved);
          await context.search.apply(moved);
        }
        const item = await ReviewItems.get(context.store.db, params.id, purpose);
        if (item === undefined) throw notFound(request.url);
        return item;
      },
    }),
  ];
}
