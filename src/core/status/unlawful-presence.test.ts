import { describe, expect, it } from 'vitest';
import { IsoDay } from '../calendar/index.js';
import { deriveStatus } from './index.js';
import { personWith, type EventInput } from './testing/build-person.js';

const adult = { dateOfBirth: '1990-04-02' };
const arrival = (date: string, admitUntil?: string, classOfAdmission = 'B2'): EventInput =>
  admitUntil === undefined ? { kind: 'arrival', date, classOfAdmission, durationOfStatus: true } : { kind: 'arrival', date, classOfAdmission, admitUntil };

describe('unlawful presence begins the day after the admit-until date (INA 212(a)(9)(B)(ii))', () => {
  const person = personWith(adult, arrival('2025-01-10', '2025-06-30'));

  it('counts nothing on the last authorized day', () => {
    const status = deriveStatus(person, '2025-06-30');
    expect(status.status).toBe('in-status');
    expect(status.unlawfulPresence.current?.unlawfulPresenceDays).toBe(0);
  });

  it('counts the first day after it', () => {
    const status = deriveStatus(person, '2025-07-01');
    expect(status.status).toBe('overstay');
    expect(status.unlawfulPresence.current?.unlawfulPresenceFrom).toBe('2025-07-01');
    expect(status.unlawfulPresence.current?.unlawfulPresenceDays).toBe(1);
    expect(status.basis).toMatchObject({ ruleId: 'unlawful-presence.start', recordIds: ['e1'] });
    expect(status.basis.citation).toContain('INA 212(a)(9)(B)(ii)');
  });

  it('does not read the visa expiry as the end of the stay (22 CFR 41.112)', () => {
    const withVisa = personWith(adult, { kind: 'visa-issued', date: '2024-12-01', visaClass: 'B2', validUntil: '2025-02-01' }, arrival('2025-01-10', '2025-06-30'));
    const status = deriveStatus(withVisa, '2025-03-01');
    expect(status.status).toBe('in-status');
    expect(status.findings.some((f) => f.ruleId === 'admission.visa-validity' && f.recordIds.includes('e1'))).toBe(true);
  });
});

describe('duration of status: unlawful presence only after a formal finding or a removal order', () => {
  it('does not start at the violation itself: the stay ends, the count does not begin', () => {
    const person = personWith(adult, arrival('2023-08-20', undefined, 'F1'), { kind: 'student-status', date: '2024-05-01', status: 'terminated' });
    expect(deriveStatus(person, '2024-04-30').status).toBe('in-status');
    const status = deriveStatus(person, '2026-01-01');
    expect(status.status).toBe('overstay');
    expect(status.basis.ruleId).toBe('admission.duration-of-status-ended');
    expect(status.unlawfulPresence.current?.unlawfulPresenceDays).toBe(0);
    expect(status.findings.some((f) => f.ruleId === 'unlawful-presence.duration-of-status')).toBe(true);
  });

  it('ends duration of status 60 days after an F program is completed, 30 for J (8 CFR 214.2(f)(5)(iv), (j)(1)(ii))', () => {
    const f1 = personWith(adult, arrival('2022-08-20', undefined, 'F1'), { kind: 'student-status', date: '2025-05-15', status: 'completed' });
    expect(deriveStatus(f1, '2025-07-14').status).toBe('in-status');
    expect(deriveStatus(f1, '2025-07-15')).toMatchObject({ status: 'overstay', unlawfulPresence: { current: { authorizedUntil: '2025-07-14', unlawfulPresenceDays: 0 } } });
    const j1 = personWith(adult, arrival('2022-08-20', undefined, 'J1'), { kind: 'student-status', date: '2025-05-15', status: 'completed' });
    expect(deriveStatus(j1, '2025-06-15').status).toBe('overstay');
  });

  it('keeps duration of status running when practical training was applied for', () => {
    const opt = personWith(adult, arrival('2022-08-20', undefined, 'F1'), { kind: 'benefit-application', date: '2025-03-01', form: 'I-765', decision: 'approved', decidedOn: '2025-05-01' }, { kind: 'student-status', date: '2025-05-15', status: 'completed' });
    const status = deriveStatus(opt, '2026-01-01');
    expect(status.status).toBe('in-status');
    expect(status.findings.some((f) => f.ruleId === 'admission.duration-of-status-ended' && f.explanation.includes('practical training'))).toBe(true);
  });

  it('starts the day after a formal finding of a violation', () => {
    const person = personWith(adult, arrival('2023-08-20', undefined, 'F1'), { kind: 'student-status', date: '2024-05-01', status: 'violation-found' });
    const status = deriveStatus(person, '2024-05-11');
    expect(status.status).toBe('overstay');
    expect(status.unlawfulPresence.current?.unlawfulPresenceFrom).toBe('2024-05-02');
    expect(status.unlawfulPresence.current?.unlawfulPresenceDays).toBe(10);
    expect(status.basis.ruleId).toBe('unlawful-presence.duration-of-status');
  });

  it('starts the day after a removal order', () => {
    const person = personWith(adult, arrival('2023-08-20', undefined, 'F1'), { kind: 'order', date: '2025-02-03', caseNumber: 'A1', outcome: 'removal' });
    expect(deriveStatus(person, '2025-02-13').unlawfulPresence.current?.unlawfulPresenceFrom).toBe('2025-02-04');
  });
});

