import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseFile, Transition, TransitionKind } from '../core/cases/index.js';
import { DocketError } from '../core/errors/index.js';
import { AdverseAction } from '../core/gates/index.js';
import { CaseStore } from '../store/index.js';
import { openTestStore, testBackends, type TestStore } from '../store/testing/test-store.js';
import { CaseActor } from './case-actor.js';
import { Casework } from './casework.js';
import { addRecordTo, seedCaseWorld } from './testing/case-world.js';

const today = '2026-03-02';
const officer = CaseActor.of('officer.a', 'case-officer', 'case-processing');
const reviewer = CaseActor.of('reviewer.b', 'reviewing-officer', 'case-processing');
const logistics = CaseActor.of('logistics.c', 'logistics-coordinator', 'removal-logistics');
const dual: CaseActor = { user: { userId: 'dual.d', roles: ['case-officer', 'reviewing-officer'] }, audit: { ...officer.audit, actor: 'dual.d' } };
const actors = [officer, reviewer, logistics, dual];
const reviewers = new Set(['reviewer.b', 'dual.d']);

/**
 * One attempted operation: what, on which person or case, and a free choice. Most operations are made
 * by a user whose role fits them, so sequences get far enough to reach approved adverse steps; a stray
 * one is made by any user (`who`, an index into `actors`), so misuse is tried too.
 */
const operation = fc.record({
  op: fc.constantFrom('identify', 'propose', 'propose', 'propose', 'decide', 'decide', 'decide', 'carry-out', 'carry-out', 'step', 'step', 'checkpoint', 'stay', 'exit', 'recheck'),
  stray: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  who: fc.nat({ max: actors.length - 1 }),
  target: fc.nat(),
  choice: fc.nat(),
  atBoarding: fc.boolean(),
  verdict: fc.constantFrom('approve', 'approve', 'approve', 'reject'),
  hours: fc.integer({ min: 1, max: 72 }),
});
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

/** What one sequence reached, so the property can be shown not to hold vacuously. */
interface Reach {
  readonly approvedSteps: number;
  readonly removalsScheduled: number;
  readonly removalsHalted: number;
}

/** Refusals and conflicts are the rules working; anything else is a bug and fails the property. */
async function attempt(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!DocketError.is(error) || !['refused', 'conflict', 'not-found', 'invalid-input'].includes(error.code)) throw error;
  }
}

