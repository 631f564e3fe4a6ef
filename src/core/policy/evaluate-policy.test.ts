import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveStatus } from '../status/index.js';
import { personWith, type EventInput } from '../status/testing/build-person.js';
import { evaluatePolicy, loadPolicy, policyFacts, prioritize } from './index.js';

const policy = loadPolicy(readFileSync(new URL('../../../policies/default-2026.yaml', import.meta.url), 'utf8'));
const entry: EventInput = { kind: 'arrival', date: '2018-05-01', classOfAdmission: 'B2', admitUntil: '2018-10-31' };
const finalOrder: EventInput[] = [
  { kind: 'court-case-opened', date: '2024-01-05', caseNumber: 'A1' },
  { kind: 'order', date: '2024-06-03', caseNumber: 'A1', outcome: 'removal', appealWaived: true, destination: 'MEX' },
];
const convicted = (offenceCategory: string): EventInput => ({ kind: 'criminal-disposition', date: '2022-03-01', offenceCategory, disposition: 'convicted' });
const adult = { dateOfBirth: '1985-01-01', countryOfBirth: 'MEX', sex: 'M' as const };
const place = (fields: typeof adult | { dateOfBirth: string }, ...events: EventInput[]) => {
  const person = personWith(fields, ...events);
  return prioritize(policy, person, deriveStatus(person, '2026-01-01'));
};

describe('the default policy', () => {
  it('puts a final order with a trafficking conviction in tier 1, naming the rule and its citation', () => {
    const result = place(adult, entry, ...finalOrder, convicted('drug-trafficking'));
    expect(result.outcome).toEqual({ kind: 'tier', tier: 1, name: 'Public safety, final order' });
    expect(result.fired.map((h) => h.ruleId)).toEqual(['final-order-trafficking-robbery-weapons', 'final-order']);
    expect(result.explanation).toContain('INA 101(a)(43)(B)');
  });

  it('puts a final order with an assault conviction in tier 2, and a bare final order in tier 3', () => {
    expect(place(adult, entry, ...finalOrder, convicted('assault')).outcome).toMatchObject({ tier: 2 });
    expect(place(adult, entry, ...finalOrder, convicted('traffic')).outcome).toMatchObject({ tier: 3 });
  });

  it('puts an overstayed voluntary departure in tier 2', () => {
    const result = place(adult, entry, finalOrder[0], { kind: 'voluntary-departure-grant', date: '2024-06-03', caseNumber: 'A1', deadline: '2024-08-01', stage: 'at-conclusion' });
    expect(result.outcome).toMatchObject({ tier: 2 });
    expect(result.fired.map((h) => h.ruleId)).toContain('voluntary-departure-overstayed');
  });

  it('puts a year of unlawful presence without proceedings in tier 4, and a pending charge nowhere', () => {
    expect(place(adult, entry).outcome).toMatchObject({ tier: 4 });
    const recent = place(adult, { kind: 'arrival', date: '2025-06-01', classOfAdmission: 'B2', admitUntil: '2025-11-30' }, { kind: 'criminal-disposition', date: '2025-12-01', offenceCategory: 'robbery', disposition: 'pending' });
    expect(recent.outcome).toEqual({ kind: 'none' });
  });

  it('exempts children and people with protection in effect', () => {
    expect(place({ dateOfBirth: '2010-01-01' }, entry, ...finalOrder).outcome).toEqual({ kind: 'exempt' });
    expect(place({ dateOfBirth: '2010-01-01' }, entry, ...finalOrder, convicted('robbery')).outcome).toMatchObject({ tier: 1 });
    expect(place(adult, entry, ...finalOrder, { kind: 'temporary-protected-status', date: '2025-01-01', until: '2027-01-01' }).outcome).toEqual({ kind: 'exempt' });
  });

  it('excludes anyone with an indication of citizenship, and anyone departed, before any rule', () => {
    const citizen = place({ ...adult, countryOfBirth: 'USA' }, entry, ...finalOrder, convicted('drug-trafficking'));
    expect(citizen.outcome.kind).toBe('excluded');
    expect(citizen.explanation).toContain('United States as the country of birth');
    expect(place(adult, entry, { kind: 'departure', date: '2019-01-01', evidence: 'manifest' }).outcome.kind).toBe('excluded');
  });
});

describe('evaluation logic', () => {
  it('leaves a rule undecided, not fired, when a fact it needs is missing', () => {
    const result = evaluatePolicy(policy, 'p', { status: 'overstay' });
    expect(result.outcome).toEqual({ kind: 'none' });
    expect(result.undecided).toContainEqual({ ruleId: 'unlawful-presence-one-year', missingFacts: ['unlawfulPresenceDays'] });
    expect(result.undecided.find((u) => u.ruleId === 'minors-exempt')?.missingFacts).toEqual(['age', 'convictions']);
  });

  it('reads facts only from the derived status: no sex fact exists', () => {
    const person = personWith(adult, entry, ...finalOrder);
    const facts = policyFacts(deriveStatus(person, '2026-01-01'), person);
    expect(Object.keys(facts)).not.toContain('sex');
    expect(facts).toMatchObject({ status: 'final-order', finalOrder: true, daysSinceFinalOrder: 577, countryOfBirth: 'MEX', age: 41, reentryBar: 'none' });
  });
});
