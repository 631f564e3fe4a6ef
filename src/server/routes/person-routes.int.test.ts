import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../store/testing/test-store.js';
import type { PersonProfile } from '../persons/person-profile.js';
import { Fixture } from '../testing/fixtures.js';
import { openTestApp, type ApiClient, type TestApp } from '../testing/test-app.js';

interface Hits {
  hits: { personId: number; name: string; reasons: string[] }[];
}

describe.each(testBackends)('search and person profiles on %s', (backend) => {
  let t: TestApp;
  let officer: ApiClient;
  beforeEach(async () => {
    t = await openTestApp(backend);
    officer = await t.signInWithPurpose('field-officer', 'case-processing');
  });
  afterEach(async () => {
    await t.dispose();
  });

  const search = async (client: ApiClient, q: string): Promise<Hits['hits']> => {
    const answer = await client.get(`/api/search?q=${encodeURIComponent(q)}`);
    expect(answer.status).toBe(200);
    return (answer.body as Hits).hits;
  };

  it('finds people across transliterations, nicknames, document typos and swapped dates, and says why', async () => {
    expect((await search(officer, 'Сергей Иванов'))[0]).toMatchObject({ personId: t.world.ivanov });
    expect((await search(officer, 'Muhamad Alhasan'))[0]).toMatchObject({ personId: t.world.hassan });
    const bob = await search(officer, 'Bob Smith');
    expect(bob[0]?.personId).toBe(t.world.smith);
    expect(bob[0]?.reasons).toContain('name "bob" matches');
    // Passport P4410987 was keyed P441O987 on the arrival record: letters read as digits agree.
    const passport = await search(officer, 'P441O987');
    expect(passport[0]?.personId).toBe(t.world.hassan);
    expect(passport[0]?.reasons).toEqual(['document number P441O987 matches']);
    const swapped = await search(officer, 'hassan 1985-04-03');
    expect(swapped[0]?.personId).toBe(t.world.hassan);
    expect(swapped[0]?.reasons.join(' ')).toMatch(/date of birth/);
    const prefix = await search(officer, 'Pere');
    expect(prefix.map((h) => h.personId)).toEqual(expect.arrayContaining([t.world.pereiraA, t.world.pereiraB]));
  });

  it('follows the bus: a record ingested and linked is found at once', async () => {
    const recordId = await new Fixture(t.store.db).record('visa-issuance', { name: { given: 'Oksana', surname: 'Kovalenko' }, dateOfBirth: '1994-05-17' });
    const entityId = (await t.store.db.query<{ id: number }>('INSERT INTO entities DEFAULT VALUES RETURNING id')).at(0)?.id ?? 0;
    await t.store.db.query('INSERT INTO entity_members (entity_id, person_record_id) VALUES ($1, $2)', [entityId, recordId]);
    expect(await search(officer, 'Oksana Kovalenko')).toEqual([]);
    await t.app.context.search.apply({ kind: 'record-ingested', source: 'visa-issuance', recordIds: [recordId] });
    await t.app.context.search.apply({ kind: 'entity-created', entityId, recordIds: [recordId] });
    expect((await search(officer, 'Oxana Kovalenko')).at(0)?.personId).toBe(entityId);
  });

  it('records every search in the ledger with the query, actor, role and purpose', async () => {
    await search(officer, 'Bob Smith');
    const entry = (await t.store.db.query<{ actor: string; role: string; purpose: string; legal_basis: string; details: string }>(
      `SELECT actor, role, purpose, legal_basis, details FROM audit_ledger WHERE action = 'person.search' ORDER BY seq DESC LIMIT 1`,
    )).at(0);
    expect(entry).toMatchObject({ actor: 'field.officer', role: 'field-officer', purpose: 'case-processing', legal_basis: '8 U.S.C. 1103(a)' });
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({ query: 'Bob Smith', personIds: [t.world.smith] });
  });

  it('shows a profile with lineage, timeline, link explanations and data-quality flags', async () => {
    const answer = await officer.get(`/api/persons/${t.world.hassan}`);
    expect(answer.status).toBe(200);
    const profile = answer.body as PersonProfile;
    expect(profile.records.map((r) => r.id)).toEqual([...t.world.hassanRecords]);
    expect(profile.records[0]?.lineage).toMatchObject({ file: 'visa-issuance.ndjson', line: expect.any(Number) as number, byteOffset: expect.any(Number) as number, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) as string });
    expect(profile.identity.datesOfBirth.map((d) => d.value)).toEqual(['1985-03-04', '1985-04-03']);
    expect(profile.flags.map((f) => f.code)).toContain('conflicting-dates-of-birth');
    expect(profile.flags.find((f) => f.code === 'conflicting-dates-of-birth')?.message).toContain('day and month swapped');
    const link = profile.records[1]?.link.explanation;
    expect(link?.fields.map((f) => f.field)).toEqual(['name', 'date_of_birth', 'passport', 'citizenship']);
    expect(link?.matchWeight).toBeCloseTo(-9.5 + 4.2 + 3.1 + 8.4 + 0.9, 6);
    expect(profile.timeline.map((e) => e.kind)).toEqual(['visa-issued', 'arrival']);
  });

  it('withholds records whose source does not permit the declared purpose, and says how many', async () => {
    const steward = await t.signInWithPurpose('data-steward', 'data-quality');
    const profile = (await steward.get(`/api/persons/${t.world.ivanov}`)).body as PersonProfile;
    expect(profile.records.map((r) => r.id)).toEqual(t.world.ivanovRecords.slice(0, 2));
    expect(profile.withheldRecords).toBe(1);
    expect(profile.timeline.map((e) => e.kind)).not.toContain('criminal-disposition');
    const officerView = (await officer.get(`/api/persons/${t.world.ivanov}`)).body as PersonProfile;
    expect(officerView.withheldRecords).toBe(0);
  });

  it('answers an unknown person as not found and records the attempt', async () => {
    const answer = await officer.get('/api/persons/999999');
    expect(answer.status).toBe(404);
    const entry = (await t.store.db.query<{ outcome: string; target: string }>(`SELECT outcome, target FROM audit_ledger WHERE action = 'person.read' ORDER BY seq DESC LIMIT 1`))[0];
    expect(entry).toEqual({ outcome: 'failure', target: 'person:999999' });
  });

  it('lets a data steward split and merge with a reason, kept in history and in the ledger', async () => {
    const steward = await t.signInWithPurpose('data-steward', 'identity-resolution');
    const split = await steward.call('POST', `/api/persons/${t.world.hassan}/split`, { recordIds: [t.world.hassanRecords[1]], reason: 'different father named on the arrival form' });
    expect(split.status).toBe(200);
    const newPerson = (split.body as { otherPersonId: number }).otherPersonId;
    const after = (await steward.get(`/api/persons/${t.world.hassan}`)).body as PersonProfile;
    expect(after.records.map((r) => r.id)).toEqual([t.world.hassanRecords[0]]);
    expect(after.history.at(-1)).toMatchObject({ kind: 'split', actor: 'data.steward', reason: 'different father named on the arrival form' });
    // Search follows the change at once.
    expect((await search(steward, 'P441O987')).map((h) => h.personId)).toEqual(expect.arrayContaining([t.world.hassan, newPerson]));

    const merge = await steward.call('POST', `/api/persons/${t.world.hassan}/merge`, { otherPersonId: newPerson, reason: 'father confirmed the same at interview' });
    expect(merge.status).toBe(200);
    const merged = (await steward.get(`/api/persons/${t.world.hassan}`)).body as PersonProfile;
    expect(merged.records.map((r) => r.id)).toEqual([...t.world.hassanRecords]);
    const gone = await steward.get(`/api/persons/${newPerson}`);
    expect(gone.status).toBe(404);
    expect((gone.body as { error: { details: { mergedInto: number } } }).error.details.mergedInto).toBe(t.world.hassan);
    const ledger = await t.store.db.query<{ action: string; details: string }>(`SELECT action, details FROM audit_ledger WHERE action IN ('entity.split', 'entity.merge') ORDER BY seq`);
    expect(ledger.map((e) => e.action)).toEqual(['entity.split', 'entity.merge']);
    expect(JSON.parse(ledger[1]?.details ?? '{}')).toMatchObject({ merged: newPerson, reason: 'father confirmed the same at interview' });
  });

  it('refuses a split without a reason, or one that would move every record', async () => {
    const steward = await t.signInWithPurpose('data-steward', 'identity-resolution');
    expect((await steward.call('POST', `/api/persons/${t.world.hassan}/split`, { recordIds: [t.world.hassanRecords[1]], reason: '' })).status).toBe(400);
    const all = await steward.call('POST', `/api/persons/${t.world.hassan}/split`, { recordIds: [...t.world.hassanRecords], reason: 'everything is wrong' });
    expect(all.status).toBe(400);
    const refused = await t.store.db.query<{ outcome: string }>(`SELECT outcome FROM audit_ledger WHERE action = 'entity.split'`);
    expect(refused.map((r) => r.outcome)).toEqual(['refused']);
  });
});
