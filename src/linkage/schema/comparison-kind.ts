/**
 * How two records are compared on a field, each kind with its ordered levels (the order they are
 * tested in, strongest first). Level 0 of every kind is "missing" (either side empty), which
 * carries no evidence. `address` reads several parts together (street, number, locality, postcode,
 * region), because parts of one address agree together for neighbours and household members;
 * `countries` asks whether two records share any country (of birth or citizenship).
 */
export const comparisonLevels = {
  name: ['missing', 'exact', 'variant', 'initial', 'typo', 'sound', 'similar', 'weak', 'different'],
  date: ['missing', 'exact', 'typo', 'day-month-swap', 'within-month', 'within-year', 'different'],
  identifier: ['missing', 'exact', 'one-typo', 'two-typos', 'different'],
  code: ['missing', 'exact', 'one-typo', 'different'],
  category: ['missing', 'exact', 'different'],
  text: ['missing', 'exact', 'typo', 'similar', 'different'],
  address: ['missing', 'all-parts', 'all-but-one', 'several-parts', 'one-part', 'different'],
  countries: ['missing', 'shared', 'different'],
} as const;

export type ComparisonKind = keyof typeof comparisonLevels;

/** Level 0 of every comparison: one side is empty. */
export const missingLevel = 0;

/** Level 1 of every comparison: the standardized values are equal (for one-field kinds). */
export const exactLevel = 1;

export function levelLabels(kind: ComparisonKind): readonly string[] {
  return comparisonLevels[kind];
}

/** Kinds that read one field, whose level 1 means equal values (term frequencies apply there). */
export function isSingleField(kind: ComparisonKind): boolean {
  return kind !== 'address' && kind !== 'countries';
}