describe('tolling', () => {
  it('stops the count while a timely extension is pending, and restarts the day after denial (INA 212(a)(9)(B)(iv))', () => {
    const pending = personWith(adult, arrival('2025-01-10', '2025-06-30'), { kind: 'benefit-application', date: '2025-06-20', form: 'I-539', decision: 'pending', timelyFiled: true });
    const during = deriveStatus(pending, '2025-09-01');
    expect(during.status).toBe('authorized-pending');
    expect(during.unlawfulPresence.current?.unlawfulPresenceDays).toBe(0);
    expect(during.basis.ruleId).toBe('unlawful-presence.tolling.extension');

    const denied = personWith(adult, arrival('2025-01-10', '2025-06-30'), { kind: 'benefit-application', date: '2025-06-20', form: 'I-539', decision: 'denied', decidedOn: '2025-09-01', timelyFiled: true });
    const after = deriveStatus(denied, '2025-09-11');
    expect(after.status).toBe('overstay');
    expect(after.unlawfulPresence.current?.unlawfulPresenceDays).toBe(10);
    // Before the denial date the same records read as pending.
    expect(deriveStatus(denied, '2025-08-01').status).toBe('authorized-pending');
  });

  it('does not toll for an untimely extension', () => {
    const person = personWith(adult, arrival('2025-01-10', '2025-06-30'), { kind: 'benefit-application', date: '2025-07-15', form: 'I-539', decision: 'pending', timelyFiled: false });
    const status = deriveStatus(person, '2025-07-20');
    expect(status.status).toBe('overstay');
    expect(status.unlawfulPresence.current?.unlawfulPresenceDays).toBe(20);
    expect(status.findings.some((f) => f.ruleId === 'unlawful-presence.tolling.extension' && f.explanation.includes('not timely'))).toBe(true);
  });

  it('counts no day under the age of 18 (INA 212(a)(9)(B)(iii)(I))', () => {
    const person = personWith({ dateOfBirth: '2010-03-01' }, arrival('2024-01-10', '2025-01-01'));
    const status = deriveStatus(person, '2028-03-10');
    expect(status.status).toBe('overstay');
    expect(status.unlawfulPresence.current?.unlawfulPresenceDays).toBe(10);
    expect(status.unlawfulPresence.tolling.find((p) => p.reason === 'minor')?.to).toBe('2028-02-29');
  });

  it('uses the latest of conflicting dates of birth, and says so', () => {
    const person = personWith({ dateOfBirth: '2009-03-01' }, arrival('2024-01-10', '2025-01-01'));
    const conflicting = { ...person, records: [...person.records, { recordId: 'r-dob', source: 'other', record: { ...person.records[0].record, dateOfBirth: '2010-03-01', events: [] } }] };
    const status = deriveStatus(conflicting, '2028-03-10');
    expect(status.unlawfulPresence.current?.unlawfulPresenceDays).toBe(10);
    expect(status.findings.some((f) => f.ruleId === 'record.conflict')).toBe(true);
  });

  it('counts no day while a bona fide asylum application is pending (INA 212(a)(9)(B)(iii)(II))', () => {
    const person = personWith(adult, arrival('2025-01-10', '2025-03-31'), { kind: 'benefit-application', date: '2025-05-01', form: 'I-589', decision: 'pending' });
    const status = deriveStatus(person, '2026-05-01');
    expect(status.status).toBe('authorized-pending');
    // 1 April to 30 April counted; the pendency from 1 May is not.
    expect(status.unlawfulPresence.current?.unlawfulPresenceDays).toBe(30);
  });

  it('counts no day while deferred action is in effect, and the person is protected', () => {
    const person = personWith(adult, arrival('2015-01-10', '2015-03-31'), { kind: 'deferred-action', date: '2015-04-11', until: '2027-04-10' });
    const status = deriveStatus(person, '2026-01-01');
    expect(status.status).toBe('protected');
    expect(status.unlawfulPresence.current?.unlawfulPresenceDays).toBe(10);
  });

  it('counts nothing while an adjustment application is pending', () => {
    const person = personWith(adult, arrival('2025-01-10', '2025-03-31'), { kind: 'benefit-application', date: '2025-03-01', form: 'I-485', decision: 'pending' });
    expect(deriveStatus(person, '2026-01-01')).toMatchObject({ status: 'authorized-pending', unlawfulPresence: { current: { unlawfulPresenceDays: 0 } } });
  });
});

