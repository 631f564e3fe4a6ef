import { describe, expect, it } from 'vitest';
import { decideProposal, propose, type ReviewDecision, type User } from '../review/index.js';
import type { ResolvedPerson } from '../status/index.js';
import { personWith, type EventInput } from '../status/testing/build-person.js';
import { CaseFile, decideTransition, haltBlockedRemoval, identifyCase, type TransitionDecision, type TransitionRequest } from './index.js';

const officer: User = { userId: 'officer.lee', roles: ['case-officer'] };
const reviewer: User = { userId: 'reviewer.okafor', roles: ['reviewing-officer'] };
const fields = { dateOfBirth: '1984-03-03', countryOfBirth: 'GTM' };
const history: EventInput[] = [
  { kind: 'arrival', date: '2018-05-01', classOfAdmission: 'B2', admitUntil: '2018-10-31' },
  { kind: 'court-case-opened', date: '2025-01-06', caseNumber: 'A1' },
  { kind: 'order', date: '2025-06-02', caseNumber: 'A1', outcome: 'removal', destination: 'GTM' },
  { kind: 'appeal', date: '2025-06-20', caseNumber: 'A1', decision: 'dismissed', decidedOn: '2025-10-01' },
];
const person = personWith(fields, ...history);

function accepted(decision: TransitionDecision): CaseFile {
  if (decision.kind !== 'accepted') throw new Error(`refused: ${decision.reasons.join(' | ')}`);
  return decision.file;
}

let proposals = 0;
function approved(file: CaseFile, action: ReviewDecision['action'], at: string, who: ResolvedPerson = person): ReviewDecision {
  proposals += 1;
  const proposal = propose({ proposalId: `p${proposals}`, caseId: file.caseId, personId: file.personId, action, at, reason: `Proposed ${action}.`, destination: action === 'schedule-removal' ? 'GTM' : undefined }, officer);
  const outcome = decideProposal(proposal, { reviewer, verdict: 'approve', reason: 'Reviewed.', at }, { person: who, priorDecisions: [] });
  if (outcome.kind !== 'decided') throw new Error(outcome.refusals.map((r) => r.message).join(' | '));
  return outcome.decision;
}

const step = (file: CaseFile, transition: TransitionRequest['transition'], at: string, extra: Partial<TransitionRequest> = {}, who: ResolvedPerson = person) =>
  decideTransition(file, { transition, actor: officer, at, reason: `Step ${transition}.`, ...extra }, who);

function identified(who: ResolvedPerson = person): CaseFile {
  return accepted(identifyCase({ caseId: 'case-1', actor: officer, at: '2025-02-01T09:00:00Z', reason: 'Tier 2 under policy default-2026.' }, who));
}

