import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayIn } from '../status/testing/arbitraries.js';
import { personWith } from '../status/testing/build-person.js';
import { checkGates } from './index.js';
import { mayRemoveOn, removalScenario, scenarioRecords } from './testing/removal-scenario.js';

const checked = fc.record({ scenario: removalScenario, checkOn: dayIn('2024-01-01', '2026-12-31') });
const person = (records: ReturnType<typeof scenarioRecords>) => personWith({ dateOfBirth: '1980-01-01', countryOfBirth: 'HND' }, ...records);

describe('removal gates against an independent oracle', () => {
  it('draws scenarios of both kinds, so the agreement below is not vacuous', () => {
    const allowed = fc.sample(checked, { numRuns: 2000, seed: 7 }).filter(({ scenario, checkOn }) => mayRemoveOn(scenario, checkOn)).length;
    expect(allowed).toBeGreaterThan(300);
    expect(allowed).toBeLessThan(1800);
  });

  it('clear scheduling exactly when the oracle allows removal (property, 3,000 runs)', () => {
    fc.assert(fc.property(checked, ({ scenario, checkOn }) => {
      const report = checkGates(person(scenarioRecords(scenario)), { check: 'schedule-removal', at: checkOn });
      return report.clear === mayRemoveOn(scenario, checkOn);
    }), { numRuns: 3000 });
  });

  it('never clear removal to the country of withholding, and always name the gate (property)', () => {
    const withheld = fc.record({ protectedCountry: fc.constantFrom('SLV', 'HND', 'GTM'), destination: fc.constantFrom('SLV', 'HND', 'GTM', 'MEX'), checkOn: dayIn('2025-08-01', '2026-12-31') });
    fc.assert(fc.property(withheld, ({ protectedCountry, destination, checkOn }) => {
      const withholding = personWith({ dateOfBirth: '1980-01-01' },
        { kind: 'court-case-opened', date: '2025-01-02', caseNumber: 'A1' },
        { kind: 'order', date: '2025-06-02', caseNumber: 'A1', outcome: 'withholding', protectedCountry, appealWaived: true });
      const report = checkGates(withholding, { check: 'schedule-removal', at: checkOn, destination });
      const blocked = report.holding.some((r) => r.gate === 'protected-country');
      return blocked === (destination === protectedCountry) && report.clear === !blocked;
    }), { numRuns: 500 });
  });
});