describe('3-year and 10-year bars (INA 212(a)(9)(B)(i))', () => {
  const stayThenLeave = (days: number, extra: EventInput[] = []) => {
    const departure = IsoDay.addDays('2024-06-30', days);
    return personWith(adult, arrival('2024-01-10', '2024-06-30'), ...extra, { kind: 'departure', date: departure, evidence: 'biometric-exit' });
  };

  it('180 days: no bar', () => {
    const status = deriveStatus(stayThenLeave(180), '2025-06-01');
    expect(status.unlawfulPresence.sojourns[0]?.unlawfulPresenceDays).toBe(180);
    expect(status.unlawfulPresence.bars).toEqual([]);
    expect(status.status).toBe('departed');
  });

  it('181 days: the 3-year bar, from the departure', () => {
    const status = deriveStatus(stayThenLeave(181), '2025-06-01');
    expect(status.unlawfulPresence.bars).toMatchObject([{ bar: 'three-year', departedOn: '2024-12-28', until: '2027-12-28', inEffect: true, unlawfulPresenceDays: 181 }]);
    expect(status.unlawfulPresence.bars[0]?.finding.citation).toContain('212(a)(9)(B)(i)(I)');
  });

  it('364 days: still the 3-year bar; 365: the 10-year bar', () => {
    expect(deriveStatus(stayThenLeave(364), '2026-01-01').unlawfulPresence.bars[0]?.bar).toBe('three-year');
    const ten = deriveStatus(stayThenLeave(365), '2026-01-01').unlawfulPresence.bars[0];
    expect(ten).toMatchObject({ bar: 'ten-year', until: '2035-06-30' });
    expect(ten.finding.citation).toContain('212(a)(9)(B)(i)(II)');
  });

  it('no 3-year bar when the departure follows the start of removal proceedings; the 10-year bar has no such condition', () => {
    const opened: EventInput = { kind: 'court-case-opened', date: '2024-10-01', caseNumber: 'A1' };
    expect(deriveStatus(stayThenLeave(200, [opened]), '2026-01-01').unlawfulPresence.bars).toEqual([]);
    expect(deriveStatus(stayThenLeave(400, [opened]), '2026-01-01').unlawfulPresence.bars[0]?.bar).toBe('ten-year');
  });

  it('a bar ends on the anniversary', () => {
    expect(deriveStatus(stayThenLeave(181), '2027-12-28').unlawfulPresence.bars[0]?.inEffect).toBe(false);
  });

  it('tells which bar a departure today would bring', () => {
    const person = personWith(adult, arrival('2024-01-10', '2024-06-30'));
    expect(deriveStatus(person, IsoDay.addDays('2024-06-30', 181)).unlawfulPresence.barIfDepartingNow).toBe('three-year');
    expect(deriveStatus(person, IsoDay.addDays('2024-06-30', 365)).unlawfulPresence.barIfDepartingNow).toBe('ten-year');
    expect(deriveStatus(person, IsoDay.addDays('2024-06-30', 180)).unlawfulPresence.barIfDepartingNow).toBeUndefined();
  });
});
