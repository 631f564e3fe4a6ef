import type { Role } from '../../core/access/index.js';
import type { PurposeOfUse } from '../../core/sources/index.js';

/** What a request may do; each route names the one it needs. */
export const Permission = [
  'person.search',
  'person.read',
  'entity.change',
  'review.read',
  'review.decide',
  'dashboard.read',
  'ledger.read-all',
  'ledger.read-own',
  'account.list',
  // Casework (src/server/routes/case-routes.ts and its neighbours).
  'case.read',
  'case.identify',
  'case.propose',
  'case.decide',
  'case.transition',
  'case.checkpoint',
  'departure.read',
  'policy.simulate',
  'policy.manage',
] as const;
export type Permission = (typeof Permission)[number];

const personReader: readonly Permission[] = ['person.search', 'person.read', 'dashboard.read', 'ledger.read-own'];

/** Need to know, per role: anything not listed is outside the role's scope. */
export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  'field-officer': [...personReader, 'case.read', 'departure.read'],
  'case-officer': [...personReader, 'case.read', 'case.identify', 'case.propose', 'case.transition', 'case.checkpoint', 'departure.read'],
  'reviewing-officer': [...personReader, 'case.read', 'case.decide', 'case.transition', 'departure.read'],
  'logistics-coordinator': [...personReader, 'case.read', 'case.propose', 'case.transition', 'case.checkpoint', 'departure.read'],
  'data-steward': [...personReader, 'entity.change', 'review.read', 'review.decide'],
  auditor: ['dashboard.read', 'ledger.read-all', 'ledger.read-own', 'policy.simulate'],
  administrator: ['account.list', 'dashboard.read', 'ledger.read-own', 'policy.simulate', 'policy.manage'],
  system: [],
};

/** The purposes of use each role may declare; a role that reads no person data declares none. */
export const rolePurposes: Readonly<Record<Role, readonly PurposeOfUse[]>> = {
  'field-officer': ['case-processing', 'identity-resolution', 'legal-status-determination', 'departure-verification'],
  'case-officer': ['case-processing', 'identity-resolution', 'legal-status-determination', 'departure-verification', 'challenge-and-correction'],
  'reviewing-officer': ['case-processing', 'legal-status-determination', 'challenge-and-correction'],
  'logistics-coordinator': ['removal-logistics', 'departure-verification'],
  'data-steward': ['data-quality', 'identity-resolution'],
  auditor: ['oversight-audit'],
  administrator: [],
  system: [],
};

/**
 * The statute under which a read for each purpose happens, written into every ledger entry.
 * The sources read must also permit the purpose (their registration says which).
 */
export const purposeLegalBasis: Readonly<Record<PurposeOfUse, string>> = {
  'case-processing': '8 U.S.C. 1103(a)',
  'identity-resolution': '8 U.S.C. 1103(a)',
  'legal-status-determination': '8 U.S.C. 1103(a)',
  'departure-verification': '8 U.S.C. 1365b',
  'removal-logistics': '8 U.S.C. 1231',
  'data-quality': '5 U.S.C. 552a(e)(5)',
  'challenge-and-correction': '5 U.S.C. 552a(d)',
  'oversight-audit': '6 U.S.C. 142',
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

export function mayDeclare(role: Role, purpose: PurposeOfUse): boolean {
  return rolePurposes[role].includes(purpose);
}
