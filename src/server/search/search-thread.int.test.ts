import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../core/records/index.js';
import { testBackends } from '../../store/testing/test-store.js';
import { SearchResult } from '../routes/person-routes.js';
import { Fixture } from '../testing/fixtures.js';
import { openTestApp, type ApiClient, type TestApp } from '../testing/test-app.js';
import { InProcessEngine } from './search-engine.js';
import { SearchPool } from './search-pool.js';
import { SearchThread } from './search-thread.js';

const person = (given: string, surname: string, extra: Partial<PersonRecord> = {}): PersonRecord => ({
  name: { given, surname }, aliases: [], citizenships: [], documents: [], addresses: [], events: [], ...extra,
});

describe('search thread', () => {
  const records = [
    person('Mohammed', 'Al-Hassan', { dateOfBirth: '1985-03-04', documents: [{ kind: 'passport', number: 'P4410987' }] }),
    person('Robert', 'Smith'),
    person('Sergei', 'Ivanov'),
    person('Maria', 'Garcia', { dateOfBirth: '1990-01-02' }),
  ];
  const entries = records.map((record, i) => ({ recordId: i + 1, entityId: i + 1, sourceId: i === 1 ? 2 : 1, record }));

  it('answers exactly as the index in this thread does, and applies updates before the searches sent after them', async () => {
    const thread = new SearchThread();
    const local = new InProcessEngine();
    try {
      for (const engine of [thread, local]) engine.add(entries);
      for (const q of ['Сергей Иванов', 'Bob Smith', 'P441O987', 'hassan 1985-04-03', 'Maria Garcia 1990-01-02', 'Ivan']) {
        const [a, b] = await Promise.all([thread.search(q, [1, 2], 10), local.search(q, [1, 2], 10)]);
        expect(a.hitsJson).toBe(b.hitsJson);
        expect(a.personIds).toEqual(b.personIds);
      }
      // Purpose filtering: source 2 is not permitted.
      expect((await thread.search('Robert Smith', [1], 10)).personIds).not.toContain(2);
      // Sent one after another without waiting: the search sees the move, then the reset.
      thread.setEntities([[2, 99]]);
      const moved = thread.search('Robert Smith', [1, 2], 10);
      thread.reset();
      const emptied = thread.search('Robert Smith', [1, 2], 10);
      expect((await moved).personIds[0]).toBe(99);
      expect((await emptied).personIds).toEqual([]);
    } finally {
      await thread.close();
    }
  });

  it('answers many searches sent at once, each with its own hits', async () => {
    const thread = new SearchThread();
    const local = new InProcessEngine();
    try {
      for (const engine of [thread, local]) engine.add(entries);
      const queries = Array.from({ length: 60 }, (_, i) => ['Сергей Иванов', 'Bob Smith', 'P441O987', 'Maria Garcia', 'nobody at all'][i % 5] ?? '');
      const fromThread = await Promise.all(queries.map((q) => thread.search(q, [1, 2], 10)));
      const fromHere = await Promise.all(queries.map((q) => local.search(q, [1, 2], 10)));
      expect(fromThread.map((a) => a.hitsJson)).toEqual(fromHere.map((a) => a.hitsJson));
      expect(new Set(fromThread.map((a) => a.personIds.join(','))).size).toBe(5);
    } finally {
      await thread.close();
    }
  });

  it('spreads searches over a pool whose every thread holds every update, in order', async () => {
    const pool = new SearchPool(2);
    const local = new InProcessEngine();
    try {
      for (const engine of [pool, local]) engine.add(entries);
      const queries = Array.from({ length: 40 }, (_, i) => ['Сергей Иванов', 'Bob Smith', 'P441O987', 'Maria Garcia'][i % 4] ?? '');
      const fromPool = await Promise.all(queries.map((q) => pool.search(q, [1, 2], 10)));
      const fromHere = await Promise.all(queries.map((q) => local.search(q, [1, 2], 10)));
      expect(fromPool.map((a) => a.hitsJson)).toEqual(fromHere.map((a) => a.hitsJson));
      // Whichever thread answers, it has seen the move sent before the searches.
      pool.setEntities([[2, 77]]);
      const moved = await Promise.all([1, 2, 3, 4].map(() => pool.search('Robert Smith', [1, 2], 10)));
      expect(moved.map((a) => a.personIds[0])).toEqual([77, 77, 77, 77]);
      expect(() => new SearchPool(0)).toThrow(/from 1 to 16/);
    } finally {
      await pool.close();
    }
  });

  it('fails searches plainly once the thread is closed', async () => {
    const thread = new SearchThread();
    await thread.close();
    await expect(thread.search('Smith', [1], 10)).rejects.toThrow(/closed/);
  });
});

describe.each(testBackends)('the API with search in its own thread on %s', (backend) => {
  let t: TestApp;
  let officer: ApiClient;
  beforeEach(async () => {
    t = await openTestApp(backend, { searchThreads: 2 });
    officer = await t.signInWithPurpose('field-officer', 'case-processing');
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('answers with the documented shape, records the search first, and follows the bus', async () => {
    const answer = await officer.get(`/api/search?q=${encodeURIComponent('Muhamad Alhasan')}`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    const body = SearchResult.parse(answer.body);
    expect(body.query).toBe('Muhamad Alhasan');
    expect(body.hits[0]).toMatchObject({ personId: t.world.hassan });
    const entry = (await t.store.db.query<{ details: string }>(`SELECT details FROM audit_ledger WHERE action = 'person.search' ORDER BY seq DESC LIMIT 1`)).at(0);
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({ query: 'Muhamad Alhasan', hits: body.hits.length, personIds: body.hits.map((h) => h.personId) });

    const recordId = await new Fixture(t.store.db).record('visa-issuance', { name: { given: 'Oksana', surname: 'Kovalenko' }, dateOfBirth: '1994-05-17' });
    const entityId = (await t.store.db.query<{ id: number }>('INSERT INTO entities DEFAULT VALUES RETURNING id')).at(0)?.id ?? 0;
    await t.store.db.query('INSERT INTO entity_members (entity_id, person_record_id) VALUES ($1, $2)', [entityId, recordId]);
    await t.app.context.search.apply({ kind: 'record-ingested', source: 'visa-issuance', recordIds: [recordId] });
    await t.app.context.search.apply({ kind: 'entity-created', entityId, recordIds: [recordId] });
    const found = SearchResult.parse((await officer.get('/api/search?q=Oxana%20Kovalenko')).body);
    expect(found.hits.at(0)?.personId).toBe(entityId);
  });
});
