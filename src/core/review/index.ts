export { decideProposal, RefusalCode } from './decide-proposal.js';
export type { DecisionContext, DecisionRequest, Refusal, ReviewDecision, ReviewOutcome } from './decide-proposal.js';
export { EvidenceRef } from './evidence-ref.js';
export { matchConfidence } from './match-confidence.js';
export type { MatchConfidence } from './match-confidence.js';
export { propose, proposerRoles } from './proposal.js';
export type { Proposal, ProposalInput } from './proposal.js';
export { Role, User } from './role.js';
