import type { DerivedStatus, Finding, ResolvedPerson } from '../status/index.js';
import { evaluatePolicy, exclusionsOf, type Prioritization, type PriorityOutcome } from './evaluate-policy.js';
import type { Policy } from './policy.js';
import type { PolicyFacts } from './policy-fact.js';
import { mostCommon, policyFacts } from './policy-facts.js';

export const AgeBand = ['under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65-plus', 'unknown'] as const;
export type AgeBand = (typeof AgeBand)[number];

export function ageBand(age: number | undefined): AgeBand {
  if (age === undefined) return 'unknown';
  if (age < 18) return 'under-18';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  if (age < 65) return '55-64';
  return '65-plus';
}

/**
 * One person in a simulation, as plain data: the policy sees only the facts and Docket's exclusions; the
 * monitoring attributes (country of birth, sex, age band) are kept apart and used only to measure disparity.
 */
export interface SimulationSubject {
  readonly personId: string;
  readonly facts: PolicyFacts;
  readonly exclusions: readonly Finding[];
  readonly monitoring: { readonly countryOfBirth: string; readonly sex: string; readonly ageBand: AgeBand };
}

export const SimulationSubject = {
  of(person: ResolvedPerson, status: DerivedStatus): SimulationSubject {
    return {
      personId: person.personId,
      facts: policyFacts(status, person),
      exclusions: exclusionsOf(status),
      monitoring: {
        countryOfBirth: mostCommon(person.records.flatMap((r) => (r.record.countryOfBirth === undefined ? [] : [r.record.countryOfBirth]))) ?? 'unknown',
        sex: mostCommon(person.records.flatMap((r) => (r.record.sex === undefined ? [] : [r.record.sex]))) ?? 'unknown',
        ageBand: ageBand(status.age?.years),
      },
    };
  },

  evaluate(subject: SimulationSubject, policy: Policy): Prioritization {
    return evaluatePolicy(policy, subject.personId, subject.facts, subject.exclusions);
  },
} as const;

export type MonitoringDimension = keyof SimulationSubject['monitoring'];
export const MonitoringDimension: readonly MonitoringDimension[] = ['countryOfBirth', 'sex', 'ageBand'];

/** A group's rate of being prioritized under one policy, and its ratio to the whole population's rate. */
export interface GroupRate {
  readonly prioritized: number;
  readonly rate: number;
  /** The group's rate over the population's rate; undefined when nobody is prioritized. */
  readonly ratio: number | undefined;
}

export interface GroupDisparity {
  readonly group: string;
  readonly size: number;
  readonly active: GroupRate;
  readonly proposed: GroupRate;
  /** Large enough to judge, and the proposed ratio falls outside the monitoring band. */
  readonly flagged: boolean;
}

export interface SimulationReport {
  readonly kind: 'policy-simulation';
  readonly active: { readonly id: string; readonly version: number };
  readonly proposed: { readonly id: string; readonly version: number };
  readonly population: number;
  /** People per outcome (`tier-1`, …, `exempt`, `none`, `excluded`) under each policy. */
  readonly outcomes: readonly { readonly outcome: string; readonly active: number; readonly proposed: number }[];
  /** How people move between outcomes, non-zero cells only. */
  readonly changes: readonly { readonly from: string; readonly to: string; readonly count: number }[];
  /** How often each rule fired under each policy. */
  readonly ruleCounts: { readonly active: Readonly<Record<string, number>>; readonly proposed: Readonly<Record<string, number>> };
  readonly disparity: readonly { readonly dimension: MonitoringDimension; readonly groups: readonly GroupDisparity[] }[];
  readonly notes: readonly string[];
}

export interface SimulationOptions {
  /** Groups smaller than this are reported but never flagged. Default 30. */
  readonly minGroupSize?: number;
  /** Ratios inside [low, high] are not flagged. Default [0.8, 1.25], the four-fifths rule of 29 CFR 1607.4(D). */
  readonly band?: readonly [number, number];
}

/**
 * Compares two policies over one population: counts per outcome, who moves where, and the rate of
 * prioritization by country of birth, sex and age band under each, flagging groups whose ratio to the
 * population rate leaves the monitoring band. Monitoring attributes never reach the rules.
 */
