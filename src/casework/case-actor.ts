import type { Role as AccessRole } from '../core/access/index.js';
import type { AuditContext } from '../core/ledger/index.js';
import { Role, type User } from '../core/review/index.js';
import type { PurposeOfUse } from '../core/sources/index.js';

/** Who acts in a case: the user the rules see (an id and roles), and the context of every ledger entry written for them. */
export interface CaseActor {
  readonly user: User;
  readonly audit: AuditContext;
}

/** The statute under which each purpose of use reads person data in casework (the same table the HTTP API declares). */
const legalBasis: Readonly<Record<PurposeOfUse, string>> = {
  'case-processing': '8 U.S.C. 1103(a)',
  'identity-resolution': '8 U.S.C. 1103(a)',
  'legal-status-determination': '8 U.S.C. 1103(a)',
  'departure-verification': '8 U.S.C. 1365b',
  'removal-logistics': '8 U.S.C. 1231',
  'data-quality': '5 U.S.C. 552a(e)(5)',
  'challenge-and-correction': '5 U.S.C. 552a(d)',
  'oversight-audit': '6 U.S.C. 142',
};

/** The account that runs Docket's own re-checks: it only ever halts a removal or closes a case on a verified departure. */
export const systemUserId = 'system:casework';

export const CaseActor = {
  /** A person with one role, working for one purpose. A role the case rules do not know (administrator, system) holds no case role. */
  of(userId: string, role: AccessRole, purpose: PurposeOfUse): CaseActor {
    const caseRole = Role.find((r) => r === role);
    return {
      user: { userId, roles: caseRole === undefined ? [] : [caseRole] },
      audit: { actor: userId, role, purpose, legalBasis: legalBasis[purpose] },
    };
  },

  /**
   * Docket itself, for the steps that favour the person and may run on every new record (halting a
   * removal a gate now stops, closing a case on a verified departure). The case rules require a case
   * officer's role for those steps; the ledger shows the role `system`.
   */
  system(purpose: PurposeOfUse): CaseActor {
    return { user: { userId: systemUserId, roles: ['case-officer'] }, audit: { actor: systemUserId, role: 'system', purpose, legalBasis: legalBasis[purpose] } };
  },

  legalBasis(purpose: PurposeOfUse): string {
    return legalBasis[purpose];
  },
} as const;
