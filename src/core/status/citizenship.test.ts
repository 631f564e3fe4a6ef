import { describe, expect, it } from 'vitest';
import { deriveStatus } from './index.js';
import { personOf, personWith, type EventInput } from './testing/build-person.js';

const adult = { dateOfBirth: '1990-06-15' };
const overstay: EventInput = { kind: 'arrival', date: '2015-01-10', classOfAdmission: 'B2', admitUntil: '2015-07-09' };
const finalOrder: EventInput[] = [
  { kind: 'court-case-opened', date: '2024-01-05', caseNumber: 'A9' },
  { kind: 'order', date: '2024-06-03', caseNumber: 'A9', outcome: 'removal', inAbsentia: true },
];

describe('indications of US citizenship override every adverse conclusion', () => {
  const cases: [string, EventInput | undefined, Record<string, unknown>, string][] = [
    ['a US passport', { kind: 'us-passport', date: '2020-02-02' }, adult, 'citizenship.us-passport'],
    ['naturalization', { kind: 'naturalization', date: '2021-03-03' }, adult, 'citizenship.naturalization'],
    ['a certificate of citizenship', { kind: 'citizenship-certificate', date: '2019-04-04', basis: 'derivation' }, adult, 'citizenship.certificate'],
    ['a pending N-600', { kind: 'benefit-application', date: '2025-01-01', form: 'N-600', decision: 'pending' }, adult, 'citizenship.claim-pending'],
    ['birth in the United States', undefined, { ...adult, countryOfBirth: 'USA' }, 'citizenship.birth-in-us'],
    ['birth in Puerto Rico after 1941', undefined, { ...adult, countryOfBirth: 'PRI' }, 'citizenship.birth-in-territory'],
    ['birth in American Samoa (a national)', undefined, { ...adult, countryOfBirth: 'ASM' }, 'citizenship.birth-in-territory'],
    ['a record listing US citizenship', undefined, { ...adult, citizenships: ['MEX', 'USA'] }, 'citizenship.listed'],
    ['a passport document on file', undefined, { ...adult, documents: [{ kind: 'us-passport', number: '512345678' }] }, 'citizenship.us-passport'],
  ];
  for (const [label, event, fields, ruleId] of cases) {
    it(label, () => {
      const person = personWith(fields, overstay, ...finalOrder, ...(event === undefined ? [] : [event]));
      const status = deriveStatus(person, '2026-01-01');
      expect(status.status).toBe('citizen');
      expect(status.citizenship.map((c) => c.finding.ruleId)).toContain(ruleId);
    });
  }

  it('birth in a territory before its cut-off is an indication for counsel, with the condition named', () => {
    const status = deriveStatus(personWith({ dateOfBirth: '1925-01-01', countryOfBirth: 'VIR' }), '2026-01-01');
    expect(status.citizenship[0]?.finding.explanation).toContain('depends on conditions in INA 306(a)(4)');
  });
});

describe('derivation through a citizen parent (INA 320)', () => {
  const lprChild = (parent: Partial<Extract<EventInput, { kind: 'parent-citizenship' }>>, dob = '2008-05-01', lprOn = '2012-01-10') =>
    personWith({ dateOfBirth: dob }, { kind: 'permanent-residence', date: lprOn }, { kind: 'parent-citizenship', date: '2015-01-01', ...parent });

  it('every condition met under 18: a citizen', () => {
    const status = deriveStatus(lprChild({ parentCitizenSince: '2015-01-01', custody: true, bornAbroadToCitizen: false }), '2026-01-01');
    expect(status.status).toBe('citizen');
    expect(status.citizenship).toMatchObject([{ strength: 'proof', finding: { ruleId: 'citizenship.derivation-ina-320' } }]);
  });

  it('the parent naturalized after the child turned 18: no derivation, still a resident', () => {
    const status = deriveStatus(lprChild({ parentCitizenSince: '2026-06-01', custody: true, bornAbroadToCitizen: false }), '2026-08-01');
    expect(status.status).toBe('permanent-resident');
    expect(status.citizenship).toEqual([]);
  });

  it('custody not recorded: an indication, never ruled out', () => {
    const status = deriveStatus(lprChild({ parentCitizenSince: '2015-01-01', bornAbroadToCitizen: false }), '2026-01-01');
    expect(status.citizenship[0]).toMatchObject({ strength: 'indication' });
    expect(status.citizenship[0]?.finding.explanation).toContain('custody');
  });

  it('no custody: no derivation', () => {
    const status = deriveStatus(lprChild({ parentCitizenSince: '2015-01-01', custody: false, bornAbroadToCitizen: false }), '2026-01-01');
    expect(status.status).toBe('permanent-resident');
  });

  it('conditions met before 27 February 2001 by someone already 18 then: former INA 321, for counsel', () => {
    const status = deriveStatus(lprChild({ parentCitizenSince: '1995-01-01', custody: true, bornAbroadToCitizen: false }, '1980-01-01', '1990-01-01'), '2026-01-01');
    expect(status.citizenship.map((c) => c.finding.ruleId)).toEqual(['citizenship.former-ina-321']);
    expect(status.status).toBe('citizen');
  });
});

