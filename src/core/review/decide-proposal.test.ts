import { describe, expect, it } from 'vitest';
import { DocketError } from '../errors/index.js';
import { personOf, personWith, type EventInput } from '../status/testing/build-person.js';
import { decideProposal, matchConfidence, propose, type Proposal, type User } from './index.js';

const caseOfficer: User = { userId: 'officer.lee', roles: ['case-officer'] };
const reviewer: User = { userId: 'reviewer.okafor', roles: ['reviewing-officer'] };
const bothRoles: User = { userId: 'sup.garcia', roles: ['case-officer', 'reviewing-officer'] };
const logistics: User = { userId: 'logistics.ng', roles: ['logistics-coordinator'] };

const removable = personWith({ dateOfBirth: '1984-03-03' },
  { kind: 'arrival', date: '2018-05-01', classOfAdmission: 'B2', admitUntil: '2018-10-31' },
  { kind: 'court-case-opened', date: '2025-01-06', caseNumber: 'A1' },
  { kind: 'order', date: '2025-06-02', caseNumber: 'A1', outcome: 'removal', destination: 'GTM', appealWaived: true });

const proposal = (action: Proposal['action'] = 'schedule-removal', by: User = caseOfficer): Proposal =>
  propose({ proposalId: 'p1', caseId: 'c1', personId: 'person-1', action, at: '2025-07-01T09:00:00-04:00', reason: 'Final order since 2025-06-02.', destination: action === 'schedule-removal' ? 'GTM' : undefined }, by);

const approve = (p: Proposal, by: User = reviewer, person = removable, at = '2025-07-01T11:00:00-04:00') =>
  decideProposal(p, { reviewer: by, verdict: 'approve', reason: 'Checked the order and the gates.', at }, { person, priorDecisions: [] });

describe('proposing an adverse action', () => {
  it('needs the proposer role for the action', () => {
    expect(() => proposal('open-case', reviewer)).toThrow(DocketError);
    expect(() => proposal('open-case', reviewer)).toThrow(/needs the role case-officer/);
    expect(proposal('schedule-removal', logistics).proposedBy).toBe('logistics.ng');
    expect(() => proposal('issue-notice', logistics)).toThrow(/may not propose issue-notice/);
  });

  it('needs a reason, and a destination for removal', () => {
    expect(() => propose({ proposalId: 'p', caseId: 'c', personId: 'x', action: 'open-case', at: '2025-07-01T09:00:00Z', reason: ' ' }, caseOfficer)).toThrow(/needs a reason/);
    expect(() => propose({ proposalId: 'p', caseId: 'c', personId: 'x', action: 'schedule-removal', at: '2025-07-01T09:00:00Z', reason: 'r' }, caseOfficer)).toThrow(/destination/);
  });
});

describe('two-person review', () => {
  it('approves with a different reviewing officer, keeping the gate snapshot', () => {
    const outcome = approve(proposal());
    expect(outcome.kind).toBe('decided');
    if (outcome.kind === 'decided') {
      expect(outcome.decision).toMatchObject({ verdict: 'approved', proposedBy: 'officer.lee', reviewer: 'reviewer.okafor', gates: { clear: true, holding: [] }, matchBand: 'certain', destination: 'GTM' });
    }
  });

  it('refuses self-approval, even by someone holding both roles', () => {
    const outcome = approve(proposal('open-case', bothRoles), bothRoles);
    expect(outcome).toMatchObject({ kind: 'refused', refusals: [{ code: 'self-review' }] });
  });

  it('refuses self-rejection too: the proposer withdraws instead', () => {
    const p = proposal('open-case', bothRoles);
    const outcome = decideProposal(p, { reviewer: bothRoles, verdict: 'reject', reason: 'no', at: '2025-07-02T09:00:00Z' }, { person: removable, priorDecisions: [] });
    expect(outcome.kind).toBe('refused');
  });

  it('refuses a reviewer without the reviewing role', () => {
    const outcome = approve(proposal(), { userId: 'officer.kim', roles: ['case-officer'] });
    expect(outcome).toMatchObject({ kind: 'refused', refusals: [{ code: 'reviewer-role' }] });
  });

  it('refuses a second decision on the same proposal', () => {
    const p = proposal();
    const first = approve(p);
    if (first.kind !== 'decided') throw new Error('expected a decision');
    const second = decideProposal(p, { reviewer: { userId: 'reviewer.two', roles: ['reviewing-officer'] }, verdict: 'reject', reason: 'late', at: '2025-07-02T09:00:00Z' }, { person: removable, priorDecisions: [first.decision] });
    expect(second).toMatchObject({ kind: 'refused', refusals: [{ code: 'already-decided' }] });
  });

  it('refuses approval while a gate holds for the action, and says which', () => {
    const stayed = personWith({ dateOfBirth: '1984-03-03' }, ...removable.records.slice(1).flatMap((r) => r.record.events as EventInput[]),
      { kind: 'stay', date: '2025-06-30', grantedBy: 'appeals-board', caseNumber: 'A1' });
    const outcome = approve(proposal(), reviewer, stayed);
    expect(outcome.kind).toBe('refused');
    if (outcome.kind === 'refused') {
      expect(outcome.refusals.map((r) => r.code)).toEqual(['gate-holds']);
      expect(outcome.refusals[0]?.message).toContain('stay of removal');
    }
    // Rejecting is always possible.
    const rejected = decideProposal(proposal(), { reviewer, verdict: 'reject', reason: 'A stay is in effect.', at: '2025-07-01T11:00:00-04:00' }, { person: stayed, priorDecisions: [] });
    expect(rejected).toMatchObject({ kind: 'decided', decision: { verdict: 'rejected', gates: { clear: false, holding: ['stay-of-removal'] } } });
  });

  it('refuses approval while an uncertain link awaits a data steward, and allows it once confirmed', () => {
    const specs = [{ id: 'a', fields: { dateOfBirth: '1984-03-03' }, events: removable.records.flatMap((r) => r.record.events as EventInput[]) }, { id: 'b', fields: { dateOfBirth: '1984-03-03' } }];
    const unconfirmed = personOf(specs, { links: [{ recordIds: ['a', 'b'], band: 'uncertain', matchProbability: 0.62 }] });
    const refused = approve(proposal('open-case'), reviewer, unconfirmed);
    expect(refused).toMatchObject({ kind: 'refused', refusals: [{ code: 'uncertain-link' }] });
    expect(matchConfidence(unconfirmed)).toMatchObject({ band: 'uncertain-unconfirmed', lowestMatchProbability: 0.62 });

    const confirmed = personOf(specs, { links: [{ recordIds: ['a', 'b'], band: 'uncertain', matchProbability: 0.62, stewardConfirmation: { by: 'steward.ito', at: '2025-06-30T10:00:00Z' } }] });
    expect(approve(proposal('open-case'), reviewer, confirmed).kind).toBe('decided');
    expect(matchConfidence(confirmed).band).toBe('uncertain-confirmed');
  });

  it('reports every refusal at once', () => {
    const outcome = decideProposal(proposal('open-case', bothRoles), { reviewer: bothRoles, verdict: 'approve', reason: '', at: '2025-06-01T00:00:00Z' }, { person: removable, priorDecisions: [] });
    expect(outcome.kind === 'refused' ? outcome.refusals.map((r) => r.code) : []).toEqual(['self-review', 'reason-required', 'before-proposal']);
  });
});