/** Plays `ops` against a freshly seeded case world in `t`, then checks every invariant; throws on a violation. */
async function playAndCheck(t: TestStore, ops: readonly Operation[], scheduleFirst: boolean): Promise<Reach> {
  const world = await seedCaseWorld(t.store.db, today);
  let clock = Date.parse(`${today}T09:00:00Z`);
  const casework = new Casework(t.store, { now: () => new Date(clock) });
  const people = [world.removable, world.uncertain, world.overstay, world.overdue, world.citizen, world.departing];
  const stayed = new Set<number>();
  const cases: number[] = [];
  let flights = 0;

  const run = async (o: Operation): Promise<void> => {
    clock += o.hours * 3_600_000;
    const now = new Date(clock).toISOString();
    const fitting = (a: CaseActor, b: CaseActor): CaseActor => (o.stray ? actors.at(o.who) ?? a : o.choice % 2 === 0 ? a : b);
    const person = people.at(o.target % people.length) ?? world.removable;
    // Operations on a case go to an open one (the store still refuses whatever the state does not allow).
    const open = (await CaseStore.list(t.store.db, { open: true, limit: 50 })).map((c) => c.caseId);
    const caseId = open.at(o.target % Math.max(1, open.length));
    switch (o.op) {
      case 'identify':
        await attempt(async () => { cases.push((await casework.identify(fitting(officer, dual), person, 'Identified under the policy.')).caseId); });
        return;
      case 'propose': {
        if (caseId === undefined) return;
        const row = await CaseStore.get(t.store.db, caseId);
        if (row === undefined) return;
        // Actions that can follow from the case's state are drawn more often; the rest are tried and refused.
        const possible = AdverseAction.filter((a) => Object.values(Transition).some((rule) => rule.action === a && (rule.from as readonly string[]).includes(row.state)));
        const choices = [...possible, ...possible, ...possible, ...possible, ...AdverseAction];
        const action = choices.at(o.choice % choices.length) ?? 'open-case';
        const by = action === 'schedule-removal' ? fitting(logistics, officer) : fitting(officer, dual);
        await attempt(() => casework.propose(by, caseId, { action, reason: `Proposing ${action}.`, ...(action === 'schedule-removal' ? { destination: 'HND' } : {}) }));
        return;
      }
      case 'decide': {
        const pending = await CaseStore.pendingProposals(t.store.db, 50);
        const chosen = pending.at(o.choice % Math.max(1, pending.length));
        if (chosen === undefined) return;
        await attempt(() => casework.decide(fitting(reviewer, dual), Number(chosen.proposal.proposalId), { verdict: o.verdict, reason: 'Reviewed the facts and gates.' }));
        return;
      }
      case 'step': {
        if (caseId === undefined) return;
        const row = await CaseStore.get(t.store.db, caseId);
        if (row === undefined) return;
        // Ending a case in the person's favour is drawn rarely, or few cases would live long enough to see an adverse step.
        const allowed = TransitionKind.filter((k) => k !== 'identify' && (k !== 'exit' || o.choice % 4 === 0) && (Transition[k].from as readonly string[]).includes(row.state));
        // Court steps come up more often, so cases reach a final order and the removal that may follow.
        const court = allowed.filter((k) => k === 'record-proceedings' || k === 'record-order' || k === 'record-finality');
        const choices = [...court, ...court, ...allowed];
        const transition = choices.at(o.choice % Math.max(1, choices.length));
        if (transition === undefined || transition === 'identify') return;
        const by = transition === 'schedule-removal' ? fitting(logistics, officer) : fitting(officer, dual);
        await attempt(() => casework.transition(by, caseId, { transition, reason: `Step ${transition}.`, ...(transition === 'exit' ? { closure: 'relief-granted', evidence: [{ kind: 'document', reference: 'order' }] } : {}) }));
        return;
      }
      case 'carry-out': {
        // The step an approved proposal waits for, on a case that has one (the gates are checked again all the same).
        const waiting: { caseId: number; action: AdverseAction }[] = [];
        for (const c of cases) {
          for (const p of await CaseStore.proposalsOf(t.store.db, c)) if (p.decision?.verdict === 'approved' && p.spentIn === undefined) waiting.push({ caseId: c, action: p.proposal.action });
        }
        const chosen = waiting.at(o.target % Math.max(1, waiting.length));
        const transition = TransitionKind.find((k) => Transition[k].action === chosen?.action);
        if (chosen === undefined || transition === undefined || transition === 'identify') return;
        const by = transition === 'schedule-removal' ? fitting(logistics, officer) : fitting(officer, dual);
        await attempt(() => casework.transition(by, chosen.caseId, { transition, reason: `Carrying out the approved ${chosen.action}.` }));
        return;
      }
      case 'checkpoint':
        if (caseId !== undefined) await attempt(() => casework.checkpoint(fitting(logistics, officer), caseId, o.atBoarding ? 'boarding' : 'manifest-freeze'));
        return;
      case 'stay': {
        // Half the stays go to someone whose removal is scheduled, when someone's is: the case the rule is for.
        const scheduled = (await CaseStore.list(t.store.db, { states: ['departure-pending-removal'], limit: 50 })).map((c) => c.entityId);
        const who = o.atBoarding ? scheduled.at(o.target % Math.max(1, scheduled.length)) ?? person : person;
        // Granted an hour ago, to the minute; the time makes each stay a record of its own.
        await addRecordTo(t.store.db, world.fixture, who, 'stays', {
          name: { given: 'X', surname: 'Y' }, events: [{ kind: 'stay', date: now.slice(0, 10), at: new Date(clock - 3_600_000).toISOString(), grantedBy: 'federal-court' }],
        });
        stayed.add(who);
        return;
      }
      case 'exit':
        await addRecordTo(t.store.db, world.fixture, person, 'biometric-exit', {
          name: { given: 'X', surname: 'Y' }, events: [{ kind: 'departure', date: now.slice(0, 10), evidence: 'biometric-exit', flight: `DK${++flights}` }],
        });
        return;
      case 'recheck':
        await casework.recheck(people);
        return;
    }
  };
  // Everyone is put forward once at the start (the citizen and the unprioritized are refused), so the operations have cases to work on.
  for (const person of people) await run({ op: 'identify', stray: false, who: 0, target: people.indexOf(person), choice: 0, atBoarding: false, verdict: 'approve', hours: 1 });
  // The court records of the person with a final order are entered at once, and in some runs their removal is
  // scheduled through the two-person review too, so stays, checkpoints and re-checks meet scheduled removals.
  const finalOrder = cases.at(0);
  if (finalOrder !== undefined) {
    for (const transition of ['record-proceedings', 'record-order'] as const) await casework.transition(officer, finalOrder, { transition, reason: 'Court records entered.' });
    if (scheduleFirst) {
      const proposal = await casework.propose(logistics, finalOrder, { action: 'schedule-removal', reason: 'Final order, no gate holds.', destination: 'HND' });
      await casework.decide(reviewer, proposal.proposalId, { verdict: 'approve', reason: 'Facts and gates checked.' });
      await casework.transition(logistics, finalOrder, { transition: 'schedule-removal', reason: 'Carrying out the approved removal.' });
    }
  }
  for (const o of ops) await run(o);
  clock += 3_600_000;
  await casework.recheck(people);

  let approvedSteps = 0;
  let removalsScheduled = 0;
  let removalsHalted = 0;
  for (const caseId of cases) {
    const row = await CaseStore.get(t.store.db, caseId);
    const events = await CaseStore.events(t.store.db, caseId);
    const file = CaseFile.replay(events);
    removalsScheduled += events.filter((e) => e.transition === 'schedule-removal').length;
    removalsHalted += events.filter((e) => e.transition === 'halt-removal').length;
    expect(row?.state, `case ${caseId} replays to its stored state`).toBe(file.state);
    expect(row?.events, `case ${caseId} counts its events`).toBe(events.length);

    const entries = await t.store.db.query<{ details: string }>(`SELECT details FROM audit_ledger WHERE target = $1 AND outcome = 'success'`, [`case:${caseId}`]);
    const logged = entries.flatMap((e) => {
      const transition = (JSON.parse(e.details) as { transition?: string | string[] }).transition;
      return transition === undefined ? [] : Array.isArray(transition) ? transition : [transition];
    });
    for (const kind of new Set(events.slice(1).map((e) => e.transition))) {
      expect(logged.filter((l) => l === kind).length, `every ${kind} step of case ${caseId} is in the ledger`).toBeGreaterThanOrEqual(events.filter((e) => e.transition === kind).length);
    }

    for (const event of events.filter((e) => Transition[e.transition].action !== undefined)) {
      const approval = event.approval;
      expect(approval, `${event.transition} on case ${caseId} carries its approval`).toBeDefined();
      if (approval === undefined) continue;
      expect(approval.approvedBy).not.toBe(approval.proposedBy);
      expect(reviewers.has(approval.approvedBy), `${approval.approvedBy} holds the reviewing role`).toBe(true);
      expect(event.gates?.clear, `${event.transition} on case ${caseId} ran with every gate clear`).toBe(true);
      const stored = await CaseStore.proposal(t.store.db, Number(approval.proposalId));
      expect(stored?.decision?.reviewer).toBe(approval.approvedBy);
      expect(stored?.proposal.proposedBy).toBe(approval.proposedBy);
      approvedSteps += 1;
    }
    // After the final re-check, nobody with a stay in effect is left scheduled for removal.
    if (row !== undefined && stayed.has(row.entityId)) expect(row.state, `case ${caseId} of a stayed person`).not.toBe('departure-pending-removal');
  }
  const selfDecided = await t.store.db.query('SELECT 1 FROM proposal_decisions d JOIN proposals p ON p.id = d.proposal_id WHERE d.reviewer = p.proposed_by');
  expect(selfDecided, 'no proposal was decided by its proposer').toHaveLength(0);
  return { approvedSteps, removalsScheduled, removalsHalted };
}

