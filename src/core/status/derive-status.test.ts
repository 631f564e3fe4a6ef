import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IsoDay, Moment } from '../calendar/index.js';
import { deriveStatus, LegalRule } from './index.js';
import { anyHistory, citizenshipProof, dayIn } from './testing/arbitraries.js';
import { personWith } from './testing/build-person.js';

const adverse = new Set(['overstay', 'in-proceedings', 'voluntary-departure', 'final-order']);

describe('deriveStatus headline', () => {
  it('is undetermined, not an overstay, when no arrival or status is recorded', () => {
    const status = deriveStatus(personWith({ dateOfBirth: '1990-01-01', countryOfBirth: 'MEX' }, { kind: 'criminal-disposition', date: '2024-01-01', offenceCategory: 'traffic', disposition: 'convicted' }), '2026-01-01');
    expect(status.status).toBe('undetermined');
    expect(status.basis.ruleId).toBe('status.undetermined');
    expect(status.convictions).toMatchObject([{ offenceCategory: 'traffic', recordId: 'e1' }]);
  });

  it('is undetermined when the arrival gives no period', () => {
    const status = deriveStatus(personWith({}, { kind: 'arrival', date: '2024-01-01', classOfAdmission: 'PAROLE' }), '2026-01-01');
    expect(status.status).toBe('undetermined');
  });

  it('is departed when the last movement is a departure', () => {
    const status = deriveStatus(personWith({}, { kind: 'arrival', date: '2024-01-01', classOfAdmission: 'B2', admitUntil: '2024-06-30' }, { kind: 'departure', date: '2024-06-01', evidence: 'manifest' }), '2026-01-01');
    expect(status.status).toBe('departed');
    expect(status.departed).toMatchObject({ date: '2024-06-01', evidence: 'manifest', recordId: 'e2' });
  });

  it('is not departed when later records need presence: the return was not recorded', () => {
    const person = personWith({}, { kind: 'arrival', date: '2016-09-28', classOfAdmission: 'B2', admitUntil: '2017-03-27' }, { kind: 'departure', date: '2017-03-08', evidence: 'biometric-exit' },
      { kind: 'court-case-opened', date: '2023-06-18', caseNumber: 'A5' }, { kind: 'hearing', date: '2024-01-21', caseNumber: 'A5', attended: true },
      { kind: 'order', date: '2025-02-16', caseNumber: 'A5', outcome: 'removal', destination: 'CAN' });
    const status = deriveStatus(person, '2025-06-30');
    expect(status.status).toBe('final-order');
    expect(status.departed).toBeUndefined();
    expect(status.findings.find((f) => f.ruleId === 'movement.present-after-departure')?.recordIds).toEqual(['e2', 'e4']);
    // A hearing missed proves nothing.
    const missed = personWith({}, { kind: 'departure', date: '2017-03-08', evidence: 'manifest' }, { kind: 'hearing', date: '2024-01-21', caseNumber: 'A5', attended: false });
    expect(deriveStatus(missed, '2025-06-30').status).toBe('departed');
  });

  it('lets a later arrival record supersede an approved extension, and a same-day I-94 a change of status', () => {
    const person = personWith({}, { kind: 'arrival', date: '2016-11-17', classOfAdmission: 'H1B', admitUntil: '2019-11-17' },
      { kind: 'benefit-application', date: '2019-09-06', form: 'I-129', decision: 'approved', decidedOn: '2020-08-12', timelyFiled: true },
      { kind: 'arrival', date: '2020-08-12', classOfAdmission: 'H1B', admitUntil: '2023-08-12' },
      { kind: 'status-change', date: '2020-08-12', toClass: 'H1B' });
    const status = deriveStatus(person, '2024-01-01');
    expect(status.status).toBe('overstay');
    expect(status.unlawfulPresence.current?.unlawfulPresenceFrom).toBe('2023-08-13');
  });

  it('reads deferred action from its grant records when they exist, not from the approval alone', () => {
    const person = personWith({}, { kind: 'benefit-application', date: '2019-01-01', form: 'I-821D', decision: 'approved', decidedOn: '2019-02-19' }, { kind: 'deferred-action', date: '2019-02-19', until: '2021-02-18' });
    expect(deriveStatus(person, '2021-02-18').status).toBe('protected');
    expect(deriveStatus(person, '2021-02-19').status).toBe('undetermined');
  });

  it('reads events dated after the moment as not yet known', () => {
    const person = personWith({}, { kind: 'arrival', date: '2024-01-01', classOfAdmission: 'B2', admitUntil: '2024-06-30' }, { kind: 'naturalization', date: '2030-01-01' });
    expect(deriveStatus(person, '2026-01-01').status).toBe('overstay');
    expect(deriveStatus(person, '2030-01-01').status).toBe('citizen');
  });

  it('gives the age from the latest date of birth', () => {
    expect(deriveStatus(personWith({ dateOfBirth: '2000-02-29' }), '2026-02-28').age).toEqual({ years: 25, dateOfBirth: '2000-02-29' });
  });
});

