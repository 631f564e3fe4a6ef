import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IsoDay } from '../calendar/index.js';
import { checkRemovalCheckpoint } from '../gates/index.js';
import { mayRemoveOn, removalScenario, scenarioRecords } from '../gates/testing/removal-scenario.js';
import { decideProposal, propose, type ReviewDecision, type User } from '../review/index.js';
import { deriveStatus, type ResolvedPerson } from '../status/index.js';
import { anyEvent, dayIn } from '../status/testing/arbitraries.js';
import { personWith, type EventInput } from '../status/testing/build-person.js';
import { CaseFile, decideTransition, ExitReason, haltBlockedRemoval, identifyCase, Transition, TransitionKind } from './index.js';

const users: readonly User[] = [
  { userId: 'officer.a', roles: ['case-officer'] },
  { userId: 'officer.b', roles: ['case-officer', 'reviewing-officer'] },
  { userId: 'reviewer.c', roles: ['reviewing-officer'] },
  { userId: 'logistics.d', roles: ['logistics-coordinator'] },
];
const byId = new Map(users.map((u) => [u.userId, u]));
const [officer, dual, reviewer] = [users[0], users[1], users[2]];

/** One attempted step: which allowed move, how far on in time, by whom, and how its approval is obtained. */
const attempt = fc.record({
  choice: fc.nat(),
  advanceDays: fc.integer({ min: 0, max: 90 }),
  hour: fc.integer({ min: 0, max: 23 }),
  actor: fc.nat(),
  rightActor: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
  exitNow: fc.integer({ min: 0, max: 24 }).map((n) => n === 0),
  approval: fc.constantFrom('proper', 'proper', 'proper', 'proper', 'proper', 'none', 'self', 'forged-self', 'reuse', 'rejected'),
  closure: fc.constantFrom(...ExitReason),
});
type Attempt = typeof attempt extends fc.Arbitrary<infer T> ? T : never;

/**
 * Drives a case through random attempts: each picks one of the moves the transition table allows from the
 * current state, so histories get deep; approvals are proper, missing, self-given, forged, reused or rejected.
 */
function drive(person: ResolvedPerson, attempts: readonly Attempt[], afterEach?: (file: CaseFile, at: string) => void, reconcile = false): CaseFile | undefined {
  let day = '2024-01-03';
  const identified = identifyCase({ caseId: 'case-x', actor: officer, at: `${day}T08:00:00Z`, reason: 'Identified under policy.' }, person);
  if (identified.kind === 'refused') return undefined;
  let file = identified.file;
  let last: ReviewDecision | undefined;
  let proposals = 0;
  for (const a of attempts) {
    day = IsoDay.addDays(day, a.advanceDays);
    const at = `${day}T${String(a.hour).padStart(2, '0')}:00:00Z`;
    if (reconcile) {
      const halted = haltBlockedRemoval(file, person, { actor: users[3], at });
      if (halted?.kind === 'accepted') file = halted.file;
    }
    // Exits end a history at once, so they are drawn rarely.
    const allowed = TransitionKind.filter((k) => k !== 'identify' && (k !== 'exit' || a.exitNow) && (Transition[k].from as readonly string[]).includes(file.state));
    const kind = allowed[a.choice % allowed.length] as Exclude<TransitionKind, 'identify'> | undefined;
    if (kind === undefined) break;
    const action = Transition[kind].action;
    let approval: ReviewDecision | undefined;
    if (action !== undefined) {
      proposals += 1;
      const proposer = a.approval === 'self' ? dual : officer;
      const proposal = propose({ proposalId: `p${proposals}`, caseId: file.caseId, personId: file.personId, action, at, reason: 'r', destination: action === 'schedule-removal' ? 'HND' : undefined }, proposer);
      const decider = a.approval === 'self' ? dual : reviewer;
      const outcome = decideProposal(proposal, { reviewer: decider, verdict: a.approval === 'rejected' ? 'reject' : 'approve', reason: 'reviewed', at }, { person, priorDecisions: [] });
      const decided = outcome.kind === 'decided' ? outcome.decision : undefined;
      approval = a.approval === 'none' ? undefined
        : a.approval === 'reuse' ? last
          : a.approval === 'forged-self' && decided !== undefined ? { ...decided, reviewer: decided.proposedBy }
            : decided;
      last = decided ?? last;
    }
    const roles: readonly string[] = Transition[kind].roles;
    const actor = (a.rightActor ? users.find((u) => u.roles.some((r) => roles.includes(r))) : undefined) ?? users[a.actor % users.length];
    const decision = decideTransition(file, {
      transition: kind, actor, at, reason: `attempt ${kind}`, approval, closure: a.closure,
      evidence: kind === 'exit' ? [{ kind: 'document', reference: 'exhibit' }] : undefined,
    }, person);
    if (decision.kind === 'accepted') file = decision.file;
    afterEach?.(file, at);
  }
  return file;
}

const removalEvents = (file: CaseFile | undefined) => (file?.events ?? []).filter((e) => e.transition === 'schedule-removal');
const dayOf = (at: string) => at.slice(0, 10);

