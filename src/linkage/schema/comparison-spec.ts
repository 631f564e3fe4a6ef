import type { ComparisonKind } from './comparison-kind.js';
import type { FieldRole, LinkageSchema } from './field-role.js';

/** One stored value per record: a standardized field, fed by one or more columns (the first non-empty wins). */
export interface FeatureSpec {
  readonly name: string;
  readonly role: FieldRole;
  readonly columns: readonly string[];
}

/** One comparison of the model: the features it reads, how it compares them, whether rare values weigh more. */
export interface ComparisonSpec {
  readonly name: string;
  readonly kind: ComparisonKind;
  readonly features: readonly string[];
  /** Exact agreement on a rare value is stronger evidence than on a common one (Quiroga vs Garcia). */
  readonly termFrequency: boolean;
}

const addressRoles: readonly FieldRole[] = ['streetNumber', 'street', 'locality', 'postcode', 'region'];

/**
 * The features a schema gives: `given`, `middle` and `surname` from the name columns (a full-name
 * column fills them where the split columns are empty), then one feature per other column, named
 * after its role when the role appears once and after the column otherwise.
 */
export function featuresFor(schema: LinkageSchema): FeatureSpec[] {
  const out: FeatureSpec[] = [];
  const fullNames = schema.filter((f) => f.role === 'fullName').map((f) => f.column);
  for (const role of ['given', 'middle', 'surname'] as const) {
    const columns = schema.filter((f) => f.role === role).map((f) => f.column);
    if (columns.length > 0 || (fullNames.length > 0 && role !== 'middle')) out.push({ name: role, role, columns: [...columns, ...fullNames] });
  }
  for (const field of schema) {
    if (field.role === 'given' || field.role === 'middle' || field.role === 'surname' || field.role === 'fullName') continue;
    const single = schema.filter((f) => f.role === field.role).length === 1;
    out.push({ name: single ? field.role : field.column, role: field.role, columns: [field.column] });
  }
  return out;
}

const singleKinds: Readonly<Partial<Record<FieldRole, { kind: ComparisonKind; termFrequency: boolean }>>> = {
  given: { kind: 'name', termFrequency: true },
  middle: { kind: 'name', termFrequency: true },
  surname: { kind: 'name', termFrequency: true },
  dateOfBirth: { kind: 'date', termFrequency: false },
  sex: { kind: 'category', termFrequency: false },
  document: { kind: 'identifier', termFrequency: false },
  alienNumber: { kind: 'identifier', termFrequency: false },
  nationalId: { kind: 'identifier', termFrequency: false },
  email: { kind: 'text', termFrequency: false },
  text: { kind: 'text', termFrequency: true },
};

/**
 * The comparisons over a dataset's features: one per name, date, identifier and text feature;
 * one `countries` comparison over every country feature; one `address` comparison over every
 * address part.
 */
export function comparisonsFor(features: readonly FeatureSpec[]): ComparisonSpec[] {
  const out: ComparisonSpec[] = [];
  for (const feature of features) {
    const single = singleKinds[feature.role];
    if (single !== undefined) out.push({ name: feature.name, kind: single.kind, features: [feature.name], termFrequency: single.termFrequency });
  }
  const countries = features.filter((f) => f.role === 'country').map((f) => f.name);
  if (countries.length > 0) out.push({ name: 'country', kind: 'countries', features: countries, termFrequency: false });
  const address = features.filter((f) => addressRoles.includes(f.role)).map((f) => f.name);
  if (address.length > 0) out.push({ name: 'address', kind: 'address', features: address, termFrequency: false });
  return out;
}
