import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../store/testing/test-store.js';
import type { ReviewItemView } from '../reviews/review-items.js';
import { openTestApp, type ApiClient, type TestApp } from '../testing/test-app.js';

describe.each(testBackends)('clerical review on %s', (backend) => {
  let t: TestApp;
  let steward: ApiClient;
  beforeEach(async () => {
    t = await openTestApp(backend);
    steward = await t.signInWithPurpose('data-steward', 'data-quality');
  });
  afterEach(async () => {
    await t.dispose();
  });

  const entityOf = async (recordId: number): Promise<number | undefined> =>
    (await t.store.db.query<{ entity_id: number }>('SELECT entity_id FROM entity_members WHERE person_record_id = $1 AND valid_to IS NULL', [recordId])).at(0)?.entity_id;

  it('lists open items closest call first and shows both records with the weights', async () => {
    const list = (await steward.get('/api/reviews')).body as { items: { id: number; score: number }[] };
    expect(list.items.map((i) => i.id)).toEqual([t.world.pereiraReview, t.world.garciaReview]);
    const item = (await steward.get(`/api/reviews/${t.world.pereiraReview}`)).body as ReviewItemView;
    expect(item.a).toMatchObject({ name: 'Ana Pereira', personId: t.world.pereiraA, source: 'visa-issuance' });
    expect(item.b).toMatchObject({ name: 'Anna Pereira', personId: t.world.pereiraB });
    expect(item.explanation?.fields.map((f) => f.field)).toEqual(['given_name', 'surname', 'date_of_birth', 'passport']);
  });

  it('merges the two people on "match", with the decision in the ledger and the entity history', async () => {
    const item = (await steward.get(`/api/reviews/${t.world.pereiraReview}`)).body as ReviewItemView;
    const decided = await steward.call('POST', `/api/reviews/${t.world.pereiraReview}/decision`, { decision: 'match', reason: 'same passport photograph' });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'decided', decision: 'match', decidedBy: 'data.steward', reason: 'same passport photograph' });
    expect(await entityOf(item.a.recordId)).toBe(await entityOf(item.b.recordId));
    const events = await t.store.db.query<{ kind: string; reason: string }>(`SELECT kind, reason FROM entity_events WHERE kind = 'merged'`);
    expect(events).toEqual([{ kind: 'merged', reason: `clerical review ${t.world.pereiraReview}: same passport photograph` }]);
    const again = await steward.call('POST', `/api/reviews/${t.world.pereiraReview}/decision`, { decision: 'not-a-match', reason: 'second thoughts' });
    expect(again.status).toBe(409);
  });

  it('keeps people apart on "not a match", separating them if they had been linked', async () => {
    const item = (await steward.get(`/api/reviews/${t.world.garciaReview}`)).body as ReviewItemView;
    await steward.call('POST', `/api/persons/${item.a.personId ?? 0}/merge`, { otherPersonId: item.b.personId, reason: 'linked in error for this test' });
    expect(await entityOf(item.a.recordId)).toBe(await entityOf(item.b.recordId));
    const decided = await steward.call('POST', `/api/reviews/${t.world.garciaReview}/decision`, { decision: 'not-a-match', reason: 'different mothers named' });
    expect(decided.status).toBe(200);
    expect(await entityOf(item.a.recordId)).not.toBe(await entityOf(item.b.recordId));
  });

  it('changes nothing on "unsure" but records the decision', async () => {
    const open = (await steward.get(`/api/reviews/${t.world.garciaReview}`)).body as ReviewItemView;
    const before = await entityOf(open.b.recordId);
    const decided = await steward.call('POST', `/api/reviews/${t.world.garciaReview}/decision`, { decision: 'unsure', reason: 'needs the court file' });
    expect(decided.status).toBe(200);
    const item = decided.body as ReviewItemView;
    expect(await entityOf(item.b.recordId)).toBe(before);
    const entry = (await t.store.db.query<{ details: string }>(`SELECT details FROM audit_ledger WHERE action = 'review.decide'`)).at(0);
    expect(JSON.parse(entry?.details ?? '{}')).toEqual({ decision: 'unsure', reason: 'needs the court file' });
  });
});
