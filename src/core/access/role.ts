/** The roles of Docket's users (see the product brief); each request acts under exactly one. */
export const Role = [
  'field-officer',
  'case-officer',
  'reviewing-officer',
  'data-steward',
  'logistics-coordinator',
  'auditor',
  'administrator',
  /** The system itself, for scheduled work such as retention purges; never for adverse actions. */
  'system',
] as const;
export type Role = (typeof Role)[number];
