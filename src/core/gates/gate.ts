import { GateCheck, removalChecks } from './gate-check.js';

/** Who must look at a case a gate has stopped, beyond waiting for the fact to change. */
export type Referral = 'counsel' | 'legal-review';

export interface GateDefinition {
  readonly title: string;
  readonly citation: string;
  /** The checks this gate can stop. */
  readonly guards: readonly GateCheck[];
  readonly referral: Referral | undefined;
}

/** The legal gates: hard stops, each with its basis and the checks it guards. */
export const Gate = {
  citizenship: {
    title: 'Indication of US citizenship or nationality',
    citation: 'INA 101(a)(3) (8 U.S.C. 1101(a)(3)): only aliens are removable; GAO-21-487',
    guards: GateCheck, referral: 'counsel',
  },
  'permanent-residence': {
    title: 'Lawful permanent residence not ended by a final order',
    citation: 'INA 101(a)(20); 8 CFR 1001.1(p)',
    guards: ['request-detention', ...removalChecks], referral: 'counsel',
  },
  'pending-application': {
    title: 'A benefit application is pending',
    citation: 'Docket hard stop (a pending application is decided before removal)',
    guards: removalChecks, referral: undefined,
  },
  'pending-appeal': {
    title: 'An appeal is pending',
    citation: '8 CFR 1003.6(a)',
    guards: removalChecks, referral: undefined,
  },
  'stay-of-removal': {
    title: 'A stay of removal is in effect',
    citation: '8 CFR 1003.6; 8 CFR 1003.23(b); 8 CFR 241.6; INA 240(b)(5)(C); INA 242(b)(3)(B)',
    guards: removalChecks, referral: undefined,
  },
  'no-final-order': {
    title: 'No final order of removal',
    citation: 'INA 241(a)(1)(A) (8 U.S.C. 1231(a)(1)(A)); 8 CFR 1241.1',
    guards: removalChecks, referral: undefined,
  },
  'protected-status': {
    title: 'A protected status is in effect',
    citation: 'INA 244(a)(1)(A), (d)(4); INA 208(c)(1)(A); 8 CFR 274a.12(c)(14)',
    guards: ['request-detention', ...removalChecks], referral: undefined,
  },
  'protected-country': {
    title: 'Removal to a country of withholding or CAT protection',
    citation: 'INA 241(b)(3)(A) (8 U.S.C. 1231(b)(3)(A)); 8 CFR 1208.16, 1208.17',
    guards: removalChecks, referral: undefined,
  },
  'open-deadline': {
    title: 'A deadline is still open',
    citation: 'INA 240B; 8 CFR 1003.38(b); 8 CFR 1003.6(a)',
    guards: removalChecks, referral: undefined,
  },
  unsettled: {
    title: 'A question the law or the records do not settle',
    citation: 'Docket rule: where the law is unsettled, a person decides',
    guards: removalChecks, referral: 'legal-review',
  },
} as const satisfies Record<string, GateDefinition>;

export type GateId = keyof typeof Gate;
export const GateId = Object.keys(Gate) as readonly GateId[];
