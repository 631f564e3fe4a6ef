import { describe, expect, it } from 'vitest';
import { decideTransition, identifyCase, type CaseFile } from '../cases/index.js';
import type { User } from '../review/index.js';
import { personWith, type EventInput } from '../status/testing/build-person.js';
import { closeOnVerifiedDeparture, departureBoard, verifyDeparture, watchVoluntaryDepartures } from './index.js';

const officer: User = { userId: 'officer.lee', roles: ['case-officer'] };
const service: User = { userId: 'service.departures', roles: ['case-officer'] };
const base: EventInput[] = [
  { kind: 'arrival', date: '2018-05-01', classOfAdmission: 'B2', admitUntil: '2018-10-31' },
  { kind: 'court-case-opened', date: '2025-11-03', caseNumber: 'A7' },
  { kind: 'order', date: '2026-03-02', caseNumber: 'A7', outcome: 'voluntary-departure' },
  { kind: 'voluntary-departure-grant', date: '2026-03-02', caseNumber: 'A7', deadline: '2026-05-01', stage: 'at-conclusion' },
];
const granted = (...more: EventInput[]) => personWith({ dateOfBirth: '1985-02-11' }, ...base, ...more);
const exit = (date: string, evidence: 'biometric-exit' | 'manifest' | 'departure-record'): EventInput => ({ kind: 'departure', date, evidence });

describe('voluntary-departure monitoring', () => {
  it('is due while the period runs, with an alert inside the window', () => {
    const [early] = watchVoluntaryDepartures(granted(), { at: '2026-04-01', alertDays: 14 });
    expect(early).toMatchObject({ state: 'due', daysLeft: 30, alert: false, caseNumber: 'A7', deadline: '2026-05-01' });
    const [late] = watchVoluntaryDepartures(granted(), { at: '2026-04-17', alertDays: 14 });
    expect(late).toMatchObject({ state: 'due', daysLeft: 14, alert: true });
  });

  it('is verified by exit records within the period, strongest evidence first, in words the person can read', () => {
    const [watch] = watchVoluntaryDepartures(granted(exit('2026-04-20', 'manifest'), exit('2026-04-20', 'biometric-exit'), exit('2026-04-20', 'departure-record')), { at: '2026-04-25', alertDays: 14 });
    expect(watch.state).toBe('verified');
    expect(watch.verification?.evidence.map((e) => e.evidence)).toEqual(['biometric-exit', 'manifest', 'departure-record']);
    expect(watch.verification?.statement).toBe('Your departure on 2026-04-20 was recorded by a biometric exit confirmation and an airline departure manifest and a departure record. It was within your voluntary-departure period, which ended on 2026-05-01.');
  });

  it('is overdue after the deadline without an exit, and departed-late with one', () => {
    expect(watchVoluntaryDepartures(granted(), { at: '2026-05-04', alertDays: 14 })[0]).toMatchObject({ state: 'overdue', daysLeft: -3, alert: false });
    const late = watchVoluntaryDepartures(granted(exit('2026-05-10', 'manifest')), { at: '2026-05-20', alertDays: 14 })[0];
    expect(late).toMatchObject({ state: 'departed-late', verification: { voluntaryDeparture: { timely: false } } });
  });

  it('is suspended while an appeal received within the period is pending', () => {
    const [watch] = watchVoluntaryDepartures(granted({ kind: 'appeal', date: '2026-03-20', caseNumber: 'A7', decision: 'pending' }), { at: '2026-05-10', alertDays: 14 });
    expect(watch).toMatchObject({ state: 'suspended', alert: false });
  });

  it('has ended when a motion to reopen ended the grant', () => {
    expect(watchVoluntaryDepartures(granted({ kind: 'motion-to-reopen', date: '2026-04-01', caseNumber: 'A7', decision: 'pending' }), { at: '2026-04-10', alertDays: 14 })[0]?.state).toBe('ended');
  });

  it('ignores an exit before the grant', () => {
    const [watch] = watchVoluntaryDepartures(granted(exit('2026-02-01', 'manifest')), { at: '2026-04-10', alertDays: 14 });
    expect(watch.state).toBe('due');
    expect(verifyDeparture(granted(exit('2026-02-01', 'manifest')), { at: '2026-04-10' })).toBeUndefined();
  });

  it('lists due (soonest first), alerts, verified and overdue for the dashboard', () => {
    const people = [
      { ...granted(), personId: 'p-due-later' },
      { ...personWith({}, ...base.slice(0, 3), { kind: 'voluntary-departure-grant', date: '2026-03-02', caseNumber: 'A7', deadline: '2026-04-12', stage: 'at-conclusion' }), personId: 'p-due-soon' },
      { ...granted(exit('2026-04-01', 'biometric-exit')), personId: 'p-verified' },
      { ...personWith({}, ...base.slice(0, 3), { kind: 'voluntary-departure-grant', date: '2026-03-02', caseNumber: 'A7', deadline: '2026-04-01', stage: 'at-conclusion' }), personId: 'p-overdue' },
    ];
    const board = departureBoard(people, { at: '2026-04-05', alertDays: 10 });
    expect(board.due.map((w) => w.personId)).toEqual(['p-due-soon', 'p-due-later']);
    expect(board.alerts.map((w) => w.personId)).toEqual(['p-due-soon']);
    expect(board.verified.map((w) => w.personId)).toEqual(['p-verified']);
    expect(board.overdue.map((w) => w.personId)).toEqual(['p-overdue']);
    expect(() => departureBoard(people, { at: '2026-04-05', alertDays: -1 })).toThrow(/alertDays/);
  });
});

