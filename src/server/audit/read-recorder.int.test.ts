import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerStore } from '../../store/index.js';
import { testBackends } from '../../store/testing/test-store.js';
import { openTestApp, type ApiClient, type TestApp } from '../testing/test-app.js';

const queries = ['Bob Smith', 'Сергей Иванов', 'Muhamad Alhasan', 'P441O987', 'hassan 1985-04-03', 'Pere', 'Maria Garcia', 'Ivanov'];

describe.each(testBackends)('searches recorded in the ledger with group commit on %s', (backend) => {
  let t: TestApp;
  let officer: ApiClient;
  beforeEach(async () => {
    t = await openTestApp(backend);
    officer = await t.signInWithPurpose('field-officer', 'case-processing');
  });
  afterEach(async () => {
    await t.dispose();
  });

  const searchEntries = (): Promise<{ seq: number; at: Date; details: string }[]> =>
    t.store.db.query(`SELECT seq, at, details FROM audit_ledger WHERE action = 'person.search' ORDER BY seq`);

  const searchAll = (n: number): Promise<{ status: number; body: unknown }[]> =>
    Promise.all(Array.from({ length: n }, (_, i) => officer.get(`/api/search?q=${encodeURIComponent(queries[i % queries.length] ?? '')}`)));

  it('records every one of many concurrent searches, fewer commits than searches, on one chain that verifies', async () => {
    const answers = await searchAll(40);
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 40 }, () => 200));
    const entries = await searchEntries();
    expect(entries).toHaveLength(40);
    expect(entries.map((e) => (JSON.parse(e.details) as { query: string }).query).sort()).toEqual(Array.from({ length: 40 }, (_, i) => queries[i % queries.length]).sort());
    // A batch is sealed with one timestamp: fewer distinct ones than entries means searches shared commits.
    expect(new Set(entries.map((e) => e.at.getTime())).size).toBeLessThan(40);
    expect(await LedgerStore.verify(t.store.db)).toMatchObject({ kind: 'intact' });
  });

  it('goes on after other writers extend the chain between its batches', async () => {
    await searchAll(5);
    const steward = await t.signInWithPurpose('data-steward', 'data-quality');
    await Promise.all([
      searchAll(10),
      t.store.record({ actor: 'cli:operator', role: 'administrator', purpose: 'system-administration', legalBasis: 'operations' }, 'person.read', 'person:1', 'success'),
      steward.get('/api/persons/1'),
    ]);
    await searchAll(5);
    expect(await searchEntries()).toHaveLength(20);
    expect(await LedgerStore.verify(t.store.db)).toMatchObject({ kind: 'intact' });
  });

  it('answers no hits when the ledger cannot take the search, and records again once it can', async () => {
    await searchAll(2);
    await t.store.db.exec(`
      CREATE FUNCTION refuse_searches() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN RAISE EXCEPTION 'ledger unavailable'; END $fn$;
      CREATE TRIGGER refuse_searches BEFORE INSERT ON audit_ledger FOR EACH ROW WHEN (NEW.action = 'person.search') EXECUTE FUNCTION refuse_searches();`);
    const refused = await searchAll(3);
    expect(refused.map((a) => a.status)).toEqual([500, 500, 500]);
    expect(refused.map((a) => JSON.stringify(a.body))).not.toContainEqual(expect.stringContaining('hits'));
    await t.store.db.exec('DROP TRIGGER refuse_searches ON audit_ledger');
    expect((await searchAll(3)).map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await searchEntries()).toHaveLength(5);
    expect(await LedgerStore.verify(t.store.db)).toMatchObject({ kind: 'intact' });
  });
});
