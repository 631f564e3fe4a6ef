import { describe, expect, it } from 'vitest';
import { deriveStatus } from './index.js';
import { personWith, type EventInput } from './testing/build-person.js';

const adult = { dateOfBirth: '1985-02-11' };
const entry: EventInput = { kind: 'arrival', date: '2018-05-01', classOfAdmission: 'B2', admitUntil: '2018-10-31' };
const opened: EventInput = { kind: 'court-case-opened', date: '2025-11-03', caseNumber: 'A7' };
const grant = (date: string, deadline: string, stage: 'before-conclusion' | 'at-conclusion' = 'at-conclusion'): EventInput =>
  ({ kind: 'voluntary-departure-grant', date, caseNumber: 'A7', deadline, stage });
const vdOrder: EventInput = { kind: 'order', date: '2026-03-02', caseNumber: 'A7', outcome: 'voluntary-departure', destination: 'COL' };

describe('voluntary departure limits (INA 240B)', () => {
  it('accepts 120 days before the conclusion of proceedings', () => {
    const status = deriveStatus(personWith(adult, entry, opened, grant('2026-01-05', '2026-05-05', 'before-conclusion')), '2026-01-06');
    expect(status.voluntaryDepartures[0]).toMatchObject({ maximumDays: 120, exceedsLimit: false, state: 'running' });
    expect(status.status).toBe('voluntary-departure');
    expect(status.unsettled).toEqual([]);
  });

  it('sends 121 days before conclusion to a person, keeping the stated deadline', () => {
    const status = deriveStatus(personWith(adult, entry, opened, grant('2026-01-05', '2026-05-06', 'before-conclusion')), '2026-05-06');
    expect(status.voluntaryDepartures[0]).toMatchObject({ exceedsLimit: true, state: 'running' });
    expect(status.unsettled[0]?.citation).toContain('240B(a)(2)(A)');
  });

  it('accepts 60 days at the conclusion and flags 61', () => {
    expect(deriveStatus(personWith(adult, entry, opened, vdOrder, grant('2026-03-02', '2026-05-01')), '2026-03-03').voluntaryDepartures[0]?.exceedsLimit).toBe(false);
    const over = deriveStatus(personWith(adult, entry, opened, vdOrder, grant('2026-03-02', '2026-05-02')), '2026-03-03');
    expect(over.voluntaryDepartures[0]?.exceedsLimit).toBe(true);
    expect(over.unsettled[0]?.citation).toContain('240B(b)(2)');
  });
});

describe('voluntary departure outcomes', () => {
  const base = [entry, opened, vdOrder, grant('2026-03-02', '2026-05-01')];

  it('running: no removal, status voluntary-departure', () => {
    const status = deriveStatus(personWith(adult, ...base), '2026-05-01');
    expect(status.status).toBe('voluntary-departure');
    expect(status.finalRemovalOrder).toBeUndefined();
  });

  it('overstayed: the alternate order is final the next day, with ten years of ineligibility (INA 240B(d); 8 CFR 1241.1(f))', () => {
    const status = deriveStatus(personWith(adult, ...base), '2026-05-02');
    expect(status.status).toBe('final-order');
    expect(status.finalRemovalOrder?.since).toBe('2026-05-02');
    expect(status.voluntaryDepartures[0]).toMatchObject({ state: 'overstayed', ineligibleForReliefUntil: '2036-05-02' });
    expect(status.basis.citation).toContain('1241.1(f)');
  });

  it('complied: a departure within the period, with its evidence', () => {
    const status = deriveStatus(personWith(adult, ...base, { kind: 'departure', date: '2026-04-20', evidence: 'manifest' }, { kind: 'departure', date: '2026-04-20', evidence: 'biometric-exit' }), '2026-06-01');
    expect(status.status).toBe('departed');
    expect(status.voluntaryDepartures[0]?.state).toBe('complied');
    expect(status.voluntaryDepartures[0]?.departures.map((d) => d.evidence)).toEqual(['biometric-exit', 'manifest']);
    expect(status.finalRemovalOrder).toBeUndefined();
  });

  it('a departure after the deadline is not compliance: the order was already final', () => {
    const status = deriveStatus(personWith(adult, ...base, { kind: 'departure', date: '2026-05-10', evidence: 'departure-record' }), '2026-06-01');
    expect(status.voluntaryDepartures[0]?.state).toBe('overstayed');
    expect(status.status).toBe('departed');
  });

  it('a motion to reopen during the period ends the grant without the penalties (8 CFR 1240.26(e)(1))', () => {
    const status = deriveStatus(personWith(adult, ...base, { kind: 'motion-to-reopen', date: '2026-04-01', caseNumber: 'A7', decision: 'pending' }), '2026-04-02');
    expect(status.voluntaryDepartures[0]).toMatchObject({ state: 'terminated', terminatedBy: { by: 'motion-to-reopen', on: '2026-04-01' }, ineligibleForReliefUntil: undefined });
    expect(status.status).toBe('final-order');
    expect(status.finalRemovalOrder?.since).toBe('2026-04-01');
  });

  it('a petition for review during the period ends the grant (8 CFR 1240.26(i))', () => {
    const status = deriveStatus(personWith(adult, ...base, { kind: 'petition-for-review', date: '2026-04-01', caseNumber: 'A7' }), '2026-04-02');
    expect(status.voluntaryDepartures[0]?.terminatedBy?.by).toBe('petition-for-review');
    expect(status.findings.some((f) => f.ruleId === 'voluntary-departure.terminated' && f.citation.includes('1240.26(e)(1), (i)'))).toBe(true);
  });

  it('an appeal within the period stops it: no overstay while it is pending, and a person decides after', () => {
    const appealed = (decision: 'pending' | 'dismissed') => personWith(adult, ...base, decision === 'pending'
      ? { kind: 'appeal', date: '2026-03-20', caseNumber: 'A7', decision }
      : { kind: 'appeal', date: '2026-03-20', caseNumber: 'A7', decision, decidedOn: '2026-08-01' });
    const pending = deriveStatus(appealed('pending'), '2026-06-01');
    expect(pending.voluntaryDepartures[0]).toMatchObject({ state: 'suspended', ineligibleForReliefUntil: undefined });
    expect(pending.status).toBe('in-proceedings');
    expect(pending.finalRemovalOrder).toBeUndefined();
    const dismissed = deriveStatus(appealed('dismissed'), '2026-09-01');
    expect(dismissed.voluntaryDepartures[0]?.state).toBe('suspended');
    expect(dismissed.unsettled.map((f) => f.ruleId)).toEqual(['voluntary-departure.suspended']);
  });

  it('a grant before conclusion has no order and still governs', () => {
    const status = deriveStatus(personWith(adult, entry, opened, grant('2026-01-05', '2026-05-05', 'before-conclusion')), '2026-05-06');
    expect(status.status).toBe('final-order');
    expect(status.finalRemovalOrder?.since).toBe('2026-05-06');
  });

  it('reads the grant with its order even when the grant record carries an earlier date', () => {
    const status = deriveStatus(personWith(adult, entry, opened, vdOrder, grant('2026-02-20', '2026-04-20')), '2026-04-21');
    expect(status.voluntaryDepartures[0]?.state).toBe('overstayed');
    expect(status.unsettled).toEqual([]);
  });

  it('a voluntary-departure order without a recorded deadline is unsettled', () => {
    const status = deriveStatus(personWith(adult, entry, opened, vdOrder), '2026-03-03');
    expect(status.unsettled.map((f) => f.ruleId)).toEqual(['law.unsettled']);
  });
});
