import fc from 'fast-check';
import { BusinessCalendar, IsoDay } from '../../calendar/index.js';
import { dayIn } from '../../status/testing/arbitraries.js';
import type { EventInput } from '../../status/testing/build-person.js';

/**
 * A removal case drawn as plain parameters: one order, perhaps an appeal, a stay, TPS, a pending
 * application, a US passport. `mayRemoveOn` reads them straight from the regulations, without the
 * derivation code, so property tests can hold the gates and the case machine to it.
 */
export const removalScenario = fc.record({
  orderOn: dayIn('2024-02-01', '2025-12-31'),
  inAbsentia: fc.boolean(),
  appealWaived: fc.boolean(),
  appeal: fc.option(fc.record({ afterDays: fc.integer({ min: 0, max: 60 }), decision: fc.constantFrom('pending' as const, 'dismissed' as const, 'sustained' as const, 'remanded' as const), decidedAfter: fc.integer({ min: 1, max: 300 }) }), { nil: undefined, freq: 2 }),
  stay: fc.option(fc.record({ on: dayIn('2024-01-01', '2026-12-31'), lastsDays: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }), endedBy: fc.constantFrom('lifted' as const, 'until' as const) }), { nil: undefined, freq: 2 }),
  tps: fc.option(fc.record({ on: dayIn('2024-01-01', '2026-12-31'), lastsDays: fc.integer({ min: 0, max: 540 }) }), { nil: undefined, freq: 2 }),
  application: fc.option(fc.record({ on: dayIn('2024-01-01', '2026-12-31'), decidedAfter: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }) }), { nil: undefined, freq: 2 }),
  citizenshipOn: fc.option(dayIn('2024-01-01', '2026-12-31'), { nil: undefined, freq: 2 }),
});
export type RemovalScenario = typeof removalScenario extends fc.Arbitrary<infer T> ? T : never;

/** The records the scenario stands for, one event each. */
export function scenarioRecords(s: RemovalScenario): EventInput[] {
  const events: EventInput[] = [
    { kind: 'arrival', date: '2018-05-01', classOfAdmission: 'B2', admitUntil: '2018-10-31' },
    { kind: 'court-case-opened', date: '2024-01-02', caseNumber: 'A1' },
    { kind: 'order', date: s.orderOn, caseNumber: 'A1', outcome: 'removal', destination: 'HND', inAbsentia: s.inAbsentia, appealWaived: s.appealWaived },
  ];
  if (s.appeal !== undefined) {
    const filed = IsoDay.addDays(s.orderOn, s.appeal.afterDays);
    events.push(s.appeal.decision === 'pending'
      ? { kind: 'appeal', date: filed, caseNumber: 'A1', decision: 'pending' }
      : { kind: 'appeal', date: filed, caseNumber: 'A1', decision: s.appeal.decision, decidedOn: IsoDay.addDays(filed, s.appeal.decidedAfter) });
  }
  if (s.stay !== undefined) {
    const end = s.stay.lastsDays === undefined ? undefined : IsoDay.addDays(s.stay.on, s.stay.lastsDays);
    events.push({ kind: 'stay', date: s.stay.on, grantedBy: 'federal-court', ...(end === undefined ? {} : s.stay.endedBy === 'lifted' ? { lifted: end } : { until: end }) });
  }
  if (s.tps !== undefined) events.push({ kind: 'temporary-protected-status', date: s.tps.on, until: IsoDay.addDays(s.tps.on, s.tps.lastsDays) });
  if (s.application !== undefined) {
    const decidedOn = s.application.decidedAfter === undefined ? undefined : IsoDay.addDays(s.application.on, s.application.decidedAfter);
    events.push(decidedOn === undefined ? { kind: 'benefit-application', date: s.application.on, form: 'I-130', decision: 'pending' } : { kind: 'benefit-application', date: s.application.on, form: 'I-130', decision: 'denied', decidedOn });
  }
  if (s.citizenshipOn !== undefined) events.push({ kind: 'us-passport', date: s.citizenshipOn });
  return events;
}

const federal = BusinessCalendar.federal();

/** May removal to HND be scheduled on day `t`? Rule by rule, from the scenario's parameters. */
export function mayRemoveOn(s: RemovalScenario, t: string): boolean {
  if (s.citizenshipOn !== undefined && s.citizenshipOn <= t) return false; // INA 101(a)(3)
  if (s.orderOn > t) return false; // no order yet
  if (s.stay !== undefined && s.stay.on <= t && (s.stay.lastsDays === undefined || IsoDay.addDays(s.stay.on, s.stay.lastsDays) >= t)) return false;
  if (s.tps !== undefined && s.tps.on <= t && IsoDay.addDays(s.tps.on, s.tps.lastsDays) >= t) return false; // INA 244(a)(1)(A)
  if (s.application !== undefined && s.application.on <= t && (s.application.decidedAfter === undefined || IsoDay.addDays(s.application.on, s.application.decidedAfter) > t)) return false;

  // 8 CFR 1003.38(b): 30 days, then the next day that is not a weekend or federal holiday.
  let deadline = IsoDay.addDays(s.orderOn, 30);
  while (!BusinessCalendar.isBusinessDay(federal, deadline)) deadline = IsoDay.addDays(deadline, 1);
  const filed = s.appeal === undefined ? undefined : IsoDay.addDays(s.orderOn, s.appeal.afterDays);
  const appealKnown = filed !== undefined && filed <= t;
  const decidedOn = s.appeal === undefined || filed === undefined || s.appeal.decision === 'pending' ? undefined : IsoDay.addDays(filed, s.appeal.decidedAfter);
  const decisionNow = !appealKnown ? undefined : decidedOn !== undefined && decidedOn <= t ? s.appeal?.decision : 'pending';

  if (decisionNow === 'sustained' || decisionNow === 'remanded') return false; // order set aside
  if (s.inAbsentia || s.appealWaived) return decisionNow !== 'pending'; // final at once; a pending appeal is for a person
  if (decisionNow === undefined || filed === undefined) return t > deadline; // 8 CFR 1241.1(c)
  if (decisionNow === 'pending') return false; // timely: stayed (1003.6(a)); late: unsettled
  return filed <= deadline ? true : t > deadline; // dismissed: final (1241.1(a)), or final since expiry
}
