import { parse, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { DocketError } from '../errors/index.js';
import { IsoDate } from '../records/index.js';
import { Condition, ConditionSchema, type FactTest } from './condition.js';
import { nationalityAttributes, normalizeAttribute, PolicyFact, protectedAttributes, type FactDefinition, type FactName } from './policy-fact.js';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens');

const PolicyRuleSchema = z.strictObject({
  id,
  description: z.string().min(1),
  citation: z.string().min(1),
  /** A tier number, or `exempt`: the person is not prioritized, whatever else fires. */
  tier: z.union([z.number().int().positive(), z.literal('exempt')]),
  when: ConditionSchema,
  /** Why this rule reads nationality; required when it does. */
  nationalityBasis: z.string().min(1).optional(),
});

const PolicySchema = z.strictObject({
  policy: id,
  version: z.number().int().positive(),
  title: z.string().min(1),
  effective: IsoDate,
  /** The authority under which priorities are set. */
  basis: z.string().min(1),
  tiers: z.array(z.strictObject({ tier: z.number().int().positive(), name: z.string().min(1), description: z.string().min(1) })).min(1),
  rules: z.array(PolicyRuleSchema).min(1),
});

export type PolicyRule = z.infer<typeof PolicyRuleSchema>;

/** A validated, versioned rule set. */
export type Policy = z.infer<typeof PolicySchema> & { readonly kind: 'policy' };

/**
 * Reads a policy from YAML text and validates it. Refuses, with an error naming the rule and the
 * attribute, any rule that uses a protected attribute, reads nationality without saying why, or asks
 * for a score; refuses unknown facts, operators that do not fit a fact, and tiers not declared.
 *
 * @example loadPolicy(readFileSync('policies/default-2026.yaml', 'utf8'), 'policies/default-2026.yaml')
 */
export function loadPolicy(text: string, sourceName = 'policy'): Policy {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos !== undefined ? ` at line ${error.linePos[0].line}` : '';
    throw new DocketError('invalid-input', `${sourceName} is not valid YAML${where}`, { cause: error });
  }
  return definePolicy(raw, sourceName);
}

/** Validates a policy given as data (a TypeScript object or parsed YAML), under the same rules as `loadPolicy`. */
export function definePolicy(input: unknown, sourceName = 'policy'): Policy {
  // A validated policy can be passed back in, for example to derive a new version from it.
  const raw = typeof input === 'object' && input !== null && (input as { kind?: unknown }).kind === 'policy' ? withoutKind(input) : input;
  refuseDeclinedAttributes(raw, sourceName);
  const parsed = PolicySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues.at(0);
    const path = issue?.path ?? [];
    const ruleId = ruleIdAt(raw, path);
    throw new DocketError('invalid-input', `${sourceName}: ${ruleId === undefined ? '' : `rule ${ruleId}: `}${path.join('.')}: ${issue?.message ?? 'invalid'}`, { details: { source: sourceName, path: path.join('.'), rule: ruleId } });
  }
  const policy = parsed.data;
  const tiers = new Set(policy.tiers.map((t) => t.tier));
  if (tiers.size !== policy.tiers.length) throw new DocketError('invalid-input', `${sourceName}: a tier is declared twice`);
  const ids = new Set<string>();
  for (const rule of policy.rules) {
    if (ids.has(rule.id)) throw new DocketError('invalid-input', `${sourceName}: rule ${rule.id} is defined twice`, { details: { rule: rule.id } });
    ids.add(rule.id);
    if (rule.tier !== 'exempt' && !tiers.has(rule.tier)) throw new DocketError('invalid-input', `${sourceName}: rule ${rule.id} assigns tier ${rule.tier}, which the policy does not declare`, { details: { rule: rule.id } });
    for (const test of Condition.tests(rule.when)) checkTest(rule, test, sourceName);
  }
  return { kind: 'policy', ...policy };
}

function withoutKind(input: object): object {
  return Object.fromEntries(Object.entries(input).filter(([key]) => key !== 'kind'));
}

