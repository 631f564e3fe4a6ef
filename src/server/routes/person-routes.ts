import { z } from 'zod';
import { DocketError } from '../../core/errors/index.js';
import type { DocketEvent } from '../../core/events/index.js';
import { ServerAction } from '../audit/server-action.js';
import { defineRoute, JsonText, type AnyRoute, type Caller } from '../http/route.js';
import { notFound } from '../http/not-found.js';
import { mergeEntities, splitEntity } from '../persons/entity-changes.js';
import { PersonProfile, readPersonProfile } from '../persons/person-profile.js';
import type { ServerContext } from '../server-context.js';

const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Reason = z.string().trim().min(5, 'say why, in a few words').max(2000);

export const SearchResult = z.object({
  query: z.string(),
  hits: z.array(z.object({
    personId: z.number().int(),
    recordId: z.number().int(),
    name: z.string(),
    dateOfBirth: z.string().nullable(),
    score: z.number(),
    reasons: z.array(z.string()),
  })),
  tookMs: z.number(),
}).meta({ id: 'SearchResult' });

const EntityChangeView = z.object({
  kind: z.enum(['merged', 'split']),
  personId: z.number().int(),
  otherPersonId: z.number().int(),
  recordIds: z.array(z.number().int()),
}).meta({ id: 'EntityChange' });

/** The purpose is present: `personData` routes do not run without it. */
function purposeOf(caller: Caller): NonNullable<Caller['session']['purpose']> {
  const purpose = caller.session.purpose;
  if (purpose === undefined) throw new DocketError('refused', 'declare a purpose of use before reading person data');
  return purpose;
}

export function personRoutes(context: ServerContext): AnyRoute[] {
  // Publishing reaches the search index too (it listens on the bus); wait for it so the next search sees the change.
  const afterChange = async (event: DocketEvent): Promise<void> => {
    await context.events.publish(event);
    await context.search.apply(event);
  };
  return [
    defineRoute({
      method: 'GET', url: '/api/search', tag: 'persons', access: 'person.search', personData: true,
      summary: 'Fuzzy search over names, aliases, document numbers and dates of birth, ranked, with the reason for each hit',
      query: z.object({ q: z.string().trim().min(2, 'type at least two characters').max(200), limit: z.coerce.number().int().min(1).max(50).default(20) }),
      response: SearchResult,
      async handler({ query, caller }) {
        const started = performance.now();
        const found = await context.search.search(query.q, purposeOf(caller), query.limit);
        await context.reads.record(caller.audit, ServerAction.personSearch, 'persons', 'success', { query: query.q, hits: found.personIds.length, personIds: found.personIds });
        // The hits arrive as JSON from the search engine (which may be another thread): sent as they are.
        const tookMs = Math.round((performance.now() - started) * 100) / 100;
        return new JsonText<z.output<typeof SearchResult>>(`{"query":${JSON.stringify(query.q)},"hits":${found.hitsJson},"tookMs":${tookMs}}`);
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/persons/:id', tag: 'persons', access: 'person.read', personData: true,
      summary: 'A resolved person: identity, every source record with its lineage, timeline, why linked, data-quality flags',
      params: z.object({ id: Id }),
      response: PersonProfile,
      async handler({ params, caller, request }) {
        const found = await readPersonProfile(context.store.db, params.id, purposeOf(caller), new Date().toISOString().slice(0, 10));
        const target = `person:${params.id}`;
        if (found.kind === 'retired') {
          await context.reads.record(caller.audit, ServerAction.personRead, target, 'failure', { mergedInto: found.into });
          throw new DocketError('not-found', `person ${params.id} was merged into person ${found.into}`, { hint: `open person ${found.into}`, details: { mergedInto: found.into } });
        }
        if (found.kind === 'missing') {
          await context.reads.record(caller.audit, ServerAction.personRead, target, 'failure', { found: false });
          throw notFound(request.url);
        }
        await context.reads.record(caller.audit, ServerAction.personRead, target, 'success', {
          records: found.profile.records.map((r) => r.id),
          withheld: found.profile.withheldRecords,
        });
        return found.profile;
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/persons/:id/merge', tag: 'persons', access: 'entity.change', personData: true,
      summary: 'Merge another person into this one, with a reason (data steward); kept in history and in the ledger',
      params: z.object({ id: Id }),
      body: z.object({ otherPersonId: Id, reason: Reason }),
      response: EntityChangeView,
      async handler({ params, body, caller }) {
        const change = await context.store.audited(caller.audit, ServerAction.entityMerge, `person:${params.id}`, async (tx) => {
          const c = await mergeEntities(tx, params.id, body.otherPersonId, caller.audit.actor, body.reason);
          return { value: c, details: { merged: body.otherPersonId, records: c.recordIds, reason: body.reason } };
        });
        await afterChange({ kind: 'entity-merged', entityId: params.id, mergedIds: [body.otherPersonId] });
        return { kind: change.kind, personId: change.entityId, otherPersonId: change.otherEntityId, recordIds: [...change.recordIds] };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/persons/:id/split', tag: 'persons', access: 'entity.change', personData: true,
      summary: 'Split records off this person into a new one, with a reason (data steward); kept in history and in the ledger',
      params: z.object({ id: Id }),
      body: z.object({ recordIds: z.array(Id).min(1).max(1000), reason: Reason }),
      response: EntityChangeView,
      async handler({ params, body, caller }) {
        const change = await context.store.audited(caller.audit, ServerAction.entitySplit, `person:${params.id}`, async (tx) => {
          const c = await splitEntity(tx, params.id, body.recordIds, caller.audit.actor, body.reason);
          return { value: c, details: { newPerson: c.otherEntityId, records: c.recordIds, reason: body.reason } };
        });
        await afterChange({ kind: 'entity-split', entityId: params.id, newEntityIds: [change.otherEntityId] });
        return { kind: change.kind, personId: change.entityId, otherPersonId: change.otherEntityId, recordIds: [...change.recordIds] };
      },
    }),
  ];
}
