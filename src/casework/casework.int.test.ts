import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IsoDay } from '../core/calendar/index.js';
import { DocketError } from '../core/errors/index.js';
import { openTestStore, testBackends, type TestStore } from '../store/testing/test-store.js';
import { CaseActor } from './case-actor.js';
import { CaseWatcher } from './case-watcher.js';
import { Casework } from './casework.js';
import { Departures } from './departures.js';
import { addRecordTo, seedCaseWorld, type CaseWorld } from './testing/case-world.js';

const today = '2026-03-02';
const officer = CaseActor.of('officer.a', 'case-officer', 'case-processing');
const reviewer = CaseActor.of('reviewer.b', 'reviewing-officer', 'case-processing');
const logistics = CaseActor.of('logistics.c', 'logistics-coordinator', 'removal-logistics');
/** Holds both roles, so only the rule against self-review stands between them and their own proposal. */
const dual: CaseActor = { user: { userId: 'dual.d', roles: ['case-officer', 'reviewing-officer'] }, audit: { ...officer.audit, actor: 'dual.d' } };

async function refusal(promise: Promise<unknown>): Promise<DocketError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DocketError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe.each(testBackends)('casework on %s', (backend) => {
  let t: TestStore;
  let world: CaseWorld;
  let clock: number;
  let casework: Casework;
  const now = (): Date => new Date(clock += 60_000);
  const ledger = (target: string) => t.store.db.query<{ actor: string; role: string; action: string; outcome: string; purpose: string; details: string }>(
    'SELECT actor, role, action, outcome, purpose, details FROM audit_ledger WHERE target = $1 ORDER BY seq', [target]);

  beforeEach(async () => {
    t = await openTestStore(backend);
    world = await seedCaseWorld(t.store.db, today);
    clock = Date.parse(`${today}T14:00:00Z`);
    casework = new Casework(t.store, { now });
  });
  afterEach(async () => {
    await t.dispose();
  });

  /** Proposes, approves (as the reviewer) and carries out one adverse step. */
  const approvedStep = async (caseId: number, action: 'open-case' | 'issue-notice' | 'schedule-removal', by = officer, destination?: string) => {
    const proposal = await casework.propose(by, caseId, { action, reason: `Proposing ${action}.`, ...(destination === undefined ? {} : { destination }) });
    await casework.decide(reviewer, proposal.proposalId, { verdict: 'approve', reason: 'Facts and gates checked.' });
    return casework.transition(by, caseId, { transition: action, reason: `Carrying out ${action}.` });
  };

  it('identifies cases from the active policy, highest tier first, and never a person the policy excludes', async () => {
    const report = await casework.identifyFromPolicy(officer);
    expect(report.policy).toEqual({ id: 'default-2026', version: 1 });
    expect(report.identified.map((c) => [c.entityId, c.tier])).toEqual([[world.removable, 1], [world.overdue, 2], [world.uncertain, 3], [world.overstay, 4]]);
    expect(report.identified.map((c) => c.entityId)).not.toContain(world.citizen);
    expect(report.refused).toEqual([]);
    const queue = await casework.queue('case-processing', { open: true, limit: 10 });
    expect(queue.map((c) => [c.person.name, c.priority.outcome, c.state])).toEqual([
      ['Carlos Mejia', 'tier-1', 'identified'], ['Jorge Ramos', 'tier-2', 'identified'], ['Luis Flores', 'tier-3', 'identified'], ['Miguel Castro', 'tier-4', 'identified'],
    ]);
    expect(queue[0]?.priority.fired.map((h) => h.ruleId)).toEqual(['final-order-trafficking-robbery-weapons', 'final-order']);
    const again = await casework.identifyFromPolicy(officer);
    expect(again).toMatchObject({ alreadyOpen: 4, identified: [] });
    const entries = await ledger(`person:${world.removable}`);
    expect(entries.at(-1)).toMatchObject({ actor: 'officer.a', role: 'case-officer', action: 'case.identify', outcome: 'success', purpose: 'case-processing' });
  });

  it('refuses to open a case on a person whose records indicate US citizenship, refers to counsel and records the refusal', async () => {
    const error = await refusal(casework.identify(officer, world.citizen, 'Final order on file.'));
    expect(error.code).toBe('refused');
    expect(error.message).toMatch(/indication of US citizenship.*Refer to counsel/);
    expect((await ledger(`person:${world.citizen}`)).map((e) => [e.action, e.outcome])).toEqual([['case.identify', 'refused']]);
    expect(await casework.queue('case-processing', { limit: 10 })).toEqual([]);
  });

  it('takes a case from identification to a scheduled removal, each adverse step proposed by one person and approved by another', async () => {
    const { caseId } = await casework.identify(officer, world.removable, 'Tier 1 under the 2026 policy.');
    await approvedStep(caseId, 'open-case');
    await approvedStep(caseId, 'issue-notice');
    await casework.transition(officer, caseId, { transition: 'record-proceedings', reason: 'Court records show case A100.' });
    const order = await casework.transition(officer, caseId, { transition: 'record-order', reason: 'Removal ordered in absentia.' });
    expect(order.to).toBe('order-final');
    const removal = await approvedStep(caseId, 'schedule-removal', logistics, 'HND');
    expect(removal).toMatchObject({ to: 'departure-pending-removal', destination: 'HND', approval: { proposedBy: 'logistics.c', approvedBy: 'reviewer.b' }, gates: { check: 'schedule-removal', clear: true } });

    const detail = await casework.show(caseId, 'case-processing');
    expect(detail?.history.map((e) => e.transition)).toEqual(['identify', 'open-case', 'issue-notice', 'record-proceedings', 'record-order', 'schedule-removal']);
    expect(detail?.proposals.map((p) => [p.action, p.status])).toEqual([['open-case', 'carried-out'], ['issue-notice', 'carried-out'], ['schedule-removal', 'carried-out']]);
    expect(detail?.next.map((n) => n.transition)).toEqual(['record-reopening', 'halt-removal', 'request-detention', 'verify-departure', 'exit']);
    const entries = await ledger(`case:${caseId}`);
    expect(entries.map((e) => `${e.action}:${e.actor}`)).toEqual([
      'case.propose:officer.a', 'case.transition:officer.a', 'case.propose:officer.a', 'case.transition:officer.a', 'case.transition:officer.a', 'case.transition:officer.a',
      'case.propose:logistics.c', 'case.transition:logistics.c',
    ]);
    const decisions = await t.store.db.query<{ target: string; actor: string; outcome: string }>(`SELECT target, actor, outcome FROM audit_ledger WHERE action = 'case.decide' ORDER BY seq`);
    expect(decisions.map((d) => [d.actor, d.outcome])).toEqual([['reviewer.b', 'success'], ['reviewer.b', 'success'], ['reviewer.b', 'success']]);
  });

  it('refuses self-approval, a decider without the reviewing role, a step without approval and an approval used twice', async () => {
    const { caseId } = await casework.identify(dual, world.removable, 'Tier 1.');
    const mine = await casework.propose(dual, caseId, { action: 'open-case', reason: 'Final order, robbery conviction.' });
    const self = await refusal(casework.decide(dual, mine.proposalId, { verdict: 'approve', reason: 'Looks right.' }));
    expect(self).toMatchObject({ code: 'refused', details: { refusals: ['self-review'] } });
    const noRole = await refusal(casework.decide(officer, mine.proposalId, { verdict: 'approve', reason: 'Looks right.' }));
    expect(noRole.details['refusals']).toEqual(['reviewer-role']);
    const early = await refusal(casework.transition(dual, caseId, { transition: 'open-case', reason: 'Opening.' }));
    expect(early.message).toMatch(/needs a proposal approved by a second person/);
    expect((await ledger(`proposal:${mine.proposalId}`)).map((e) => [e.actor, e.outcome])).toEqual([['dual.d', 'refused'], ['officer.a', 'refused']]);

    const decided = await casework.decide(reviewer, mine.proposalId, { verdict: 'approve', reason: 'Checked.' });
    expect(decided).toMatchObject({ status: 'approved', decision: { reviewer: 'reviewer.b', proposedBy: 'dual.d' } });
    expect((await refusal(casework.decide(reviewer, mine.proposalId, { verdict: 'reject', reason: 'Second thoughts.' }))).code).toBe('conflict');
    await casework.transition(dual, caseId, { transition: 'open-case', reason: 'Opening.' });
    const duplicate = await refusal(casework.propose(officer, caseId, { action: 'open-case', reason: 'Again.' }));
    expect(duplicate.message).toMatch(/cannot follow/);
    const notice = await casework.propose(officer, caseId, { action: 'issue-notice', reason: 'Notice.' });
    await casework.decide(reviewer, notice.proposalId, { verdict: 'reject', reason: 'Address unconfirmed.' });
    const rejected = await refusal(casework.transition(officer, caseId, { transition: 'issue-notice', reason: 'Issuing.', proposalId: notice.proposalId }));
    expect(rejected.message).toMatch(/was rejected/);
    const reused = await refusal(casework.transition(officer, caseId, { transition: 'issue-notice', reason: 'Issuing.', proposalId: mine.proposalId }));
    expect(reused.message).toMatch(/approved open-case, not issue-notice|already been acted on/);
  });

  it('refuses approval while the person rests on an uncertain link, until a data steward confirms it', async () => {
    const { caseId } = await casework.identify(officer, world.uncertain, 'Tier 3.');
    const proposal = await casework.propose(officer, caseId, { action: 'open-case', reason: 'Final order.' });
    const [item] = await casework.reviewerQueue('case-processing', 10);
    expect(item.matchConfidence.band).toBe('uncertain-unconfirmed');
    expect(item.blockers.map((b) => b.code)).toEqual(['uncertain-link']);
    const blocked = await refusal(casework.decide(reviewer, proposal.proposalId, { verdict: 'approve', reason: 'Checked.' }));
    expect(blocked.details['refusals']).toEqual(['uncertain-link']);
    await t.store.db.query(`UPDATE review_items SET status = 'decided', decision = 'match', decided_by = 'data.steward', decided_at = now(), reason = 'same passport' WHERE id = $1`, [world.uncertainReview]);
    const view = await casework.reviewItem(proposal.proposalId, 'case-processing');
    expect(view?.matchConfidence.band).toBe('uncertain-confirmed');
    expect(view?.blockers).toEqual([]);
    expect((await casework.decide(reviewer, proposal.proposalId, { verdict: 'approve', reason: 'Steward confirmed the link.' })).status).toBe('approved');
  });

  it('shows the reviewer the facts, the gates, the rules that fired and the match confidence', async () => {
    const { caseId } = await casework.identify(officer, world.removable, 'Tier 1.');
    await casework.propose(officer, caseId, { action: 'open-case', reason: 'Final order, robbery conviction.' });
    const [item] = await casework.reviewerQueue('case-processing', 10);
    expect(item.facts.status).toBe('final-order');
    expect(item.facts.findings.some((f) => f.ruleId.startsWith('finality'))).toBe(true);
    expect(item.gates).toMatchObject({ check: 'open-case', clear: true });
    expect(item.prioritization.fired.map((h) => h.ruleId)).toContain('final-order-trafficking-robbery-weapons');
    expect(item.matchConfidence).toMatchObject({ band: 'certain', recordCount: 3, lowestMatchProbability: 0.99 });
    expect(item.case.person.name).toBe('Carlos Mejia');
  });

  it('halts a scheduled removal at boarding when a stay arrives, and when a new record brings one', async () => {
    const { caseId } = await casework.identify(officer, world.removable, 'Tier 1.');
    await approvedStep(caseId, 'open-case');
    await approvedStep(caseId, 'issue-notice');
    await casework.transition(officer, caseId, { transition: 'record-proceedings', reason: 'Court records.' });
    await casework.transition(officer, caseId, { transition: 'record-order', reason: 'Order.' });
    await approvedStep(caseId, 'schedule-removal', logistics, 'HND');
    const freeze = await casework.checkpoint(logistics, caseId, 'manifest-freeze');
    expect(freeze).toMatchObject({ gates: { clear: true }, halted: null });

    // A stay granted by the court minutes before boarding.
    const stayAt = new Date(clock + 30_000).toISOString();
    await addRecordTo(t.store.db, world.fixture, world.removable, 'stays', { name: { given: 'Carlos', surname: 'Mejia' }, dateOfBirth: '1985-02-11', events: [{ kind: 'stay', date: stayAt.slice(0, 10), at: stayAt, caseNumber: 'A100', grantedBy: 'federal-court' }] });
    const boarding = await casework.checkpoint(logistics, caseId, 'boarding');
    expect(boarding.gates.clear).toBe(false);
    expect(boarding.gates.holding.map((h) => h.gate)).toContain('stay-of-removal');
    expect(boarding.halted).toMatchObject({ transition: 'halt-removal', from: 'departure-pending-removal', to: 'order-final' });
    expect((await casework.summary(caseId, 'case-processing')).state).toBe('order-final');
    const refusedAgain = await refusal(approvedStep(caseId, 'schedule-removal', logistics, 'HND'));
    expect(refusedAgain.message).toMatch(/stay of removal/i);
  });

  it('re-checks open cases as records arrive: a stay halts the removal, a recorded exit closes the case', async () => {
    const watcher = new CaseWatcher(casework, (error) => { throw error; });
    const { caseId } = await casework.identify(officer, world.removable, 'Tier 1.');
    await approvedStep(caseId, 'open-case');
    await approvedStep(caseId, 'issue-notice');
    await casework.transition(officer, caseId, { transition: 'record-proceedings', reason: 'Court records.' });
    await casework.transition(officer, caseId, { transition: 'record-order', reason: 'Order.' });
    await approvedStep(caseId, 'schedule-removal', logistics, 'HND');
    const recordId = await addRecordTo(t.store.db, world.fixture, world.removable, 'stays', { name: { given: 'Carlos', surname: 'Mejia' }, events: [{ kind: 'stay', date: IsoDay.addDays(today, -1), caseNumber: 'A100', grantedBy: 'appeals-board' }] });
    watcher.notice({ kind: 'entity-updated', entityId: world.removable, recordIds: [recordId] });
    await watcher.idle();
    const halted = await casework.show(caseId, 'case-processing');
    expect(halted?.state).toBe('order-final');
    expect(halted?.history.at(-1)).toMatchObject({ transition: 'halt-removal', actor: { userId: 'system:casework' } });
    expect((await ledger(`case:${caseId}`)).at(-1)).toMatchObject({ actor: 'system:casework', role: 'system', action: 'case.transition', outcome: 'success' });

    const overdueCase = await casework.identify(officer, world.overdue, 'Tier 2: voluntary departure overstayed.');
    const exit = await addRecordTo(t.store.db, world.fixture, world.overdue, 'biometric-exit', { name: { given: 'Jorge', surname: 'Ramos' }, dateOfBirth: '1975-05-05', events: [{ kind: 'departure', date: today, evidence: 'biometric-exit', port: 'MIA' }] });
    watcher.notice({ kind: 'entity-updated', entityId: world.overdue, recordIds: [exit] });
    await watcher.idle();
    const closed = await casework.show(overdueCase.caseId, 'case-processing');
    expect(closed).toMatchObject({ state: 'closed', closure: 'departure-verified' });
    expect(closed?.history.slice(-2).map((e) => e.transition)).toEqual(['verify-departure', 'close']);
    expect(closed?.history.at(-1)?.evidence).toContainEqual({ kind: 'record', recordId: String(exit) });
  });

  it('lists departures due (with alerts), verified and overdue, and raises each alert once', async () => {
    const departures = new Departures(t.store, { now, alertDays: 14 });
    const { board, names } = await departures.board('departure-verification');
    expect(board.due.map((w) => Number(w.personId))).toEqual([world.departing]);
    expect(board.alerts.map((w) => [Number(w.personId), w.daysLeft])).toEqual([[world.departing, 10]]);
    expect(board.verified.map((w) => Number(w.personId))).toEqual([world.departed]);
    expect(board.overdue.map((w) => Number(w.personId))).toEqual([world.overdue]);
    expect(names[String(world.departing)]).toBe('Pedro Alvarez');
    expect(await departures.counts()).toMatchObject({ due: 1, alerts: 1, verified: 1, overdue: 1 });
    const first = await departures.sweep(casework);
    expect(first.alertsRaised.map((a) => a.entityId)).toEqual([world.departing]);
    expect((await departures.sweep(casework)).alertsRaised).toEqual([]);
    expect((await ledger('departures')).map((e) => [e.action, e.role])).toEqual([['departure.alert', 'system']]);
  });

  it('shows a reader only what their purpose permits, while the rules read every record', async () => {
    const { caseId } = await casework.identify(officer, world.removable, 'Tier 1.');
    const full = await casework.show(caseId, 'case-processing');
    const logisticsView = await casework.show(caseId, 'removal-logistics');
    expect(full?.person).toMatchObject({ withheldRecords: 0, sources: ['arrivals-departures', 'court-orders', 'criminal-dispositions'] });
    expect(logisticsView?.person).toMatchObject({ withheldRecords: 2, sources: ['court-orders'] });
    expect(full?.status.withheldFindings).toBe(0);
    expect(logisticsView?.status.withheldFindings).toBeGreaterThan(0);
    expect(logisticsView?.status.findings.every((f) => f.recordIds.every((id) => id === String(world.removableRecords[1])))).toBe(true);
    // The tier still rests on the conviction the logistics coordinator may not read.
    expect(logisticsView?.priority.outcome).toBe('tier-1');
  });
});