/** Walks the raw rules before any other check, so a protected attribute is always named as such. */
function refuseDeclinedAttributes(raw: unknown, sourceName: string): void {
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { rules?: unknown }).rules)) return;
  for (const rule of (raw as { rules: unknown[] }).rules) {
    if (typeof rule !== 'object' || rule === null) continue;
    const given = (rule as { id?: unknown }).id;
    const ruleId = typeof given === 'string' ? given : '(no id)';
    const hasBasis = typeof (rule as { nationalityBasis?: unknown }).nationalityBasis === 'string' && (rule as { nationalityBasis: string }).nationalityBasis.trim() !== '';
    for (const name of factNamesIn((rule as { when?: unknown }).when)) {
      const normalized = normalizeAttribute(name);
      if (protectedAttributes.includes(normalized)) {
        throw new DocketError('declined-by-design', `${sourceName}: rule ${ruleId} uses the protected attribute "${name}"; protected attributes may not be used in prioritization`, { details: { rule: ruleId, attribute: name } });
      }
      if (/score|risk|model|predict/.test(normalized)) {
        throw new DocketError('declined-by-design', `${sourceName}: rule ${ruleId} uses "${name}"; learned or opaque scores are not used in prioritization`, { details: { rule: ruleId, attribute: name } });
      }
      if (nationalityAttributes.includes(normalized) && !hasBasis) {
        throw new DocketError('declined-by-design', `${sourceName}: rule ${ruleId} uses the nationality attribute "${name}" without stating why (nationalityBasis)`, { details: { rule: ruleId, attribute: name } });
      }
    }
  }
}

function factNamesIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(factNamesIn);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => (key === 'fact' && typeof value === 'string' ? [value] : factNamesIn(value)));
}

function ruleIdAt(raw: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'rules' || typeof path[1] !== 'number') return undefined;
  const rule = (raw as { rules: unknown[] }).rules[path[1]];
  const ruleId = typeof rule === 'object' && rule !== null ? (rule as { id?: unknown }).id : undefined;
  return typeof ruleId === 'string' ? ruleId : `#${path[1] + 1}`;
}

function checkTest(rule: PolicyRule, test: FactTest, sourceName: string): void {
  const where = `${sourceName}: rule ${rule.id}`;
  if (!(test.fact in PolicyFact)) {
    throw new DocketError('invalid-input', `${where} tests the unknown fact "${test.fact}"`, { hint: `known facts: ${Object.keys(PolicyFact).join(', ')}`, details: { rule: rule.id, attribute: test.fact } });
  }
  const definition: FactDefinition = PolicyFact[test.fact as FactName];
  const operator = Condition.operatorOf(test);
  const fits: Record<FactDefinition['type'], readonly string[]> = {
    boolean: ['equals', 'known'],
    number: ['equals', 'in', 'atLeast', 'atMost', 'known'],
    enum: ['equals', 'in', 'known'],
    country: ['equals', 'in', 'known'],
    list: ['includes', 'includesAny', 'known'],
  };
  if (!fits[definition.type].includes(operator)) {
    throw new DocketError('invalid-input', `${where}: "${operator}" does not apply to ${test.fact}, a ${definition.type} fact`, { details: { rule: rule.id, attribute: test.fact } });
  }
  const values = [test.equals, ...(test.in ?? [])].filter((v) => v !== undefined);
  const expected = definition.type === 'boolean' ? 'boolean' : definition.type === 'number' ? 'number' : 'string';
  if (values.some((v) => typeof v !== expected)) throw new DocketError('invalid-input', `${where}: ${test.fact} takes ${expected} values`, { details: { rule: rule.id, attribute: test.fact } });
  const allowed = definition.values;
  if (allowed !== undefined && values.some((v) => !allowed.includes(String(v)))) {
    throw new DocketError('invalid-input', `${where}: ${test.fact} is one of ${allowed.join(', ')}`, { details: { rule: rule.id, attribute: test.fact } });
  }
}