describe('deriveStatus properties', () => {
  const person = (history: { fields: Parameters<typeof personWith>[0]; events: Parameters<typeof personWith>[1][] }) => personWith(history.fields, ...history.events);

  it('never concludes an adverse status for anyone with proof of citizenship (property)', () => {
    fc.assert(fc.property(anyHistory, citizenshipProof, dayIn('2015-01-01', '2031-12-31'), (history, proof, day) => {
      const status = deriveStatus(person({ ...history, events: [...history.events, proof] }), day);
      return day < proof.date || status.status === 'citizen';
    }), { numRuns: 500 });
  });

  it('never concludes an adverse status for a permanent resident without a later final removal order (property)', () => {
    fc.assert(fc.property(anyHistory, dayIn('2015-01-01', '2025-12-31'), dayIn('2015-01-01', '2031-12-31'), (history, grantedOn, day) => {
      const status = deriveStatus(person({ ...history, events: [...history.events, { kind: 'permanent-residence', date: grantedOn }] }), day);
      if (day < grantedOn) return true;
      if (status.permanentResidenceTerminated !== undefined) return status.finalRemovalOrder !== undefined && status.finalRemovalOrder.since >= grantedOn;
      return status.status === 'citizen' || status.status === 'permanent-resident';
    }), { numRuns: 500 });
  });

  it('cites a known rule and only the person\'s own records in every finding (property)', () => {
    fc.assert(fc.property(anyHistory, dayIn(), (history, day) => {
      const p = person(history);
      const ids = new Set(p.records.map((r) => r.recordId));
      const status = deriveStatus(p, day);
      return [status.basis, ...status.findings].every((f) => f.citation === LegalRule[f.ruleId].citation && f.recordIds.every((id) => ids.has(id)) && f.explanation.length > 0);
    }), { numRuns: 500 });
  });

  it('counts unlawful presence between zero and the days since arrival (property)', () => {
    fc.assert(fc.property(anyHistory, dayIn(), (history, day) => {
      const current = deriveStatus(person(history), day).unlawfulPresence.current;
      const arrived = current?.arrival?.event.date;
      if (current?.unlawfulPresenceDays === undefined || arrived === undefined) return true;
      return current.unlawfulPresenceDays >= 0 && current.unlawfulPresenceDays <= IsoDay.daysBetween(arrived, day);
    }), { numRuns: 500 });
  });

  it('never counts more unlawful presence when a pending asylum application is added (property)', () => {
    fc.assert(fc.property(anyHistory, dayIn(), dayIn(), (history, filedOn, day) => {
      const before = deriveStatus(person(history), day).unlawfulPresence.current?.unlawfulPresenceDays ?? 0;
      const after = deriveStatus(person({ ...history, events: [...history.events, { kind: 'benefit-application', date: filedOn, form: 'I-589', decision: 'pending' }] }), day).unlawfulPresence.current?.unlawfulPresenceDays ?? 0;
      return after <= before;
    }), { numRuns: 500 });
  });

  it('gives the same answer for a day and for any instant on it, absent timed stays (property)', () => {
    fc.assert(fc.property(anyHistory, dayIn(), fc.integer({ min: 0, max: 23 }), (history, day, hour) => {
      const p = person({ ...history, events: history.events.filter((e) => e.kind !== 'stay') });
      const instant = Moment.ofInstant(`${day}T${String(hour).padStart(2, '0')}:15:00-05:00`);
      return deriveStatus(p, day).status === deriveStatus(p, instant).status;
    }), { numRuns: 300 });
  });

  it('keeps adverse statuses for people with no indication of citizenship or residence only (property)', () => {
    fc.assert(fc.property(anyHistory, dayIn(), (history, day) => {
      const status = deriveStatus(person(history), day);
      return !adverse.has(status.status) || (status.citizenship.length === 0 && (status.permanentResidence === undefined || status.permanentResidenceTerminated !== undefined));
    }), { numRuns: 500 });
  });
});
