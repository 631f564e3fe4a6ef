/**
 * Two-person review of adverse actions. `propose` records a proposal; `decideProposal` approves or rejects it
 * under dual control; `reviewerView` assembles what the reviewer sees. An approval is then spent by
 * `decideTransition` in core/cases, which checks the gates again.
 */
export { approvalBlockers, decideProposal, RefusalCode } from './decide-proposal.js';
export type { DecisionContext, DecisionRequest, Refusal, ReviewDecision, ReviewOutcome } from './decide-proposal.js';
export { EvidenceRef } from './evidence-ref.js';
export { matchConfidence } from './match-confidence.js';
export type { MatchConfidence } from './match-confidence.js';
export { propose, proposerRoles } from './proposal.js';
export type { Proposal, ProposalInput } from './proposal.js';
export { Role, User } from './role.js';
export { reviewerView } from './reviewer-view.js';
export type { ReviewerView, ReviewerViewOptions } from './reviewer-view.js';
