import { DerivedStatusKind } from '../status/index.js';

export type FactType = 'boolean' | 'number' | 'enum' | 'list' | 'country';

export interface FactDefinition {
  readonly type: FactType;
  readonly description: string;
  /** Allowed values of an `enum` fact. */
  readonly values?: readonly string[];
  /** Nationality facts: a rule may read them only where it states why (`nationalityBasis`). */
  readonly nationality?: true;
}

/**
 * The facts a policy rule may test, all derived from a person's legal status. Sex, race, ethnicity,
 * religion and political opinion are not among them and cannot be added by a policy file.
 */
export const PolicyFact = {
  status: { type: 'enum', values: DerivedStatusKind, description: 'The derived legal status.' },
  finalOrder: { type: 'boolean', description: 'A removal order is final.' },
  daysSinceFinalOrder: { type: 'number', description: 'Days since the removal order became final.' },
  inAbsentiaOrder: { type: 'boolean', description: 'The final order was made in absentia.' },
  inProceedings: { type: 'boolean', description: 'Removal proceedings are open without a final order.' },
  voluntaryDepartureOverstayed: { type: 'boolean', description: 'A voluntary-departure period was overstayed.' },
  unlawfulPresenceDays: { type: 'number', description: 'Unlawful presence counted in the current stay, tolling applied.' },
  reentryBar: { type: 'enum', values: ['none', 'three-year', 'ten-year'], description: 'A 3- or 10-year bar in effect.' },
  convictions: { type: 'list', description: 'Offence categories of convictions.' },
  yearsSinceLastConviction: { type: 'number', description: 'Whole years since the latest conviction.' },
  pendingApplication: { type: 'boolean', description: 'A benefit application is pending.' },
  protectedStatus: { type: 'boolean', description: 'TPS, deferred action, asylum, withholding, CAT or other relief is in effect.' },
  daysSinceLastArrival: { type: 'number', description: 'Days since the latest recorded arrival.' },
  age: { type: 'number', description: 'Age in whole years.' },
  countryOfBirth: { type: 'country', nationality: true, description: 'Country of birth (ISO alpha-3).' },
  citizenships: { type: 'list', nationality: true, description: 'Countries of citizenship (ISO alpha-3).' },
} as const satisfies Record<string, FactDefinition>;

export type FactName = keyof typeof PolicyFact;
export const FactName = Object.keys(PolicyFact) as readonly FactName[];

export type FactValue = boolean | number | string | readonly string[];

/** A person's facts for policy evaluation; a missing fact is unknown, never false. */
export type PolicyFacts = Readonly<Partial<Record<FactName, FactValue>>>;

/**
 * Attributes no rule may use (PRODUCT.md, "declined by design"), as written in any case or separator.
 * Names are compared after lower-casing and dropping everything but letters.
 */
export const protectedAttributes: readonly string[] = [
  'race', 'ethnicity', 'ethnic', 'ethnicorigin', 'religion', 'religious', 'faith', 'politicalopinion', 'politics', 'political', 'politicalaffiliation',
  'sex', 'gender', 'sexualorientation', 'skincolor', 'skincolour', 'colour', 'color',
];

/** Attributes of nationality: usable only with a stated basis. */
export const nationalityAttributes: readonly string[] = ['countryofbirth', 'citizenship', 'citizenships', 'nationality', 'nationalorigin', 'countryofcitizenship'];

export function normalizeAttribute(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, '');
}
