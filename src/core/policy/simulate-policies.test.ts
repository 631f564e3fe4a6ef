import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveStatus } from '../status/index.js';
import { personOf, type EventInput } from '../status/testing/build-person.js';
import { ageBand, definePolicy, loadPolicy, SimulationSubject, simulatePolicies } from './index.js';

const active = loadPolicy(readFileSync(new URL('../../../policies/default-2026.yaml', import.meta.url), 'utf8'));
/** A proposal that also prioritizes any conviction with unlawful presence of 180 days or more. */
const proposed = definePolicy({
  ...active, version: 2,
  rules: [...active.rules, {
    id: 'conviction-with-unlawful-presence', description: 'Any conviction and at least 180 days of unlawful presence.', citation: 'INA 237(a)(1)(B); INA 237(a)(2)', tier: 4,
    when: { all: [{ fact: 'unlawfulPresenceDays', atLeast: 180 }, { fact: 'convictions', includesAny: ['traffic', 'dui', 'theft'] }] },
  }],
});

/** A synthetic population: women born in GTM with traffic convictions and recent overstays, men born in MEX with final orders. */
function population(): SimulationSubject[] {
  const subjects: SimulationSubject[] = [];
  for (let i = 0; i < 40; i += 1) {
    const recentOverstay: EventInput[] = [{ kind: 'arrival', date: '2025-01-01', classOfAdmission: 'B2', admitUntil: '2025-06-30' }, { kind: 'criminal-disposition', date: '2025-08-01', offenceCategory: 'traffic', disposition: 'convicted' }];
    const finalOrder: EventInput[] = [{ kind: 'court-case-opened', date: '2024-01-05', caseNumber: `A${i}` }, { kind: 'order', date: '2024-06-03', caseNumber: `A${i}`, outcome: 'removal', appealWaived: true }];
    for (const [sex, country, events] of [['F', 'GTM', recentOverstay], ['M', 'MEX', finalOrder]] as const) {
      const person = personOf([{ id: `${sex}${i}`, fields: { dateOfBirth: `19${70 + (i % 25)}-03-03`, sex, countryOfBirth: country }, events }], { personId: `${sex}-${i}` });
      subjects.push(SimulationSubject.of(person, deriveStatus(person, '2026-01-15')));
    }
  }
  return subjects;
}

describe('policy simulation', () => {
  const report = simulatePolicies(active, proposed, population());

  it('counts people per outcome under each policy, and who moves where', () => {
    expect(report.population).toBe(80);
    expect(report.outcomes).toEqual([
      { outcome: 'tier-3', active: 40, proposed: 40 },
      { outcome: 'tier-4', active: 0, proposed: 40 },
      { outcome: 'none', active: 40, proposed: 0 },
    ]);
    expect(report.changes).toEqual([{ from: 'none', to: 'tier-4', count: 40 }]);
    expect(report.ruleCounts.proposed['conviction-with-unlawful-presence']).toBe(40);
  });

  it('measures disparity by country of birth, sex and age band, and flags groups outside the band', () => {
    const sex = report.disparity.find((d) => d.dimension === 'sex')?.groups;
    expect(sex).toEqual([
      { group: 'F', size: 40, active: { prioritized: 0, rate: 0, ratio: 0 }, proposed: { prioritized: 40, rate: 1, ratio: 1 }, flagged: false },
      { group: 'M', size: 40, active: { prioritized: 40, rate: 1, ratio: 2 }, proposed: { prioritized: 40, rate: 1, ratio: 1 }, flagged: false },
    ]);
    expect(report.disparity.map((d) => d.dimension)).toEqual(['countryOfBirth', 'sex', 'ageBand']);
    expect(report.notes.join(' ')).toContain('monitoring only');
  });

  it('flags a group whose rate under the proposal leaves the four-fifths band', () => {
    const reversed = simulatePolicies(proposed, active, population());
    const country = reversed.disparity.find((d) => d.dimension === 'countryOfBirth')?.groups;
    expect(country?.map((g) => [g.group, g.proposed.ratio, g.flagged])).toEqual([['GTM', 0, true], ['MEX', 2, true]]);
    expect(reversed.notes.join(' ')).toContain('Flagged: countryOfBirth GTM, countryOfBirth MEX, sex F, sex M');
  });

  it('does not flag small groups', () => {
    const small = simulatePolicies(proposed, active, population().slice(0, 10));
    expect(small.disparity.flatMap((d) => d.groups).some((g) => g.flagged)).toBe(false);
  });

  it('bands ages', () => {
    expect([undefined, 3, 18, 24, 25, 64, 65].map(ageBand)).toEqual(['unknown', 'under-18', '18-24', '18-24', '25-34', '55-64', '65-plus']);
  });
});
