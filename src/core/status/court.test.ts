import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../calendar/index.js';
import { appealDeadline, deriveStatus } from './index.js';
import { personWith, type EventInput } from './testing/build-person.js';

const federal = BusinessCalendar.federal();
const adult = { dateOfBirth: '1988-09-09' };
const entry: EventInput = { kind: 'arrival', date: '2019-05-01', classOfAdmission: 'B2', admitUntil: '2019-10-31' };
const opened: EventInput = { kind: 'court-case-opened', date: '2024-01-15', caseNumber: 'A1' };
const order = (date: string, extra: Partial<Extract<EventInput, { kind: 'order' }>> = {}): EventInput => ({ kind: 'order', date, caseNumber: 'A1', outcome: 'removal', destination: 'GTM', ...extra });
const caseOf = (...events: EventInput[]) => personWith(adult, entry, opened, ...events);

describe('appeal deadline: 30 calendar days, rolled past weekends and holidays (8 CFR 1003.38(b))', () => {
  it('keeps a weekday deadline', () => {
    expect(appealDeadline('2026-03-02', federal)).toBe('2026-04-01');
  });

  it('moves a Sunday deadline to Monday', () => {
    expect(appealDeadline('2026-06-05', federal)).toBe('2026-07-06');
  });

  it('moves a deadline on an observed holiday (Friday 3 July 2026) past the weekend', () => {
    expect(appealDeadline('2026-06-03', federal)).toBe('2026-07-06');
  });

  it('moves a deadline on Thanksgiving to Friday', () => {
    expect(appealDeadline('2026-10-27', federal)).toBe('2026-11-27');
  });

  it('reports the deadline with the order', () => {
    const status = deriveStatus(caseOf(order('2026-06-05')), '2026-06-10');
    expect(status.courtCases[0]?.order?.appealDeadline).toBe('2026-07-06');
    expect(status.findings.some((f) => f.ruleId === 'court.appeal-deadline' && f.citation === '8 CFR 1003.38(b)')).toBe(true);
  });
});

describe('finality of a removal order (8 CFR 1241.1)', () => {
  it('(c) not final while the appeal period runs, final the day after it expires', () => {
    const person = caseOf(order('2026-06-05'));
    const during = deriveStatus(person, '2026-07-06');
    expect(during.status).toBe('in-proceedings');
    expect(during.courtCases[0]?.posture).toBe('order-not-final');
    expect(during.stays.some((s) => s.ruleId === 'stay.automatic.appeal-period')).toBe(true);

    const after = deriveStatus(person, '2026-07-07');
    expect(after.status).toBe('final-order');
    expect(after.finalRemovalOrder).toMatchObject({ since: '2026-07-07', caseNumber: 'A1', destination: 'GTM' });
    expect(after.basis.ruleId).toBe('finality.appeal-period-expired');
    expect(after.stays).toEqual([]);
  });

  it('(b) final at once when appeal is waived', () => {
    const status = deriveStatus(caseOf(order('2026-06-05', { appealWaived: true })), '2026-06-05');
    expect(status.finalRemovalOrder?.since).toBe('2026-06-05');
    expect(status.basis.citation).toBe('8 CFR 1241.1(b)');
  });

  it('(a) final when the Board dismisses a timely appeal; stayed while it is pending (8 CFR 1003.6(a))', () => {
    const person = caseOf(order('2026-03-02'), { kind: 'appeal', date: '2026-03-20', caseNumber: 'A1', decision: 'dismissed', decidedOn: '2026-09-01' });
    const pending = deriveStatus(person, '2026-08-01');
    expect(pending.status).toBe('in-proceedings');
    expect(pending.stays.map((s) => s.ruleId)).toEqual(['stay.automatic.appeal-pending']);
    expect(pending.courtCases[0]?.pendingAppeal).toBeDefined();

    const dismissed = deriveStatus(person, '2026-09-01');
    expect(dismissed.status).toBe('final-order');
    expect(dismissed.finalRemovalOrder?.since).toBe('2026-09-01');
    expect(dismissed.basis.citation).toBe('8 CFR 1241.1(a)');
  });

  it('(e) an in absentia order is final at once and cannot be appealed', () => {
    const status = deriveStatus(caseOf(order('2026-03-02', { inAbsentia: true })), '2026-03-02');
    expect(status.status).toBe('final-order');
    expect(status.courtCases[0]?.order?.appealDeadline).toBeUndefined();
    expect(status.findings.some((f) => f.ruleId === 'court.in-absentia-not-appealable')).toBe(true);
    expect(status.basis.citation).toBe('8 CFR 1241.1(e)');
  });

  it('an appeal against an in absentia order is unsettled: a person decides', () => {
    const status = deriveStatus(caseOf(order('2026-03-02', { inAbsentia: true }), { kind: 'appeal', date: '2026-03-10', caseNumber: 'A1', decision: 'pending' }), '2026-04-01');
    expect(status.unsettled).toHaveLength(1);
    expect(status.unsettled[0]?.ruleId).toBe('law.unsettled');
  });

  it('a late appeal still pending is unsettled; the order is final from the expiry', () => {
    const status = deriveStatus(caseOf(order('2026-03-02'), { kind: 'appeal', date: '2026-04-10', caseNumber: 'A1', decision: 'pending' }), '2026-04-20');
    expect(status.finalRemovalOrder?.since).toBe('2026-04-02');
    expect(status.unsettled.map((f) => f.ruleId)).toEqual(['law.unsettled']);
    expect(status.courtCases[0]?.pendingAppeal).toBeDefined();
  });

  it('an appeal sustained or remanded sets the order aside: back in proceedings', () => {
    const status = deriveStatus(caseOf(order('2026-03-02'), { kind: 'appeal', date: '2026-03-20', caseNumber: 'A1', decision: 'remanded', decidedOn: '2026-07-01' }), '2026-07-02');
    expect(status.status).toBe('in-proceedings');
    expect(status.courtCases[0]?.posture).toBe('pending');
    expect(status.courtCases[0]?.order?.vacatedBy?.ruleId).toBe('court.order-vacated');
  });

  it('relief granted or termination leaves no removal order', () => {
    expect(deriveStatus(caseOf(order('2026-03-02', { outcome: 'relief-granted' })), '2026-05-01').status).toBe('protected');
    const terminated = deriveStatus(caseOf(order('2026-03-02', { outcome: 'terminated' })), '2026-05-01');
    expect(terminated.courtCases[0]?.posture).toBe('concluded');
    expect(terminated.status).toBe('overstay');
  });
});

