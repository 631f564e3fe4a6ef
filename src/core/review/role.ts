/** The roles of PRODUCT.md; a user may hold several. */
export const Role = [
  'field-officer', 'case-officer', 'reviewing-officer', 'data-steward', 'logistics-coordinator', 'auditor', 'administrator',
] as const;
export type Role = (typeof Role)[number];

/** A signed-in user as the rules see them: an id and the roles they hold. */
export interface User {
  readonly userId: string;
  readonly roles: readonly Role[];
}

export const User = {
  has(user: User, role: Role): boolean {
    return user.roles.includes(role);
  },

  hasAny(user: User, roles: readonly Role[]): boolean {
    return roles.some((role) => user.roles.includes(role));
  },
} as const;
