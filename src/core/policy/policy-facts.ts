import { IsoDay } from '../calendar/index.js';
import type { DerivedStatus, ResolvedPerson } from '../status/index.js';
import type { FactName, FactValue, PolicyFacts } from './policy-fact.js';

/** The policy facts of a person, read off the derived status; nothing else reaches a rule. */
export function policyFacts(status: DerivedStatus, person: ResolvedPerson): PolicyFacts {
  const today = status.moment.day;
  const final = status.finalRemovalOrder;
  const finalCase = final === undefined ? undefined : status.courtCases.find((c) => c.caseNumber === final.caseNumber);
  const lastConviction = status.convictions.map((c) => c.date).sort().at(-1);
  const lastArrival = status.unlawfulPresence.sojourns.flatMap((s) => (s.arrival === undefined ? [] : [s.arrival.event.date])).sort().at(-1);
  const bar = status.unlawfulPresence.bars.filter((b) => b.inEffect).sort((a, b) => (a.bar === 'ten-year' ? -1 : b.bar === 'ten-year' ? 1 : 0)).at(0);
  const countries = mostCommon(person.records.flatMap((r) => (r.record.countryOfBirth === undefined ? [] : [r.record.countryOfBirth])));
  const citizenships = [...new Set(person.records.flatMap((r) => r.record.citizenships))].sort();
  // Every fact is listed, so a new fact cannot be forgotten here.
  const facts: Record<FactName, FactValue | undefined> = {
    status: status.status,
    finalOrder: final !== undefined,
    daysSinceFinalOrder: final === undefined ? undefined : IsoDay.daysBetween(final.since, today),
    inAbsentiaOrder: final === undefined ? undefined : finalCase?.order?.inAbsentia ?? false,
    inProceedings: status.courtCases.some((c) => c.posture === 'pending' || c.posture === 'order-not-final'),
    voluntaryDepartureOverstayed: status.voluntaryDepartures.some((vd) => vd.state === 'overstayed'),
    unlawfulPresenceDays: status.unlawfulPresence.current?.unlawfulPresenceDays,
    reentryBar: bar?.bar ?? 'none',
    convictions: [...new Set(status.convictions.map((c) => c.offenceCategory))].sort(),
    yearsSinceLastConviction: lastConviction === undefined ? undefined : IsoDay.yearsBetween(lastConviction, today),
    pendingApplication: status.pendingApplications.length > 0,
    protectedStatus: status.protections.length > 0,
    daysSinceLastArrival: lastArrival === undefined ? undefined : IsoDay.daysBetween(lastArrival, today),
    age: status.age?.years,
    countryOfBirth: countries,
    citizenships: citizenships.length === 0 ? undefined : citizenships,
  };
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined));
}

/** The value most records give, ties to the first in sort order; undefined when none does. */
export function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).at(0)?.[0];
}
