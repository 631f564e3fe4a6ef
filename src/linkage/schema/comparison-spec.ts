import type { ComparisonKind } from './comparison-kind.js';
import type { FieldRole, LinkageSchema } from './field-role.js';

/** One comparison of the model: which columns feed it, how it compares, whether rare values weigh more. */
export interface ComparisonSpec {
  readonly name: string;
  readonly kind: ComparisonKind;
  /** The role whose standardization the values get. */
  readonly role: FieldRole;
  readonly columns: readonly string[];
  /** Exact agreement on a rare value is stronger evidence than on a common one (Quiroga vs Garcia). */
  readonly termFrequency: boolean;
}

const singleRoles: Readonly<Partial<Record<FieldRole, { kind: ComparisonKind; termFrequency: boolean }>>> = {
  middle: { kind: 'name', termFrequency: true },
  dateOfBirth: { kind: 'date', termFrequency: false },
  sex: { kind: 'category', termFrequency: false },
  country: { kind: 'category', termFrequency: true },
  document: { kind: 'identifier', termFrequency: false },
  alienNumber: { kind: 'identifier', termFrequency: false },
  nationalId: { kind: 'identifier', termFrequency: false },
  email: { kind: 'text', termFrequency: false },
  streetNumber: { kind: 'code', termFrequency: true },
  street: { kind: 'text', termFrequency: true },
  locality: { kind: 'text', termFrequency: true },
  postcode: { kind: 'code', termFrequency: true },
  region: { kind: 'category', termFrequency: true },
  text: { kind: 'text', termFrequency: true },
};

/**
 * The comparisons a schema gives: `given` and `surname` from the name columns (a full-name column
 * fills them where the split columns are empty), then one comparison per other column.
 */
export function comparisonsFor(schema: LinkageSchema): ComparisonSpec[] {
  const out: ComparisonSpec[] = [];
  const fullNames = schema.filter((f) => f.role === 'fullName').map((f) => f.column);
  for (const role of ['given', 'surname'] as const) {
    const columns = schema.filter((f) => f.role === role).map((f) => f.column);
    if (columns.length > 0 || fullNames.length > 0) {
      out.push({ name: role, kind: 'name', role, columns: [...columns, ...fullNames], termFrequency: true });
    }
  }
  for (const field of schema) {
    const single = singleRoles[field.role];
    if (single === undefined) continue;
    const name = out.some((c) => c.name === field.role) || schema.filter((f) => f.role === field.role).length > 1 ? field.column : field.role;
    out.push({ name, kind: single.kind, role: field.role, columns: [field.column], termFrequency: single.termFrequency });
  }
  return out;
}
