import type { DerivedStatus, Finding, ResolvedPerson } from '../status/index.js';
import { Condition, type FactTest } from './condition.js';
import type { Policy, PolicyRule } from './policy.js';
import type { FactName, PolicyFacts } from './policy-fact.js';
import { policyFacts } from './policy-facts.js';

type Truth = true | false | 'unknown';

export interface RuleHit {
  readonly ruleId: string;
  readonly description: string;
  readonly citation: string;
  readonly tier: number | 'exempt';
}

/**
 * A person's place under a policy: a tier (the highest-priority rule that fired), `exempt`, `none`,
 * or `excluded` when Docket's own stops apply before any policy (an indication of citizenship, a departure).
 */
export type PriorityOutcome =
  | { readonly kind: 'tier'; readonly tier: number; readonly name: string }
  | { readonly kind: 'exempt' }
  | { readonly kind: 'none' }
  | { readonly kind: 'excluded'; readonly reasons: readonly Finding[] };

export interface Prioritization {
  readonly kind: 'prioritization';
  readonly policy: { readonly id: string; readonly version: number };
  readonly personId: string;
  readonly outcome: PriorityOutcome;
  readonly fired: readonly RuleHit[];
  /** Rules that could not be decided because a fact they test is not recorded. */
  readonly undecided: readonly { readonly ruleId: string; readonly missingFacts: readonly string[] }[];
  readonly explanation: string;
}

/** Evaluates a policy over one person's facts. Pure; a missing fact leaves a rule undecided, never fired. */
export function evaluatePolicy(policy: Policy, personId: string, facts: PolicyFacts, exclusions: readonly Finding[] = []): Prioritization {
  const fired: RuleHit[] = [];
  const undecided: { ruleId: string; missingFacts: string[] }[] = [];
  for (const rule of policy.rules) {
    const result = evaluate(rule.when, facts);
    if (result === true) fired.push(hit(rule));
    if (result === 'unknown') undecided.push({ ruleId: rule.id, missingFacts: [...new Set(Condition.tests(rule.when).filter((t) => facts[t.fact as FactName] === undefined).map((t) => t.fact))] });
  }
  const base = { kind: 'prioritization' as const, policy: { id: policy.policy, version: policy.version }, personId, fired, undecided };
  if (exclusions.length > 0) {
    return { ...base, outcome: { kind: 'excluded', reasons: exclusions }, explanation: `Not prioritized: ${exclusions.map((f) => f.explanation).join(' ')}` };
  }
  const exempting = fired.filter((h) => h.tier === 'exempt');
  if (exempting.length > 0) {
    return { ...base, outcome: { kind: 'exempt' }, explanation: `Exempt under ${exempting.map((h) => `${h.ruleId} (${h.description}; ${h.citation})`).join('; ')}.` };
  }
  const ranked = fired.filter((h): h is RuleHit & { tier: number } => h.tier !== 'exempt').sort((a, b) => a.tier - b.tier);
  const top = ranked.at(0);
  if (top === undefined) return { ...base, outcome: { kind: 'none' }, explanation: `No rule of ${policy.policy} v${policy.version} applies.` };
  const name = policy.tiers.find((t) => t.tier === top.tier)?.name ?? `Tier ${top.tier}`;
  return { ...base, outcome: { kind: 'tier', tier: top.tier, name }, explanation: `Tier ${top.tier} (${name}) by ${top.ruleId}: ${top.description} [${top.citation}].` };
}

/**
 * Prioritizes a person from their derived status: any indication of citizenship, or a departure, comes
 * before the policy and excludes the person, whatever the rules say.
 */
export function prioritize(policy: Policy, person: ResolvedPerson, status: DerivedStatus): Prioritization {
  return evaluatePolicy(policy, person.personId, policyFacts(status, person), exclusionsOf(status));
}

/** Docket's own stops that come before any policy: an indication of citizenship, a recorded departure. */
export function exclusionsOf(status: DerivedStatus): readonly Finding[] {
  return [...status.citizenship.map((c) => c.finding), ...(status.departed === undefined ? [] : [status.departed.finding])];
}

function hit(rule: PolicyRule): RuleHit {
  return { ruleId: rule.id, description: rule.description, citation: rule.citation, tier: rule.tier };
}

function evaluate(condition: Condition, facts: PolicyFacts): Truth {
  if (Condition.isFactTest(condition)) return test(condition, facts);
  if ('all' in condition) {
    const results = condition.all.map((c) => evaluate(c, facts));
    return results.includes(false) ? false : results.includes('unknown') ? 'unknown' : true;
  }
  if ('any' in condition) {
    const results = condition.any.map((c) => evaluate(c, facts));
    return results.includes(true) ? true : results.includes('unknown') ? 'unknown' : false;
  }
  const inner = evaluate(condition.not, facts);
  return inner === 'unknown' ? 'unknown' : !inner;
}

function test(t: FactTest, facts: PolicyFacts): Truth {
  const value = facts[t.fact as FactName];
  if (t.known !== undefined) return (value !== undefined) === t.known;
  if (value === undefined) return 'unknown';
  if (t.equals !== undefined) return value === t.equals;
  if (t.in !== undefined) return t.in.some((v) => v === value);
  if (t.atLeast !== undefined) return typeof value === 'number' && value >= t.atLeast;
  if (t.atMost !== undefined) return typeof value === 'number' && value <= t.atMost;
  const list: readonly string[] = Array.isArray(value) ? value : [];
  if (t.includes !== undefined) return list.includes(t.includes);
  if (t.includesAny !== undefined) return t.includesAny.some((v) => list.includes(v));
  return false;
}