describe.each(testBackends)('casework invariants over random operation sequences on %s', (backend) => {
  // Each run works in a schema of its own, so its world, proposals and ledger are its own; these totals span the runs.
  const reached = { runs: 0, approvedSteps: 0, runsWithApprovedStep: 0, runsWithRemoval: 0, removalsHalted: 0 };

  it('every stored case replays, every adverse step was approved by a second person with the reviewing role and clear gates, each step is in the ledger, and no removal stays scheduled past a stay (property)', async () => {
    await fc.assert(fc.asyncProperty(fc.array(operation, { minLength: 30, maxLength: 80 }), fc.boolean(), async (ops, scheduleFirst) => {
      const t = await openTestStore(backend);
      try {
        const reach = await playAndCheck(t, ops, scheduleFirst);
        reached.runs += 1;
        reached.approvedSteps += reach.approvedSteps;
        if (reach.approvedSteps > 0) reached.runsWithApprovedStep += 1;
        if (reach.removalsScheduled > 0) reached.runsWithRemoval += 1;
        reached.removalsHalted += reach.removalsHalted;
      } finally {
        await t.dispose();
      }
    }), { numRuns: 20 });
  });

  it('reaches approved adverse steps and scheduled removals in a good share of sequences, and halts some, so the property is not vacuous', () => {
    expect(reached.runs).toBeGreaterThanOrEqual(20);
    expect(reached.runsWithApprovedStep).toBeGreaterThanOrEqual(Math.ceil(reached.runs / 4));
    expect(reached.runsWithRemoval).toBeGreaterThanOrEqual(Math.ceil(reached.runs / 5));
    expect(reached.removalsHalted).toBeGreaterThan(0);
  });
});
