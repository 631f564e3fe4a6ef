import { z } from 'zod';
import { DocketError } from '../errors/index.js';

/**
 * A test on one fact. Exactly one operator: `equals` (a value), `in` (one of several), `includes` /
 * `includesAny` (list facts), `atLeast` / `atMost` (numbers), `known` (whether the fact is recorded).
 */
export interface FactTest {
  readonly fact: string;
  readonly equals?: string | number | boolean;
  readonly in?: readonly (string | number)[];
  readonly includes?: string;
  readonly includesAny?: readonly string[];
  readonly atLeast?: number;
  readonly atMost?: number;
  readonly known?: boolean;
}

/** Conditions over derived facts, combined with `all`, `any` and `not`. */
export type Condition = FactTest | { readonly all: readonly Condition[] } | { readonly any: readonly Condition[] } | { readonly not: Condition };

export const operators = ['equals', 'in', 'includes', 'includesAny', 'atLeast', 'atMost', 'known'] as const;
export type Operator = (typeof operators)[number];

const FactTestSchema = z.strictObject({
  fact: z.string().min(1),
  equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
  in: z.array(z.union([z.string(), z.number()])).min(1).optional(),
  includes: z.string().optional(),
  includesAny: z.array(z.string()).min(1).optional(),
  atLeast: z.number().optional(),
  atMost: z.number().optional(),
  known: z.boolean().optional(),
}).refine((test) => operators.filter((op) => test[op] !== undefined).length === 1, { error: 'a fact test needs exactly one operator: equals, in, includes, includesAny, atLeast, atMost or known' });

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() => z.union([
  z.strictObject({ all: z.array(ConditionSchema).min(1) }),
  z.strictObject({ any: z.array(ConditionSchema).min(1) }),
  z.strictObject({ not: ConditionSchema }),
  FactTestSchema,
]));

export const Condition = {
  isFactTest(condition: Condition): condition is FactTest {
    return 'fact' in condition;
  },

  operatorOf(test: FactTest): Operator {
    const found = operators.find((op) => test[op] !== undefined);
    if (found === undefined) throw new DocketError('invalid-input', `the test on ${test.fact} has no operator`);
    return found;
  },

  /** Every fact test inside a condition, depth first. */
  tests(condition: Condition): readonly FactTest[] {
    if (Condition.isFactTest(condition)) return [condition];
    if ('all' in condition) return condition.all.flatMap((c) => Condition.tests(c));
    if ('any' in condition) return condition.any.flatMap((c) => Condition.tests(c));
    return Condition.tests(condition.not);
  },
} as const;
