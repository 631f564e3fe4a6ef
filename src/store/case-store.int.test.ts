import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { identifyCase, type CaseEvent } from '../core/cases/index.js';
import { DocketError } from '../core/errors/index.js';
import type { Prioritization } from '../core/policy/index.js';
import { propose, type ReviewDecision } from '../core/review/index.js';
import { personWith } from '../core/status/testing/build-person.js';
import { CaseStore } from './index.js';
import { openTestStore, testBackends, type TestStore } from './testing/test-store.js';

const officer = { userId: 'officer.a', roles: ['case-officer'] as const };
const none: Prioritization = { kind: 'prioritization', policy: { id: 'p', version: 1 }, personId: '1', outcome: { kind: 'none' }, fired: [], undecided: [], explanation: 'none' };

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

function identification(caseId: number, entityId: number, at = '2026-03-02T09:00:00Z'): CaseEvent {
  const decision = identifyCase({ caseId: String(caseId), actor: officer, at, reason: 'Identified under policy.' }, { ...personWith({ dateOfBirth: '1980-01-01' }), personId: String(entityId) });
  if (decision.kind !== 'accepted') throw new Error(decision.reasons.join(' '));
  return decision.event;
}

describe.each(testBackends)('case store on %s', (backend) => {
  let t: TestStore;
  let entity: number;
  beforeEach(async () => {
    t = await openTestStore(backend);
    entity = (await t.store.db.query<{ id: number }>('INSERT INTO entities DEFAULT VALUES RETURNING id'))[0].id;
  });
  afterEach(async () => {
    await t.dispose();
  });

  const openCase = (at = '2026-03-02T09:00:00Z'): Promise<number> => t.store.db.transaction(async (tx) => {
    const id = await CaseStore.create(tx, { entityId: entity, at, priority: none, priorityTier: 3 });
    await CaseStore.append(tx, id, identification(id, entity, at));
    return id;
  });

  it('stores a case with its identification and reads it back', async () => {
    const id = await openCase();
    expect(await CaseStore.get(t.store.db, id)).toMatchObject({ caseId: id, entityId: entity, state: 'identified', closure: null, events: 1, priorityTier: 3, identifiedAt: '2026-03-02T09:00:00.000Z' });
    const events = await CaseStore.events(t.store.db, id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'case-event', sequence: 1, transition: 'identify', to: 'identified', actor: { userId: 'officer.a' } });
    expect((await CaseStore.list(t.store.db, { open: true, limit: 10 })).map((c) => c.caseId)).toEqual([id]);
    expect(await CaseStore.openOn(t.store.db, [entity])).toHaveLength(1);
  });

  it('keeps one open case per person', async () => {
    await openCase();
    const error = await caught(openCase());
    expect(DocketError.is(error, 'conflict')).toBe(true);
  });

  it('refuses an event out of sequence, so two writers cannot both add the same step', async () => {
    const id = await openCase();
    const stale = { ...identification(id, entity), sequence: 1 };
    const error = await caught(t.store.db.transaction((tx) => CaseStore.append(tx, id, stale)));
    expect(DocketError.is(error, 'conflict')).toBe(true);
  });

  it('refuses to change or remove an event, a proposal or a decision', async () => {
    const id = await openCase();
    const proposalId = await t.store.db.transaction((tx) => CaseStore.addProposal(tx, id, propose({ proposalId: 'x', caseId: String(id), personId: String(entity), action: 'open-case', at: '2026-03-02T10:00:00Z', reason: 'Final order.' }, officer)));
    for (const sql of [`UPDATE case_events SET actor = 'someone' WHERE case_id = ${id}`, `DELETE FROM case_events WHERE case_id = ${id}`, 'TRUNCATE case_events', `UPDATE proposals SET proposed_by = 'x' WHERE id = ${proposalId}`, 'DELETE FROM proposals']) {
      await expect(t.store.db.query(sql), sql).rejects.toThrow(/facts/);
    }
  });

  it('refuses, in the database itself, a decision by the proposer and a second decision', async () => {
    const id = await openCase();
    const proposal = propose({ proposalId: 'x', caseId: String(id), personId: String(entity), action: 'open-case', at: '2026-03-02T10:00:00Z', reason: 'Final order.' }, officer);
    const proposalId = await t.store.db.transaction((tx) => CaseStore.addProposal(tx, id, proposal));
    const decision: ReviewDecision = {
      kind: 'review-decision', verdict: 'approved', proposalId: String(proposalId), caseId: String(id), personId: String(entity), action: 'open-case', destination: undefined,
      proposedBy: 'officer.a', reviewer: 'officer.a', decidedAt: '2026-03-02T11:00:00Z', reason: 'ok', gates: { clear: true, holding: [] }, matchBand: 'single-record',
    };
    const self = await caught(t.store.db.transaction((tx) => CaseStore.addDecision(tx, proposalId, decision)));
    expect(DocketError.is(self, 'refused')).toBe(true);
    await t.store.db.transaction((tx) => CaseStore.addDecision(tx, proposalId, { ...decision, reviewer: 'reviewer.b' }));
    const twice = await caught(t.store.db.transaction((tx) => CaseStore.addDecision(tx, proposalId, { ...decision, reviewer: 'reviewer.c' })));
    expect(DocketError.is(twice, 'conflict')).toBe(true);
    const stored = await CaseStore.proposal(t.store.db, proposalId);
    expect(stored).toMatchObject({ proposal: { proposalId: String(proposalId), caseId: String(id), action: 'open-case', proposedBy: 'officer.a' }, decision: { reviewer: 'reviewer.b', verdict: 'approved' }, spentIn: undefined });
    expect(await CaseStore.pendingProposals(t.store.db, 10)).toEqual([]);
    expect((await CaseStore.decidedProposals(t.store.db, 10)).map((p) => p.proposal.proposalId)).toEqual([String(proposalId)]);
  });

  it('refuses an approval spent twice or given by its proposer, whatever the code above it does', async () => {
    const id = await openCase();
    const base = identification(id, entity);
    const step = (sequence: number, approvedBy: string): CaseEvent => ({
      ...base, sequence, transition: 'request-detention', from: 'identified', to: 'identified', at: '2026-03-03T09:00:00Z',
      approval: { proposalId: '7', proposedBy: 'officer.a', approvedBy },
    });
    const self = await caught(t.store.db.transaction((tx) => CaseStore.append(tx, id, step(2, 'officer.a'))));
    expect(DocketError.is(self, 'refused')).toBe(true);
    await t.store.db.transaction((tx) => CaseStore.append(tx, id, step(2, 'reviewer.b')));
    const again = await caught(t.store.db.transaction((tx) => CaseStore.append(tx, id, step(3, 'reviewer.b'))));
    expect(DocketError.is(again, 'conflict')).toBe(true);
    expect((await CaseStore.get(t.store.db, id))?.events).toBe(2);
  });

  it('activates one policy at a time and never changes a stored version', async () => {
    const first = await t.store.db.transaction((tx) => CaseStore.activatePolicy(tx, { policy: 'p', version: 1, text: 'a', sha256: 'h1', by: 'admin' }));
    expect(first).toMatchObject({ policy: 'p', version: 1, active: true });
    await t.store.db.transaction((tx) => CaseStore.activatePolicy(tx, { policy: 'p', version: 2, text: 'b', sha256: 'h2', by: 'admin' }));
    expect((await CaseStore.activePolicy(t.store.db))?.version).toBe(2);
    await t.store.db.transaction((tx) => CaseStore.activatePolicy(tx, { policy: 'p', version: 1, text: 'a', sha256: 'h1', by: 'admin' }));
    expect((await CaseStore.activePolicy(t.store.db))?.version).toBe(1);
    const changed = await caught(t.store.db.transaction((tx) => CaseStore.activatePolicy(tx, { policy: 'p', version: 2, text: 'c', sha256: 'h3', by: 'admin' })));
    expect(DocketError.is(changed, 'conflict')).toBe(true);
    expect((await CaseStore.policies(t.store.db)).map((p) => [p.version, p.active])).toEqual([[1, true], [2, false]]);
  });

  it('raises each departure alert once', async () => {
    await t.store.db.exec(`INSERT INTO sources (name, legal_authority, purposes, category, retention_days, registered_by) VALUES ('vd', 'law', '{case-processing}', 'court-records', 10, 'test');
      INSERT INTO ingest_runs (source_id, actor, status) VALUES (1, 'test', 'completed');
      INSERT INTO raw_records (source_id, run_id, file_name, line, byte_offset, content_hash, content) VALUES (1, 1, 'f', 1, 0, 'h', '{}');
      INSERT INTO person_records (raw_record_id, source_id, mapping_version, record) VALUES (1, 1, 1, '{}')`);
    const recordId = (await t.store.db.query<{ id: number }>('SELECT id FROM person_records'))[0].id;
    const alert = { grantRecordId: recordId, deadline: '2026-05-01', entityId: entity, daysLeft: 10 };
    expect(await t.store.db.transaction((tx) => CaseStore.raiseAlerts(tx, [alert]))).toHaveLength(1);
    expect(await t.store.db.transaction((tx) => CaseStore.raiseAlerts(tx, [{ ...alert, daysLeft: 9 }]))).toHaveLength(0);
    expect(await CaseStore.alerts(t.store.db, 10)).toMatchObject([{ grantRecordId: recordId, deadline: '2026-05-01', daysLeft: 10 }]);
  });
});