describe('no case reaches departure pending (removal) while any gate holds', () => {
  const histories = fc.record({ scenario: removalScenario, attempts: fc.array(attempt, { minLength: 10, maxLength: 60 }) });

  it('reaches removal in a good share of histories, so the property is not vacuous', () => {
    const reached = fc.sample(histories, { numRuns: 400, seed: 11 })
      .filter(({ scenario, attempts }) => removalEvents(drive(personWith({ dateOfBirth: '1980-01-01' }, ...scenarioRecords(scenario)), attempts)).length > 0).length;
    expect(reached).toBeGreaterThan(40);
  });

  it('every entry into departure-pending-removal is allowed by the independent oracle, approved by a second reviewing officer, and replays (property, 1,000 histories)', () => {
    fc.assert(fc.property(histories, ({ scenario, attempts }) => {
      const file = drive(personWith({ dateOfBirth: '1980-01-01' }, ...scenarioRecords(scenario)), attempts);
      if (file === undefined) return scenario.citizenshipOn !== undefined;
      for (const event of removalEvents(file)) {
        if (!mayRemoveOn(scenario, dayOf(event.at))) return false;
      }
      for (const event of file.events.filter((e) => Transition[e.transition].action !== undefined)) {
        const approvedBy = event.approval === undefined ? undefined : byId.get(event.approval.approvedBy);
        if (approvedBy === undefined || event.approval?.approvedBy === event.approval?.proposedBy || !approvedBy.roles.includes('reviewing-officer')) return false;
        if (event.gates?.clear !== true) return false;
      }
      expect(CaseFile.replay(file.events)).toEqual(file);
      return true;
    }), { numRuns: 1000 });
  });

  it('with every new moment reconciled, no case is left pending removal while the oracle forbids removal (property, 500 histories)', () => {
    fc.assert(fc.property(histories, ({ scenario, attempts }) => {
      let ok = true;
      drive(personWith({ dateOfBirth: '1980-01-01' }, ...scenarioRecords(scenario)), attempts, (file, at) => {
        if (file.state === 'departure-pending-removal' && !mayRemoveOn(scenario, dayOf(at))) ok = false;
      }, true);
      return ok;
    }), { numRuns: 500 });
  });

  it('on random records of every kind, nothing that stops removal holds when a case enters departure-pending-removal (property, 1,000 histories)', () => {
    const mixed = fc.record({
      events: fc.array(anyEvent, { maxLength: 16 }),
      order: fc.record({ on: dayIn('2024-01-05', '2025-06-30'), inAbsentia: fc.boolean() }),
      attempts: fc.array(attempt, { minLength: 10, maxLength: 60 }),
    });
    fc.assert(fc.property(mixed, ({ events, order, attempts }) => {
      // Every history carries one removal order, so some of them can reach removal.
      const records: EventInput[] = [...events, { kind: 'court-case-opened', date: '2024-01-04', caseNumber: 'A1' }, { kind: 'order', date: order.on, caseNumber: 'A1', outcome: 'removal', destination: 'HND', inAbsentia: order.inAbsentia, appealWaived: !order.inAbsentia }];
      const person = personWith({ dateOfBirth: '1980-01-01', countryOfBirth: 'HND' }, ...records);
      for (const event of removalEvents(drive(person, attempts))) {
        const status = deriveStatus(person, event.at);
        const running = status.voluntaryDepartures.some((vd) => vd.state === 'running');
        const pendingAppeal = status.courtCases.some((c) => c.pendingAppeal !== undefined);
        const protectedNow = status.protections.some((p) => p.type !== 'withholding' && p.type !== 'cat') || status.protections.some((p) => p.protectedCountry === undefined || p.protectedCountry === 'HND');
        const residence = status.permanentResidence !== undefined && status.permanentResidenceTerminated === undefined;
        if (status.citizenship.length > 0 || residence || status.finalRemovalOrder === undefined || status.stays.length > 0 || status.pendingApplications.length > 0
          || pendingAppeal || running || protectedNow || status.unsettled.length > 0) return false;
      }
      return true;
    }), { numRuns: 1000 });
  });
});

describe('stays re-checked before boarding (property)', () => {
  it('a stay in effect at the boarding instant always stops boarding, read directly from the stay record', () => {
    const boarding = fc.record({
      stayDay: dayIn('2025-07-01', '2025-07-20'), stayMinute: fc.integer({ min: 0, max: 24 * 60 - 1 }), timed: fc.boolean(),
      lifted: fc.option(dayIn('2025-07-01', '2025-08-31'), { nil: undefined }),
      boardDay: dayIn('2025-07-01', '2025-08-31'), boardMinute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    });
    const clock = (day: string, minute: number) => `${day}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00-04:00`;
    fc.assert(fc.property(boarding, (b) => {
      const stayAt = b.timed ? clock(b.stayDay, b.stayMinute) : undefined;
      const person = personWith({ dateOfBirth: '1980-01-01' },
        { kind: 'court-case-opened', date: '2025-01-02', caseNumber: 'A1' },
        { kind: 'order', date: '2025-06-02', caseNumber: 'A1', outcome: 'removal', destination: 'HND', appealWaived: true },
        { kind: 'stay', date: b.stayDay, grantedBy: 'federal-court', ...(stayAt === undefined ? {} : { at: stayAt }), ...(b.lifted === undefined ? {} : { lifted: b.lifted }) });
      const boardAt = clock(b.boardDay, b.boardMinute);
      const granted = stayAt === undefined ? b.stayDay <= b.boardDay : Date.parse(stayAt) <= Date.parse(boardAt);
      const inEffect = granted && (b.lifted === undefined || b.lifted >= b.boardDay);
      const report = checkRemovalCheckpoint(person, { checkpoint: 'boarding', at: boardAt, destination: 'HND' });
      return report.clear === !inEffect;
    }), { numRuns: 2000 });
  });
});