describe('the case state machine', () => {
  it('walks a case from identification to a verified departure, each step an event with actor, reason and evidence', () => {
    let file = identified();
    file = accepted(step(file, 'open-case', '2025-02-02T09:00:00Z', { approval: approved(file, 'open-case', '2025-02-02T08:00:00Z') }));
    file = accepted(step(file, 'issue-notice', '2025-02-03T09:00:00Z', { approval: approved(file, 'issue-notice', '2025-02-03T08:00:00Z') }));
    file = accepted(step(file, 'record-proceedings', '2025-02-04T09:00:00Z'));
    file = accepted(step(file, 'record-order', '2025-06-03T09:00:00Z'));
    expect(file.state).toBe('order-not-final');
    file = accepted(step(file, 'record-appeal', '2025-06-21T09:00:00Z'));
    expect(step(file, 'record-finality', '2025-09-01T09:00:00Z').kind).toBe('refused');
    file = accepted(step(file, 'record-finality', '2025-10-02T09:00:00Z'));
    file = accepted(step(file, 'schedule-removal', '2025-10-10T09:00:00Z', { approval: approved(file, 'schedule-removal', '2025-10-10T08:00:00Z') }));
    expect(file.state).toBe('departure-pending-removal');

    const departedPerson = personWith(fields, ...history, { kind: 'departure', date: '2025-10-20', evidence: 'biometric-exit', flight: 'XY100' });
    file = accepted(step(file, 'verify-departure', '2025-10-21T09:00:00Z', {}, departedPerson));
    file = accepted(step(file, 'close', '2025-10-21T10:00:00Z', {}, departedPerson));
    expect(file).toMatchObject({ state: 'closed', closure: 'departure-verified' });
    expect(file.events.map((e) => e.to)).toEqual(['identified', 'under-review', 'notice-issued', 'in-proceedings', 'order-not-final', 'appeal-pending', 'order-final', 'departure-pending-removal', 'departed-verified', 'closed']);

    const scheduling = file.events[7];
    expect(scheduling).toMatchObject({ actor: { userId: 'officer.lee' }, approval: { proposedBy: 'officer.lee', approvedBy: 'reviewer.okafor' }, gates: { check: 'schedule-removal', clear: true, holding: [] }, destination: 'GTM' });
    expect(file.events[8]?.evidence).toContainEqual({ kind: 'record', recordId: 'e5' });
    expect(CaseFile.replay(file.events)).toEqual(file);
  });

  it('refuses to schedule removal without an approval, with a spent one, or with one for another action', () => {
    const final = personWith(fields, ...history.slice(0, 3), { kind: 'order', date: '2025-06-02', caseNumber: 'A1', outcome: 'removal', destination: 'GTM', appealWaived: true });
    let file = identified(final);
    file = accepted(step(file, 'record-proceedings', '2025-06-03T09:00:00Z', {}, final));
    file = accepted(step(file, 'record-order', '2025-06-03T10:00:00Z', {}, final));
    expect(file.state).toBe('order-final');

    const none = step(file, 'schedule-removal', '2025-07-01T09:00:00Z', {}, final);
    expect(none).toMatchObject({ kind: 'refused', reasons: ['schedule-removal needs a proposal approved by a second person.'] });

    const wrong = step(file, 'schedule-removal', '2025-07-01T09:00:00Z', { approval: approved(file, 'request-detention', '2025-07-01T08:00:00Z', final) }, final);
    expect(wrong.kind === 'refused' ? wrong.reasons : []).toContain('Proposal p' + String(proposals) + ' approved request-detention, not schedule-removal.');

    const approval = approved(file, 'schedule-removal', '2025-07-01T08:00:00Z', final);
    file = accepted(step(file, 'schedule-removal', '2025-07-01T09:00:00Z', { approval }, final));
    file = accepted(decideTransition(file, { transition: 'halt-removal', actor: reviewer, at: '2025-07-02T09:00:00Z', reason: 'Carrier cancelled.' }, final));
    const reused = step(file, 'schedule-removal', '2025-07-03T09:00:00Z', { approval }, final);
    expect(reused.kind === 'refused' ? reused.reasons : []).toEqual([`Proposal ${approval.proposalId} has already been acted on.`]);
  });

  it('refuses an approval given by its own proposer, even if forged past the review rules', () => {
    const final = personWith(fields, ...history.slice(0, 2), { kind: 'order', date: '2025-06-02', caseNumber: 'A1', outcome: 'removal', destination: 'GTM', appealWaived: true });
    let file = identified(final);
    file = accepted(step(file, 'record-proceedings', '2025-06-03T09:00:00Z', {}, final));
    file = accepted(step(file, 'record-order', '2025-06-03T10:00:00Z', {}, final));
    const forged = { ...approved(file, 'schedule-removal', '2025-07-01T08:00:00Z', final), reviewer: 'officer.lee' };
    const outcome = step(file, 'schedule-removal', '2025-07-01T09:00:00Z', { approval: forged }, final);
    expect(outcome.kind === 'refused' ? outcome.reasons : []).toContain(`Proposal ${forged.proposalId} was approved by its own proposer.`);
  });

  it('re-checks the gates when the step is taken: a stay granted after the approval stops it', () => {
    const final = personWith(fields, ...history.slice(0, 2), { kind: 'order', date: '2025-06-02', caseNumber: 'A1', outcome: 'removal', destination: 'GTM', appealWaived: true });
    let file = identified(final);
    file = accepted(step(file, 'record-proceedings', '2025-06-03T09:00:00Z', {}, final));
    file = accepted(step(file, 'record-order', '2025-06-03T10:00:00Z', {}, final));
    const approval = approved(file, 'schedule-removal', '2025-07-01T08:00:00Z', final);
    const stayed = personWith(fields, ...history.slice(0, 2), { kind: 'order', date: '2025-06-02', caseNumber: 'A1', outcome: 'removal', destination: 'GTM', appealWaived: true },
      { kind: 'stay', date: '2025-07-01', at: '2025-07-01T08:30:00Z', grantedBy: 'federal-court' });
    const outcome = step(file, 'schedule-removal', '2025-07-01T09:00:00Z', { approval }, stayed);
    expect(outcome.kind).toBe('refused');
    expect(outcome.gates?.holding.map((r) => r.gate)).toEqual(['stay-of-removal']);
  });

  it('halts a scheduled removal as soon as a gate holds again, recording why', () => {
    const final = personWith(fields, ...history.slice(0, 2), { kind: 'order', date: '2025-06-02', caseNumber: 'A1', outcome: 'removal', destination: 'GTM', appealWaived: true });
    let file = identified(final);
    file = accepted(step(file, 'record-proceedings', '2025-06-03T09:00:00Z', {}, final));
    file = accepted(step(file, 'record-order', '2025-06-03T10:00:00Z', {}, final));
    file = accepted(step(file, 'schedule-removal', '2025-07-01T09:00:00Z', { approval: approved(file, 'schedule-removal', '2025-07-01T08:00:00Z', final) }, final));
    const system: User = { userId: 'service.scheduler', roles: ['logistics-coordinator'] };
    expect(haltBlockedRemoval(file, final, { actor: system, at: '2025-07-02T09:00:00Z' })).toBeUndefined();

    const stayed = personWith(fields, ...history.slice(0, 2), { kind: 'order', date: '2025-06-02', caseNumber: 'A1', outcome: 'removal', destination: 'GTM', appealWaived: true },
      { kind: 'stay', date: '2025-07-02', grantedBy: 'appeals-board', caseNumber: 'A1' });
    const halted = haltBlockedRemoval(file, stayed, { actor: system, at: '2025-07-02T09:00:00Z' });
    expect(halted?.kind).toBe('accepted');
    if (halted?.kind === 'accepted') {
      expect(halted.event).toMatchObject({ transition: 'halt-removal', from: 'departure-pending-removal', to: 'order-final', gates: { clear: false, holding: ['stay-of-removal'] } });
      expect(halted.event.evidence).toContainEqual({ kind: 'record', recordId: 'e4' });
      expect(halted.event.reason).toContain('stay of removal');
    }
  });

  it('refuses adverse steps while an uncertain link awaits a steward', () => {
    let file = identified();
    const approval = approved(file, 'open-case', '2025-02-02T08:00:00Z');
    const uncertain = { ...person, links: [{ recordIds: ['base', 'e1'] as [string, string], band: 'uncertain' as const, matchProbability: 0.7 }] };
    const outcome = step(file, 'open-case', '2025-02-02T09:00:00Z', { approval }, uncertain);
    expect(outcome.kind === 'refused' ? outcome.reasons : []).toEqual(['The person\'s records rest on uncertain links a data steward has not confirmed.']);
    file = accepted(step(file, 'open-case', '2025-02-02T09:00:00Z', { approval }));
    expect(file.state).toBe('under-review');
  });

  it('refuses court steps the records do not bear out', () => {
    const file = identified(personWith(fields, history[0]));
    expect(step(file, 'record-proceedings', '2025-02-04T09:00:00Z', {}, personWith(fields, history[0]))).toMatchObject({ kind: 'refused', reasons: ['No court record shows removal proceedings as of 2025-02-04.'] });
  });

  it('refuses a step earlier than the last, a missing role, an empty reason, and a step from the wrong state', () => {
    const file = identified();
    const outcome = decideTransition(file, { transition: 'record-order', actor: reviewer, at: '2025-01-01T00:00:00Z', reason: ' ' }, person);
    expect(outcome.kind === 'refused' ? outcome.reasons : []).toEqual([
      'reviewer.okafor needs the role case-officer.',
      'A reason is required.',
      '2025-01-01T00:00:00Z is earlier than the case\'s last event (2025-02-01T09:00:00Z).',
      'record-order is not possible from identified.',
    ]);
  });

  it('refuses to identify a person with an indication of citizenship', () => {
    const citizen = personWith({ ...fields, countryOfBirth: 'USA' }, ...history);
    const outcome = identifyCase({ caseId: 'case-2', actor: officer, at: '2025-02-01T09:00:00Z', reason: 'Tier 1.' }, citizen);
    expect(outcome.kind).toBe('refused');
    expect(outcome.gates?.referrals).toEqual(['counsel']);
  });

  it('exits in the person\'s favour from any open state, with evidence', () => {
    const file = identified();
    expect(step(file, 'exit', '2025-02-05T09:00:00Z', { closure: 'citizenship-or-residence-found' }).kind).toBe('refused');
    const closed = accepted(step(file, 'exit', '2025-02-05T09:00:00Z', { closure: 'citizenship-or-residence-found', evidence: [{ kind: 'document', reference: 'N-600 approval 2025-02-04' }] }));
    expect(closed).toMatchObject({ state: 'closed', closure: 'citizenship-or-residence-found' });
    expect(step(closed, 'open-case', '2025-02-06T09:00:00Z').kind).toBe('refused');
  });

  it('moves a voluntary departure through its period and its failure', () => {
    const vd = personWith(fields, history[0], history[1], { kind: 'order', date: '2025-06-02', caseNumber: 'A1', outcome: 'voluntary-departure' }, { kind: 'voluntary-departure-grant', date: '2025-06-02', caseNumber: 'A1', deadline: '2025-07-31', stage: 'at-conclusion' });
    let file = identified(vd);
    file = accepted(step(file, 'record-proceedings', '2025-06-01T09:00:00Z', {}, vd));
    expect(step(file, 'record-order', '2025-06-03T09:00:00Z', {}, vd).kind).toBe('refused');
    file = accepted(step(file, 'record-voluntary-departure', '2025-06-03T09:00:00Z', {}, vd));
    expect(step(file, 'record-voluntary-departure-failure', '2025-07-31T09:00:00Z', {}, vd).kind).toBe('refused');
    file = accepted(step(file, 'record-voluntary-departure-failure', '2025-08-01T09:00:00Z', {}, vd));
    expect(file.state).toBe('order-final');
  });
});

describe('case events', () => {
  it('are frozen and replay rejects a tampered history', () => {
    const file = identified();
    const next = accepted(step(file, 'exit', '2025-02-05T09:00:00Z', { closure: 'challenge-upheld', evidence: [{ kind: 'document', reference: 'decision 17' }] }));
    expect(Object.isFrozen(next.events[1])).toBe(true);
    expect(Object.isFrozen(next.events[1]?.evidence)).toBe(true);
    expect(() => CaseFile.replay([next.events[0], { ...next.events[1], sequence: 3 }])).toThrow(/expected event 2/);
    expect(() => CaseFile.replay([next.events[0], { ...next.events[1], from: 'order-final' }])).toThrow(/cannot move the case/);
    expect(() => CaseFile.replay([{ ...next.events[0], to: 'departure-pending-removal' }])).toThrow(/must begin with its identification/);
  });
});
