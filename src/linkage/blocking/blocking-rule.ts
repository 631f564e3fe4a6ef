import type { FeatureSpec } from '../schema/comparison-spec.js';
import type { FieldRole } from '../schema/field-role.js';

/**
 * How a blocking-key part is taken from a feature's standardized value: the value itself, the
 * sound key of its first word, its first letter, the year of a date or its month and day. `sound-pair` reads the
 * sound keys of given name and surname as an unordered pair, `initial-pair` their first letters
 * (the feature of both is `names`), so swapped names share the key.
 */
export type KeyTransform = 'exact' | 'sound' | 'initial' | 'year' | 'month-day' | 'sound-pair' | 'initial-pair';

export interface KeyPart {
  readonly feature: string;
  readonly transform: KeyTransform;
}

/** Records that agree on every part of a rule's key become candidate pairs. */
export interface BlockingRule {
  readonly name: string;
  readonly parts: readonly KeyPart[];
  /** A tighter cap on this rule's blocks than the run's. */
  readonly maxBlockSize?: number;
}

/**
 * The cap of the rule on names alone. It is there for records without a usable date of birth;
 * common names make blocks of thousands, whose pairs the date rules already hold.
 */
export const namesOnlyBlockSize = 25;

const identifierRoles: readonly string[] = ['document', 'alienNumber', 'nationalId', 'email'];

/** Blocks larger than this are left out (and reported): their pairs would swamp the run. */
export const defaultMaxBlockSize = 1000;

/**
 * The default rules for the features a schema has. Each catches matches the others miss: date of
 * birth with either initial, or with both in any order (swapped names); the sound of both names in
 * any order with the birth year (a mistyped day or month) or with the month and day (a mistyped
 * year), and alone for rare names (no date at all); addresses; every identifier.
 */
export function defaultBlockingRules(features: readonly FeatureSpec[]): BlockingRule[] {
  const has = (name: string) => features.some((f) => f.name === name);
  const rules: BlockingRule[] = [];
  const dob = has('dateOfBirth');
  const names = has('given') && has('surname');
  const namesSound: KeyPart = { feature: 'names', transform: 'sound-pair' };
  if (dob && has('given')) rules.push({ name: 'dateOfBirth+given initial', parts: [{ feature: 'dateOfBirth', transform: 'exact' }, { feature: 'given', transform: 'initial' }] });
  if (dob && has('surname')) rules.push({ name: 'dateOfBirth+surname initial', parts: [{ feature: 'dateOfBirth', transform: 'exact' }, { feature: 'surname', transform: 'initial' }] });
  if (dob && names) rules.push({ name: 'dateOfBirth+initials in any order', parts: [{ feature: 'dateOfBirth', transform: 'exact' }, { feature: 'names', transform: 'initial-pair' }] });
  if (dob && names) rules.push({ name: 'names sound+birth year', parts: [namesSound, { feature: 'dateOfBirth', transform: 'year' }] });
  if (dob && names) rules.push({ name: 'names sound+birth month and day', parts: [namesSound, { feature: 'dateOfBirth', transform: 'month-day' }] });
  if (names) rules.push({ name: 'names sound', parts: [namesSound], maxBlockSize: namesOnlyBlockSize });
  // Where an address is known: the house number with the postcode, the street or the locality.
  const firstOf = (role: string) => features.find((f) => f.role === role)?.name;
  const number = firstOf('streetNumber');
  for (const place of [firstOf('postcode'), firstOf('street'), firstOf('locality')]) {
    if (number !== undefined && place !== undefined) rules.push({ name: `${place}+${number}`, parts: [{ feature: place, transform: 'exact' }, { feature: number, transform: 'exact' }] });
  }
  // And the postcode with the date of birth, or with the sound of the surname (a household).
  const postcode = firstOf('postcode');
  if (postcode !== undefined && dob) rules.push({ name: `dateOfBirth+${postcode}`, parts: [{ feature: 'dateOfBirth', transform: 'exact' }, { feature: postcode, transform: 'exact' }] });
  if (postcode !== undefined && has('surname')) rules.push({ name: `surname sound+${postcode}`, parts: [{ feature: 'surname', transform: 'sound' }, { feature: postcode, transform: 'exact' }] });
  for (const f of features) {
    if (identifierRoles.includes(f.role)) rules.push({ name: f.name, parts: [{ feature: f.name, transform: 'exact' }] });
  }
  if (!dob && !has('given') && !has('surname')) {
    for (const f of features) if (!identifierRoles.includes(f.role) && f.role !== 'sex' && f.role !== 'region' && f.role !== 'country') rules.push({ name: f.name, parts: [{ feature: f.name, transform: 'exact' }] });
  }
  return rules;
}

const addressRoles: readonly FieldRole[] = ['streetNumber', 'street', 'locality', 'postcode', 'region'];

/**
 * Roles whose values go together among different people, so that forcing one to agree in a block
 * makes the other agree more than chance: names with sex and country of origin, surnames and
 * patronymic middle names with households (address) and origin, the parts of an address.
 */
const correlatedRoles: Readonly<Partial<Record<FieldRole, readonly FieldRole[]>>> = {
  given: ['sex', 'country', 'middle'],
  middle: ['given', 'surname', 'sex', 'country', ...addressRoles],
  surname: ['middle', 'country', ...addressRoles],
  sex: ['given', 'middle'],
  country: ['given', 'middle', 'surname'],
  ...Object.fromEntries(addressRoles.map((r) => [r, ['surname', 'middle', 'country', ...addressRoles]])),
};

/**
 * The roles a rule makes agree more than chance inside its blocks: the roles of its own features
 * and those that go with them. A training session on the rule's pairs leaves their comparisons
 * alone, since its non-matches do not look like random pairs there.
 */
export function ruleCorrelatedRoles(rule: BlockingRule, features: readonly FeatureSpec[]): Set<FieldRole> {
  const out = new Set<FieldRole>();
  for (const name of ruleFeatures(rule)) {
    const role = features.find((f) => f.name === name)?.role;
    if (role === undefined) continue;
    out.add(role);
    for (const r of correlatedRoles[role] ?? []) out.add(r);
  }
  return out;
}

/** Names of the features a rule's key is built from: their agreement is forced inside its blocks. */
export function ruleFeatures(rule: BlockingRule): string[] {
  return rule.parts.flatMap((p) => (p.transform === 'sound-pair' || p.transform === 'initial-pair' ? ['given', 'surname'] : [p.feature]));
}
