/**
 * What a column holds, which decides how it is standardized, compared and blocked on.
 * `fullName` is split into given, middle and surname; `document` is a passport or other travel
 * document number, `alienNumber` the A-number; `text` is any other comparable text.
 */
export const FieldRole = {
  given: 'given',
  middle: 'middle',
  surname: 'surname',
  fullName: 'fullName',
  dateOfBirth: 'dateOfBirth',
  sex: 'sex',
  country: 'country',
  document: 'document',
  alienNumber: 'alienNumber',
  nationalId: 'nationalId',
  email: 'email',
  streetNumber: 'streetNumber',
  street: 'street',
  locality: 'locality',
  postcode: 'postcode',
  region: 'region',
  text: 'text',
} as const;
export type FieldRole = (typeof FieldRole)[keyof typeof FieldRole];

/** One input column and its role. */
export interface FieldSpec {
  readonly column: string;
  readonly role: FieldRole;
}

/** The columns the engine reads, in the order values are given to it. */
export type LinkageSchema = readonly FieldSpec[];

export const fieldRoles: readonly FieldRole[] = Object.values(FieldRole);

export function isFieldRole(value: string): value is FieldRole {
  return (fieldRoles as readonly string[]).includes(value);
}
