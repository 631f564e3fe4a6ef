/**
 * How two values of a field are compared, each kind with its ordered levels, strongest first.
 * Level 0 of every kind is "missing" (either side empty), which carries no evidence.
 */
export const comparisonLevels = {
  name: ['missing', 'exact', 'variant', 'initial', 'typo', 'sound', 'similar', 'weak', 'different'],
  date: ['missing', 'exact', 'typo', 'day-month-swap', 'within-month', 'within-year', 'different'],
  identifier: ['missing', 'exact', 'one-typo', 'two-typos', 'different'],
  code: ['missing', 'exact', 'one-typo', 'different'],
  category: ['missing', 'exact', 'different'],
  text: ['missing', 'exact', 'typo', 'similar', 'different'],
} as const;

export type ComparisonKind = keyof typeof comparisonLevels;

/** Level 0 of every comparison: one side is empty. */
export const missingLevel = 0;

/** Level 1 of every comparison: the standardized values are equal. */
export const exactLevel = 1;

export function levelLabels(kind: ComparisonKind): readonly string[] {
  return comparisonLevels[kind];
}
