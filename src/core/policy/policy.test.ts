import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DocketError } from '../errors/index.js';
import { definePolicy, loadPolicy } from './index.js';

const defaultText = readFileSync(new URL('../../../policies/default-2026.yaml', import.meta.url), 'utf8');

const minimal = (rules: unknown[], extra: Record<string, unknown> = {}) => ({
  policy: 'test', version: 1, title: 'Test', effective: '2026-01-01', basis: '6 U.S.C. 202(5)',
  tiers: [{ tier: 1, name: 'One', description: 'First' }], rules, ...extra,
});
const rule = (when: unknown, extra: Record<string, unknown> = {}) => ({ id: 'r1', description: 'A rule.', citation: 'INA 241(a)', tier: 1, when, ...extra });

function refusal(run: () => unknown): DocketError {
  try {
    run();
  } catch (error) {
    if (error instanceof DocketError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('loading a policy', () => {
  it('loads the shipped default policy, every rule cited', () => {
    const policy = loadPolicy(defaultText, 'policies/default-2026.yaml');
    expect(policy).toMatchObject({ kind: 'policy', policy: 'default-2026', version: 1 });
    expect(policy.rules.length).toBeGreaterThanOrEqual(7);
    for (const r of policy.rules) expect(r.citation).toMatch(/INA|CFR|U\.S\.C\./);
  });

  it('refuses a protected attribute, naming the rule and the attribute, however it is written', () => {
    for (const attribute of ['race', 'Ethnicity', 'religion', 'political_opinion', 'sex', 'Gender']) {
      const error = refusal(() => definePolicy(minimal([rule({ fact: attribute, equals: 'x' }, { id: 'bad-rule' })])));
      expect(error.code).toBe('declined-by-design');
      expect(error.message).toContain('rule bad-rule');
      expect(error.message).toContain(`"${attribute}"`);
      expect(error.details).toEqual({ rule: 'bad-rule', attribute });
    }
  });

  it('finds a protected attribute deep inside a condition', () => {
    const error = refusal(() => definePolicy(minimal([rule({ all: [{ fact: 'finalOrder', equals: true }, { not: { any: [{ fact: 'sex', equals: 'F' }] } }] })])));
    expect(error.message).toContain('"sex"');
  });

  it('refuses nationality without a stated basis, and accepts it with one', () => {
    const without = refusal(() => definePolicy(minimal([rule({ fact: 'countryOfBirth', equals: 'VEN' })])));
    expect(without.code).toBe('declined-by-design');
    expect(without.message).toContain('without stating why (nationalityBasis)');
    const policy = definePolicy(minimal([rule({ fact: 'countryOfBirth', equals: 'VEN' }, { nationalityBasis: 'Removal flights to this country are suspended; cases wait (INA 243(d)).' })]));
    expect(policy.rules[0]?.nationalityBasis).toContain('INA 243(d)');
  });

  it('refuses scores', () => {
    expect(refusal(() => definePolicy(minimal([rule({ fact: 'riskScore', atLeast: 0.7 })]))).message).toContain('learned or opaque scores');
  });

  it('refuses unknown facts, operators that do not fit, bad enum values and undeclared tiers', () => {
    expect(refusal(() => definePolicy(minimal([rule({ fact: 'shoeSize', atLeast: 40 })]))).message).toContain('unknown fact "shoeSize"');
    expect(refusal(() => definePolicy(minimal([rule({ fact: 'finalOrder', atLeast: 1 })]))).message).toContain('"atLeast" does not apply to finalOrder');
    expect(refusal(() => definePolicy(minimal([rule({ fact: 'status', equals: 'illegal' })]))).message).toContain('status is one of');
    expect(refusal(() => definePolicy(minimal([rule({ fact: 'finalOrder', equals: true }, { tier: 2 })]))).message).toContain('tier 2, which the policy does not declare');
    expect(refusal(() => definePolicy(minimal([rule({ fact: 'finalOrder', equals: true, in: [1] })]))).message).toContain('exactly one operator');
  });

  it('refuses a rule without a citation or with an unknown key, naming it', () => {
    const noCitation = refusal(() => definePolicy(minimal([{ ...rule({ fact: 'finalOrder', equals: true }), citation: '' }])));
    expect(noCitation.message).toContain('rule r1');
    expect(noCitation.message).toContain('citation');
    expect(refusal(() => definePolicy(minimal([{ ...rule({ fact: 'finalOrder', equals: true }), weight: 3 }]))).message).toContain('rule r1');
  });

  it('refuses duplicate rule ids', () => {
    expect(refusal(() => definePolicy(minimal([rule({ fact: 'finalOrder', equals: true }), rule({ fact: 'finalOrder', equals: true })]))).message).toContain('rule r1 is defined twice');
  });

  it('reports a YAML syntax error with its line', () => {
    const error = refusal(() => loadPolicy('policy: x\nrules: [\n  - oops', 'broken.yaml'));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/broken.yaml is not valid YAML at line \d+/);
  });

  it('accepts the same policy written in TypeScript or YAML', () => {
    const data = minimal([rule({ fact: 'finalOrder', equals: true })]);
    expect(loadPolicy(stringify(data))).toEqual(definePolicy(data));
  });
});