describe('stays', () => {
  it('a motion to reopen an in absentia order stays removal automatically (8 CFR 1003.23(b)(4)(ii))', () => {
    const status = deriveStatus(caseOf(order('2026-03-02', { inAbsentia: true }), { kind: 'motion-to-reopen', date: '2026-04-01', caseNumber: 'A1', decision: 'pending' }), '2026-04-02');
    expect(status.stays.map((s) => s.ruleId)).toEqual(['stay.automatic.in-absentia-reopening']);
  });

  it('a motion to reopen any other order does not stay removal by itself', () => {
    const status = deriveStatus(caseOf(order('2026-03-02', { appealWaived: true }), { kind: 'motion-to-reopen', date: '2026-04-01', caseNumber: 'A1', decision: 'pending' }), '2026-04-02');
    expect(status.stays).toEqual([]);
  });

  it('a granted motion to reopen sets the order aside', () => {
    const status = deriveStatus(caseOf(order('2026-03-02', { inAbsentia: true }), { kind: 'motion-to-reopen', date: '2026-04-01', caseNumber: 'A1', decision: 'granted', decidedOn: '2026-05-01' }), '2026-05-02');
    expect(status.status).toBe('in-proceedings');
  });

  it('a petition for review does not stay removal by itself (INA 242(b)(3)(B)); a stay from the court does', () => {
    const petition: EventInput = { kind: 'petition-for-review', date: '2026-04-01', caseNumber: 'A1' };
    const without = deriveStatus(caseOf(order('2026-03-02', { appealWaived: true }), petition), '2026-04-02');
    expect(without.stays).toEqual([]);
    expect(without.findings.some((f) => f.ruleId === 'stay.petition-for-review')).toBe(true);

    const withStay = deriveStatus(caseOf(order('2026-03-02', { appealWaived: true }), petition, { kind: 'stay', date: '2026-04-03', caseNumber: 'A1', grantedBy: 'federal-court' }), '2026-04-03');
    expect(withStay.stays.map((s) => s.ruleId)).toEqual(['stay.granted']);
    expect(withStay.stays[0]?.recordIds).toEqual(['e5']);
  });

  it('a stay holds through its last day and the day it is lifted, then ends', () => {
    const person = caseOf(order('2026-03-02', { appealWaived: true }), { kind: 'stay', date: '2026-04-03', grantedBy: 'appeals-board', lifted: '2026-05-01' });
    expect(deriveStatus(person, '2026-05-01').stays).toHaveLength(1);
    expect(deriveStatus(person, '2026-05-02').stays).toHaveLength(0);
  });

  it('a stay granted at 09:30 is in effect at 09:55 the same day, not at 09:00', () => {
    const person = caseOf(order('2026-03-02', { appealWaived: true }), { kind: 'stay', date: '2026-04-03', grantedBy: 'federal-court', at: '2026-04-03T09:30:00-04:00' });
    expect(deriveStatus(person, '2026-04-03T09:55:00-04:00').stays).toHaveLength(1);
    expect(deriveStatus(person, '2026-04-03T09:00:00-04:00').stays).toHaveLength(0);
    // Read by day only, the whole day counts.
    expect(deriveStatus(person, '2026-04-03').stays).toHaveLength(1);
  });
});

describe('protections', () => {
  it('withholding of removal is protection from one country (INA 241(b)(3)(A))', () => {
    const status = deriveStatus(caseOf(order('2026-03-02', { outcome: 'withholding', protectedCountry: 'SLV', appealWaived: true })), '2026-04-01');
    expect(status.status).toBe('protected');
    expect(status.protections).toMatchObject([{ type: 'withholding', protectedCountry: 'SLV' }]);
    expect(status.finalRemovalOrder).toBeDefined();
  });

  it('CAT protection is protection from one country', () => {
    const status = deriveStatus(caseOf(order('2026-03-02', { outcome: 'cat-protection', protectedCountry: 'ERI', appealWaived: true })), '2026-04-01');
    expect(status.protections[0]).toMatchObject({ type: 'cat', protectedCountry: 'ERI' });
    expect(status.protections[0]?.finding.citation).toContain('1208.17');
  });

  it('Temporary Protected Status in effect protects; once expired it does not', () => {
    const person = caseOf(order('2026-03-02', { appealWaived: true }), { kind: 'temporary-protected-status', date: '2025-01-01', until: '2026-09-09', country: 'HND' });
    expect(deriveStatus(person, '2026-09-09').status).toBe('protected');
    expect(deriveStatus(person, '2026-09-10').status).toBe('final-order');
  });
});
