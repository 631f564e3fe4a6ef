import { Moment } from '../calendar/index.js';
import { DocketError } from '../errors/index.js';
import type { AdverseAction } from '../gates/index.js';
import type { EvidenceRef } from './evidence-ref.js';
import { User, type Role } from './role.js';

/** An adverse action put forward by one user, waiting for another to decide it. */
export interface Proposal {
  readonly kind: 'proposal';
  readonly proposalId: string;
  readonly caseId: string;
  readonly personId: string;
  readonly action: AdverseAction;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly reason: string;
  readonly evidence: readonly EvidenceRef[];
  /** The country of removal, required for `schedule-removal`: withholding and CAT gates depend on it. */
  readonly destination: string | undefined;
}

/** Who may put each adverse action forward. */
export const proposerRoles: Readonly<Record<AdverseAction, readonly Role[]>> = {
  'open-case': ['case-officer'],
  'issue-notice': ['case-officer'],
  'request-detention': ['case-officer'],
  'schedule-removal': ['case-officer', 'logistics-coordinator'],
};

export interface ProposalInput {
  readonly proposalId: string;
  readonly caseId: string;
  readonly personId: string;
  readonly action: AdverseAction;
  readonly at: string;
  readonly reason: string;
  readonly evidence?: readonly EvidenceRef[];
  readonly destination?: string;
}

/** Puts an adverse action forward; refuses a proposer without the role, an empty reason, or a removal without a destination. */
export function propose(input: ProposalInput, proposer: User): Proposal {
  const allowed = proposerRoles[input.action];
  if (!User.hasAny(proposer, allowed)) {
    throw new DocketError('refused', `${proposer.userId} may not propose ${input.action}: it needs the role ${allowed.join(' or ')}`, { details: { rule: 'review.proposer-role', action: input.action } });
  }
  if (input.reason.trim() === '') throw new DocketError('invalid-input', `a proposal to ${input.action} needs a reason`, { details: { field: 'reason' } });
  if (input.action === 'schedule-removal' && (input.destination === undefined || !/^[A-Z]{3}$/.test(input.destination))) {
    throw new DocketError('invalid-input', 'a proposal to schedule removal needs the destination country (ISO alpha-3)', { details: { field: 'destination' } });
  }
  Moment.ofInstant(input.at);
  return {
    kind: 'proposal', proposalId: input.proposalId, caseId: input.caseId, personId: input.personId, action: input.action,
    proposedBy: proposer.userId, proposedAt: input.at, reason: input.reason.trim(), evidence: [...(input.evidence ?? [])],
    destination: input.action === 'schedule-removal' ? input.destination : undefined,
  };
}
