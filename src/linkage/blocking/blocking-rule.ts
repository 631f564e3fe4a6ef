import type { ComparisonSpec } from '../schema/comparison-spec.js';

/**
 * How a blocking-key part is taken from a comparison's standardized value: the value itself,
 * the sound key of its first word, its first letter, or the year of a date. `sound-pair` reads
 * the sound keys of given name and surname as an unordered pair, `initial-pair` their first
 * letters (the comparison of both is `names`), so swapped names share the key.
 */
export type KeyTransform = 'exact' | 'sound' | 'initial' | 'year' | 'sound-pair' | 'initial-pair';

export interface KeyPart {
  readonly comparison: string;
  readonly transform: KeyTransform;
}

/** Records that agree on every part of a rule's key become candidate pairs. */
export interface BlockingRule {
  readonly name: string;
  readonly parts: readonly KeyPart[];
}

/** Blocks larger than this are left out (and reported): their pairs would swamp the run. */
export const defaultMaxBlockSize = 1000;

/**
 * The default rules for the comparisons a schema has. Each catches matches the others miss:
 * date of birth with either initial, the sound of both names in any order, the sound of one
 * name with the birth year, and every identifier.
 */
export function defaultBlockingRules(comparisons: readonly ComparisonSpec[]): BlockingRule[] {
  const has = (name: string) => comparisons.some((c) => c.name === name);
  const rules: BlockingRule[] = [];
  const dob = has('dateOfBirth');
  if (dob && has('given')) rules.push({ name: 'dateOfBirth+given initial', parts: [{ comparison: 'dateOfBirth', transform: 'exact' }, { comparison: 'given', transform: 'initial' }] });
  if (dob && has('surname')) rules.push({ name: 'dateOfBirth+surname initial', parts: [{ comparison: 'dateOfBirth', transform: 'exact' }, { comparison: 'surname', transform: 'initial' }] });
  if (dob && has('given') && has('surname')) rules.push({ name: 'dateOfBirth+initials in any order', parts: [{ comparison: 'dateOfBirth', transform: 'exact' }, { comparison: 'names', transform: 'initial-pair' }] });
  if (has('given') && has('surname')) rules.push({ name: 'names sound', parts: [{ comparison: 'names', transform: 'sound-pair' }] });
  if (dob && has('surname')) rules.push({ name: 'surname sound+birth year', parts: [{ comparison: 'surname', transform: 'sound' }, { comparison: 'dateOfBirth', transform: 'year' }] });
  if (dob && has('given')) rules.push({ name: 'given sound+birth year', parts: [{ comparison: 'given', transform: 'sound' }, { comparison: 'dateOfBirth', transform: 'year' }] });
  // Where an address is known: the house number with the postcode, the street or the locality.
  const firstOf = (role: string) => comparisons.find((c) => c.role === role)?.name;
  const number = firstOf('streetNumber');
  for (const place of [firstOf('postcode'), firstOf('street'), firstOf('locality')]) {
    if (number !== undefined && place !== undefined) rules.push({ name: `${place}+${number}`, parts: [{ comparison: place, transform: 'exact' }, { comparison: number, transform: 'exact' }] });
  }
  // And the postcode with the date of birth, or with the sound of the surname (a household).
  const postcode = firstOf('postcode');
  if (postcode !== undefined && dob) rules.push({ name: `dateOfBirth+${postcode}`, parts: [{ comparison: 'dateOfBirth', transform: 'exact' }, { comparison: postcode, transform: 'exact' }] });
  if (postcode !== undefined && has('surname')) rules.push({ name: `surname sound+${postcode}`, parts: [{ comparison: 'surname', transform: 'sound' }, { comparison: postcode, transform: 'exact' }] });
  for (const c of comparisons) {
    if (c.kind === 'identifier' || c.role === 'email') rules.push({ name: c.name, parts: [{ comparison: c.name, transform: 'exact' }] });
  }
  if (!dob && !has('given') && !has('surname')) {
    for (const c of comparisons) if (c.kind !== 'category') rules.push({ name: c.name, parts: [{ comparison: c.name, transform: 'exact' }] });
  }
  return rules;
}

/** Names of the comparisons a rule's key is built from: their agreement is forced inside its blocks. */
export function ruleComparisons(rule: BlockingRule): string[] {
  return rule.parts.flatMap((p) => (p.transform === 'sound-pair' || p.transform === 'initial-pair' ? ['given', 'surname'] : [p.comparison]));
}