export function simulatePolicies(active: Policy, proposed: Policy, subjects: readonly SimulationSubject[], options: SimulationOptions = {}): SimulationReport {
  const minGroupSize = options.minGroupSize ?? 30;
  const [low, high] = options.band ?? [0.8, 1.25];
  const results = subjects.map((subject) => ({ subject, active: SimulationSubject.evaluate(subject, active), proposed: SimulationSubject.evaluate(subject, proposed) }));

  const outcomeCounts = new Map<string, { active: number; proposed: number }>();
  const changeCounts = new Map<string, number>();
  const ruleCounts = { active: {} as Record<string, number>, proposed: {} as Record<string, number> };
  for (const r of results) {
    const a = label(r.active.outcome);
    const p = label(r.proposed.outcome);
    bump(outcomeCounts, a, 'active');
    bump(outcomeCounts, p, 'proposed');
    if (a !== p) changeCounts.set(`${a}\u0000${p}`, (changeCounts.get(`${a}\u0000${p}`) ?? 0) + 1);
    for (const h of r.active.fired) ruleCounts.active[h.ruleId] = (ruleCounts.active[h.ruleId] ?? 0) + 1;
    for (const h of r.proposed.fired) ruleCounts.proposed[h.ruleId] = (ruleCounts.proposed[h.ruleId] ?? 0) + 1;
  }

  const prioritized = (p: Prioritization): boolean => p.outcome.kind === 'tier';
  const overall = {
    active: results.filter((r) => prioritized(r.active)).length / Math.max(1, results.length),
    proposed: results.filter((r) => prioritized(r.proposed)).length / Math.max(1, results.length),
  };
  const rateOf = (members: typeof results, which: 'active' | 'proposed'): GroupRate => {
    const count = members.filter((r) => prioritized(r[which])).length;
    const rate = count / Math.max(1, members.length);
    return { prioritized: count, rate, ratio: overall[which] === 0 ? undefined : rate / overall[which] };
  };
  const disparity = MonitoringDimension.map((dimension) => {
    const groups = new Map<string, typeof results>();
    for (const r of results) {
      const key = r.subject.monitoring[dimension];
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    return {
      dimension,
      groups: [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([group, members]): GroupDisparity => {
        const proposedRate = rateOf(members, 'proposed');
        const outside = proposedRate.ratio !== undefined && (proposedRate.ratio < low || proposedRate.ratio > high);
        return { group, size: members.length, active: rateOf(members, 'active'), proposed: proposedRate, flagged: members.length >= minGroupSize && outside };
      }),
    };
  });

  const order = (outcome: string): number => (outcome.startsWith('tier-') ? Number(outcome.slice(5)) : { exempt: 1000, none: 1001, excluded: 1002 }[outcome] ?? 1003);
  const flagged = disparity.flatMap((d) => d.groups.filter((g) => g.flagged).map((g) => `${d.dimension} ${g.group}`));
  return {
    kind: 'policy-simulation',
    active: { id: active.policy, version: active.version },
    proposed: { id: proposed.policy, version: proposed.version },
    population: results.length,
    outcomes: [...outcomeCounts.entries()].sort(([a], [b]) => order(a) - order(b)).map(([outcome, counts]) => ({ outcome, ...counts })),
    changes: [...changeCounts.entries()].map(([key, count]) => {
      const [from = '', to = ''] = key.split('\u0000');
      return { from, to, count };
    }).sort((a, b) => b.count - a.count),
    ruleCounts,
    disparity,
    notes: [
      `Prioritized share: ${percent(overall.active)} under ${active.policy} v${active.version}, ${percent(overall.proposed)} under ${proposed.policy} v${proposed.version}.`,
      `A group is flagged when it has at least ${minGroupSize} people and its rate under the proposed policy is outside ${low}–${high} times the population rate. A flag asks for review of the rules' effect; it is not a finding of bias.`,
      flagged.length === 0 ? 'No group is flagged.' : `Flagged: ${flagged.join(', ')}.`,
      'Country of birth, sex and age band are used here for monitoring only; no rule can read sex, and nationality only with a stated basis.',
    ],
  };
}

function label(outcome: PriorityOutcome): string {
  return outcome.kind === 'tier' ? `tier-${outcome.tier}` : outcome.kind;
}

function bump(map: Map<string, { active: number; proposed: number }>, key: string, which: 'active' | 'proposed'): void {
  const entry = map.get(key) ?? { active: 0, proposed: 0 };
  entry[which] += 1;
  map.set(key, entry);
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
