import { describe, expect, it } from 'vitest';
import { deriveStatus } from '../status/index.js';
import { personWith, type EventInput } from '../status/testing/build-person.js';
import { checkGates, checkRemovalCheckpoint, evaluateGates, type GateReport } from './index.js';

const adult = { dateOfBirth: '1984-03-03', countryOfBirth: 'GTM' };
const entry: EventInput = { kind: 'arrival', date: '2018-05-01', classOfAdmission: 'B2', admitUntil: '2018-10-31' };
const opened: EventInput = { kind: 'court-case-opened', date: '2025-01-06', caseNumber: 'A1' };
const finalOrder: EventInput = { kind: 'order', date: '2025-06-02', caseNumber: 'A1', outcome: 'removal', destination: 'GTM', appealWaived: true };
const removable = (...extra: EventInput[]) => personWith(adult, entry, opened, finalOrder, ...extra);
const holding = (report: GateReport) => report.holding.map((r) => r.gate);

describe('legal gates', () => {
  it('clear a final order with nothing else pending', () => {
    const report = checkGates(removable(), { check: 'schedule-removal', at: '2025-07-01' });
    expect(report.clear).toBe(true);
    expect(report.destination).toBe('GTM');
    expect(report.results.map((r) => r.gate)).toEqual(['citizenship', 'permanent-residence', 'pending-application', 'pending-appeal', 'stay-of-removal', 'no-final-order', 'protected-status', 'protected-country', 'open-deadline', 'unsettled']);
    expect(report.summary).toContain('Clear for schedule-removal');
  });

  it('hold on an indication of citizenship for every action, and refer to counsel', () => {
    for (const check of ['open-case', 'issue-notice', 'request-detention', 'schedule-removal'] as const) {
      const report = checkGates(removable({ kind: 'parent-citizenship', date: '2024-01-01', bornAbroadToCitizen: true }), { check, at: '2025-07-01' });
      expect(holding(report)).toContain('citizenship');
      expect(report.referrals).toContain('counsel');
      expect(report.holding.find((r) => r.gate === 'citizenship')?.recordIds).toEqual(['e4']);
      expect(report.summary).toMatch(/^Blocked for [a-z-]+ by indication of US citizenship or nationality.* Refer to counsel\.$/);
    }
  });

  it('hold for a permanent resident whose residence no final order has ended', () => {
    const resident = personWith(adult, { kind: 'permanent-residence', date: '2015-01-01' }, opened);
    expect(holding(checkGates(resident, { check: 'request-detention', at: '2025-07-01' }))).toEqual(['permanent-residence']);
    expect(holding(checkGates(resident, { check: 'schedule-removal', at: '2025-07-01' }))).toEqual(['permanent-residence', 'no-final-order']);
    // Ended by the final order: the gate opens, and says why.
    const ended = checkGates(personWith(adult, { kind: 'permanent-residence', date: '2015-01-01' }, opened, finalOrder), { check: 'schedule-removal', at: '2025-07-01' });
    expect(ended.clear).toBe(true);
    expect(ended.results.find((r) => r.gate === 'permanent-residence')?.explanation).toContain('Permanent residence (last shown on 2015-01-01) ended');
  });

  it('hold on a pending benefit application', () => {
    const report = checkGates(removable({ kind: 'benefit-application', date: '2025-06-20', form: 'I-130', decision: 'pending' }), { check: 'schedule-removal', at: '2025-07-01' });
    expect(holding(report)).toEqual(['pending-application']);
    expect(report.holding[0]?.explanation).toContain('I-130');
  });

  it('hold without a final order, and during the appeal period', () => {
    const notFinal = personWith(adult, entry, opened, { ...finalOrder, appealWaived: false });
    expect(holding(checkGates(notFinal, { check: 'schedule-removal', at: '2025-06-10' }))).toEqual(['stay-of-removal', 'no-final-order', 'open-deadline']);
    expect(checkGates(notFinal, { check: 'schedule-removal', at: '2025-07-03' }).clear).toBe(true);
  });

  it('hold while an appeal is pending', () => {
    const appealed = personWith(adult, entry, opened, { ...finalOrder, appealWaived: false }, { kind: 'appeal', date: '2025-06-20', caseNumber: 'A1', decision: 'pending' });
    expect(holding(checkGates(appealed, { check: 'schedule-removal', at: '2025-09-01' }))).toEqual(['pending-appeal', 'stay-of-removal', 'no-final-order']);
  });

  it('hold on a stay, and do not on a petition for review alone', () => {
    expect(checkGates(removable({ kind: 'petition-for-review', date: '2025-06-20', caseNumber: 'A1' }), { check: 'schedule-removal', at: '2025-07-01' }).clear).toBe(true);
    const stayed = checkGates(removable({ kind: 'stay', date: '2025-06-25', grantedBy: 'federal-court', caseNumber: 'A1' }), { check: 'schedule-removal', at: '2025-07-01' });
    expect(holding(stayed)).toEqual(['stay-of-removal']);
  });

  it('hold on TPS for removal and for detention; deferred action for removal only', () => {
    const tps = removable({ kind: 'temporary-protected-status', date: '2025-05-01', until: '2026-09-09', country: 'HND' });
    expect(holding(checkGates(tps, { check: 'request-detention', at: '2025-07-01' }))).toEqual(['protected-status']);
    expect(holding(checkGates(tps, { check: 'schedule-removal', at: '2025-07-01' }))).toEqual(['protected-status']);
    const deferred = removable({ kind: 'deferred-action', date: '2025-05-01' });
    expect(checkGates(deferred, { check: 'request-detention', at: '2025-07-01' }).clear).toBe(true);
    expect(holding(checkGates(deferred, { check: 'schedule-removal', at: '2025-07-01' }))).toEqual(['protected-status']);
  });

  it('treat withholding as a bar to one destination only (INA 241(b)(3))', () => {
    const withheld = personWith(adult, entry, opened, { ...finalOrder, outcome: 'withholding', protectedCountry: 'GTM', destination: undefined });
    const toGuatemala = checkGates(withheld, { check: 'schedule-removal', at: '2025-07-01', destination: 'GTM' });
    expect(holding(toGuatemala)).toEqual(['protected-country']);
    expect(toGuatemala.holding[0]?.citation).toContain('241(b)(3)(A)');
    expect(checkGates(withheld, { check: 'schedule-removal', at: '2025-07-01', destination: 'MEX' }).clear).toBe(true);
    // Without a destination nothing can be cleared.
    expect(holding(checkGates(withheld, { check: 'schedule-removal', at: '2025-07-01' }))).toEqual(['protected-country']);
  });

  it('hold while a voluntary-departure period runs', () => {
    const vd = personWith(adult, entry, opened, { kind: 'voluntary-departure-grant', date: '2025-06-02', caseNumber: 'A1', deadline: '2025-07-31', stage: 'at-conclusion' });
    expect(holding(checkGates(vd, { check: 'schedule-removal', at: '2025-07-31' }))).toEqual(['no-final-order', 'open-deadline']);
    expect(checkGates(vd, { check: 'schedule-removal', at: '2025-08-01' }).clear).toBe(true);
  });

  it('hold on anything unsettled and send it for legal review', () => {
    const report = checkGates(removable({ kind: 'appeal', date: '2025-06-10', caseNumber: 'A1', decision: 'pending' }), { check: 'schedule-removal', at: '2025-07-01' });
    expect(holding(report)).toContain('unsettled');
    expect(report.referrals).toEqual(['legal-review']);
  });

  it('do not guard opening a case or a notice on removal-only grounds', () => {
    const report = checkGates(personWith(adult, entry), { check: 'open-case', at: '2025-07-01' });
    expect(report.results.map((r) => r.gate)).toEqual(['citizenship']);
    expect(report.clear).toBe(true);
  });
});