describe('acquisition at birth abroad (INA 301)', () => {
  it('born abroad to a citizen parent: an indication', () => {
    const status = deriveStatus(personWith(adult, overstay, { kind: 'parent-citizenship', date: '2020-01-01', bornAbroadToCitizen: true }), '2026-01-01');
    expect(status.status).toBe('citizen');
    expect(status.citizenship[0]?.finding.ruleId).toBe('citizenship.acquisition-ina-301');
  });

  it('a parent who was a citizen before the birth, flag not recorded: cannot be ruled out', () => {
    const status = deriveStatus(personWith(adult, overstay, { kind: 'parent-citizenship', date: '2020-01-01', parentCitizenSince: '1970-01-01' }), '2026-01-01');
    expect(status.citizenship[0]?.finding.ruleId).toBe('citizenship.acquisition-ina-301');
  });

  it('a parent named as a US citizen with nothing more (a visa application): cannot be ruled out, never an overstay', () => {
    const status = deriveStatus(personWith(adult, overstay, { kind: 'parent-citizenship', date: '2014-11-20' }), '2026-01-01');
    expect(status.status).toBe('citizen');
    expect(status.citizenship).toEqual([expect.objectContaining({ strength: 'indication', finding: expect.objectContaining({ ruleId: 'citizenship.acquisition-ina-301', explanation: expect.stringContaining('cannot be ruled out') as string }) as unknown })]);
  });

  it('a parent who became a citizen after the birth, no custody, not permanent resident: no indication', () => {
    const status = deriveStatus(personWith(adult, overstay, { kind: 'parent-citizenship', date: '2020-01-01', parentCitizenSince: '2019-01-01', custody: false }), '2026-01-01');
    expect(status.citizenship).toEqual([]);
    expect(status.status).toBe('overstay');
  });
});

describe('lawful permanent residence', () => {
  it('a resident is never an overstay, whatever came before', () => {
    const status = deriveStatus(personWith(adult, overstay, { kind: 'permanent-residence', date: '2020-01-01' }), '2026-01-01');
    expect(status.status).toBe('permanent-resident');
    // 10 July 2015 through 31 December 2019; nothing from the day residence began.
    expect(status.unlawfulPresence.current?.unlawfulPresenceDays).toBe(1636);
  });

  it('a resident in proceedings stays a resident until a final order (8 CFR 1001.1(p))', () => {
    const person = personWith(adult, { kind: 'permanent-residence', date: '2010-01-01' }, { kind: 'court-case-opened', date: '2025-01-05', caseNumber: 'A3' }, { kind: 'order', date: '2025-06-02', caseNumber: 'A3', outcome: 'removal' });
    expect(deriveStatus(person, '2025-06-20').status).toBe('permanent-resident');
    const final = deriveStatus(person, '2025-07-03');
    expect(final.status).toBe('final-order');
    expect(final.permanentResidenceTerminated?.citation).toBe('8 CFR 1001.1(p)');
  });

  it('a card without a date keeps residence in force: termination cannot be shown', () => {
    const person = personOf([
      { id: 'card', fields: { ...adult, documents: [{ kind: 'permanent-resident-card', number: 'SRC123' }] } },
      { id: 'order', events: [{ kind: 'order', date: '2025-06-02', caseNumber: 'A3', outcome: 'removal', appealWaived: true }] },
    ]);
    expect(deriveStatus(person, '2025-07-03').status).toBe('permanent-resident');
  });

  it('an N-400 filing indicates residence', () => {
    const status = deriveStatus(personWith(adult, overstay, { kind: 'benefit-application', date: '2025-01-01', form: 'N-400', decision: 'pending' }), '2026-01-01');
    expect(status.status).toBe('permanent-resident');
  });
});
