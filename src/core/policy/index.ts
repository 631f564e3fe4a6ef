/**
 * Prioritization as code. `loadPolicy(yamlText)` / `definePolicy(object)` validate a rule set (refusing
 * protected attributes); `prioritize(policy, person, status)` places a person and lists the rules fired;
 * `simulatePolicies(active, proposed, subjects)` compares two policies with outcome disparity.
 */
export { Condition, ConditionSchema, operators } from './condition.js';
export type { FactTest, Operator } from './condition.js';
export { evaluatePolicy, exclusionsOf, prioritize } from './evaluate-policy.js';
export type { Prioritization, PriorityOutcome, RuleHit } from './evaluate-policy.js';
export { definePolicy, loadPolicy } from './policy.js';
export type { Policy, PolicyRule } from './policy.js';
export { FactName, nationalityAttributes, normalizeAttribute, PolicyFact, protectedAttributes } from './policy-fact.js';
export type { FactDefinition, FactType, FactValue, PolicyFacts } from './policy-fact.js';
export { mostCommon, policyFacts } from './policy-facts.js';
export { AgeBand, ageBand, MonitoringDimension, SimulationSubject, simulatePolicies } from './simulate-policies.js';
export type { GroupDisparity, GroupRate, SimulationOptions, SimulationReport } from './simulate-policies.js';