describe('stays re-checked at manifest freeze and at boarding', () => {
  const stayedMinutesBefore = removable({ kind: 'stay', date: '2025-07-10', grantedBy: 'federal-court', caseNumber: 'A1', at: '2025-07-10T09:30:00-04:00' });

  it('a stay granted at 09:30 does not exist at the 07:00 freeze, and stops the 10:00 boarding', () => {
    const freeze = checkRemovalCheckpoint(stayedMinutesBefore, { checkpoint: 'manifest-freeze', at: '2025-07-10T07:00:00-04:00', destination: 'GTM' });
    expect(freeze.clear).toBe(true);
    const boarding = checkRemovalCheckpoint(stayedMinutesBefore, { checkpoint: 'boarding', at: '2025-07-10T10:00:00-04:00', destination: 'GTM' });
    expect(boarding.clear).toBe(false);
    expect(holding(boarding)).toEqual(['stay-of-removal']);
    expect(boarding.holding[0]?.explanation).toContain('2025-07-10T09:30:00-04:00');
  });

  it('compares instants across offsets', () => {
    const boarding = checkRemovalCheckpoint(stayedMinutesBefore, { checkpoint: 'boarding', at: '2025-07-10T13:45:00Z', destination: 'GTM' });
    expect(boarding.clear).toBe(false);
  });

  it('refuses a checkpoint without a time of day', () => {
    expect(() => checkRemovalCheckpoint(stayedMinutesBefore, { checkpoint: 'boarding', at: '2025-07-10', destination: 'GTM' })).toThrow(/date-time/);
    expect(() => evaluateGates(deriveStatus(stayedMinutesBefore, '2025-07-10'), { check: 'boarding' })).toThrow(/needs the time of day/);
  });
});