describe('closing a case on a verified departure', () => {
  function pendingVoluntary(person = granted()): CaseFile {
    const identified = identifyCase({ caseId: 'c1', actor: officer, at: '2026-01-05T09:00:00Z', reason: 'Identified.' }, person);
    if (identified.kind !== 'accepted') throw new Error(identified.reasons.join(' '));
    const proceedings = decideTransition(identified.file, { transition: 'record-proceedings', actor: officer, at: '2026-01-06T09:00:00Z', reason: 'NTA filed.' }, person);
    if (proceedings.kind !== 'accepted') throw new Error(proceedings.reasons.join(' '));
    const vd = decideTransition(proceedings.file, { transition: 'record-voluntary-departure', actor: officer, at: '2026-03-03T09:00:00Z', reason: 'Granted at conclusion.' }, person);
    if (vd.kind !== 'accepted') throw new Error(vd.reasons.join(' '));
    return vd.file;
  }

  it('verifies and closes with the exit records attached', () => {
    const person = granted(exit('2026-04-20', 'manifest'), exit('2026-04-20', 'biometric-exit'));
    const result = closeOnVerifiedDeparture(pendingVoluntary(person), person, { actor: service, at: '2026-04-21T06:00:00Z' });
    expect(result.kind).toBe('closed');
    if (result.kind === 'closed') {
      expect(result.file).toMatchObject({ state: 'closed', closure: 'departure-verified' });
      expect(result.events.map((e) => e.transition)).toEqual(['verify-departure', 'close']);
      expect(result.events[0]?.evidence).toEqual([{ kind: 'record', recordId: 'e5' }, { kind: 'record', recordId: 'e6' }]);
      expect(result.events[0]?.reason).toContain('within your voluntary-departure period');
    }
  });

  it('does not close without an exit, nor when a later arrival shows the person came back', () => {
    const file = pendingVoluntary();
    expect(closeOnVerifiedDeparture(file, granted(), { actor: service, at: '2026-04-21T06:00:00Z' })).toEqual({ kind: 'not-closed', reasons: ['No exit is recorded for this case yet.'] });
    const back = granted(exit('2026-04-20', 'manifest'), { kind: 'arrival', date: '2026-04-25', classOfAdmission: 'B2', admitUntil: '2026-10-24' });
    const result = closeOnVerifiedDeparture(file, back, { actor: service, at: '2026-04-26T06:00:00Z' });
    expect(result.kind).toBe('not-closed');
  });
});
