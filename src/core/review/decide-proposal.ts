import { Moment } from '../calendar/index.js';
import { evaluateGates, type GateId, type GateReport } from '../gates/index.js';
import { deriveStatus, type DeriveOptions, type DerivedStatus, type ResolvedPerson } from '../status/index.js';
import { matchConfidence, type MatchConfidence } from './match-confidence.js';
import type { Proposal } from './proposal.js';
import { User } from './role.js';

/** Why a decision was refused; each code is one rule of dual control. */
export const RefusalCode = ['reviewer-role', 'self-review', 'already-decided', 'reason-required', 'wrong-person', 'before-proposal', 'gate-holds', 'uncertain-link'] as const;
export type RefusalCode = (typeof RefusalCode)[number];

export interface Refusal {
  readonly code: RefusalCode;
  readonly message: string;
}

/** A reviewer's decision on a proposal, with what the gates said at that moment. */
export interface ReviewDecision {
  readonly kind: 'review-decision';
  readonly verdict: 'approved' | 'rejected';
  readonly proposalId: string;
  readonly caseId: string;
  readonly personId: string;
  readonly action: Proposal['action'];
  readonly destination: string | undefined;
  readonly proposedBy: string;
  readonly reviewer: string;
  readonly decidedAt: string;
  readonly reason: string;
  readonly gates: { readonly clear: boolean; readonly holding: readonly GateId[] };
  readonly matchBand: ReturnType<typeof matchConfidence>['band'];
}

export type ReviewOutcome =
  | { readonly kind: 'decided'; readonly decision: ReviewDecision }
  | { readonly kind: 'refused'; readonly refusals: readonly Refusal[] };

export interface DecisionRequest {
  readonly reviewer: User;
  readonly verdict: 'approve' | 'reject';
  readonly reason: string;
  readonly at: string;
}

export interface DecisionContext {
  /** The person the proposal is about, resolved now: gates and links are read at the moment of decision. */
  readonly person: ResolvedPerson;
  /** Decisions already taken on this proposal. */
  readonly priorDecisions: readonly ReviewDecision[];
  readonly options?: DeriveOptions;
}

/**
 * Decides a proposal under dual control. Any decision needs a reviewing officer who is not the proposer,
 * a reason, and an undecided proposal. An approval also needs every gate for the action clear and every
 * uncertain-band link behind the person confirmed by a data steward. All refusals are reported at once.
 */
export function decideProposal(proposal: Proposal, request: DecisionRequest, context: DecisionContext): ReviewOutcome {
  const { reviewer, verdict, at } = request;
  const moment = Moment.ofInstant(at);
  const refusals: Refusal[] = [];
  const refuse = (code: RefusalCode, message: string): void => void refusals.push({ code, message });

  if (!User.has(reviewer, 'reviewing-officer')) refuse('reviewer-role', `${reviewer.userId} does not hold the reviewing-officer role.`);
  if (reviewer.userId === proposal.proposedBy) refuse('self-review', `${reviewer.userId} proposed this action and may not decide it.`);
  if (request.reason.trim() === '') refuse('reason-required', 'A decision needs a reason.');
  if (context.person.personId !== proposal.personId) refuse('wrong-person', `The proposal concerns ${proposal.personId}, not ${context.person.personId}.`);
  if (moment.instant !== undefined && moment.instant < Date.parse(proposal.proposedAt)) refuse('before-proposal', 'A decision cannot precede the proposal.');

  // A rejection is never blocked by gates or links: only by a decision already taken.
  const status = deriveStatus(context.person, moment, context.options);
  const { refusals: blockers, gates, confidence } = approvalBlockers(proposal, context, status);
  refusals.push(...blockers.filter((r) => verdict === 'approve' || r.code === 'already-decided'));
  if (refusals.length > 0) return { kind: 'refused', refusals };
  return {
    kind: 'decided',
    decision: {
      kind: 'review-decision', verdict: verdict === 'approve' ? 'approved' : 'rejected', proposalId: proposal.proposalId, caseId: proposal.caseId,
      personId: proposal.personId, action: proposal.action, destination: proposal.destination, proposedBy: proposal.proposedBy,
      reviewer: reviewer.userId, decidedAt: at, reason: request.reason.trim(),
      gates: { clear: gates.clear, holding: gates.holding.map((r) => r.gate) }, matchBand: confidence.band,
    },
  };
}

/**
 * What would stop any eligible reviewer approving at this moment: a decision already taken, a gate that
 * holds for the action, an uncertain link no steward has confirmed. The reviewer's view shows these too.
 */
export function approvalBlockers(proposal: Proposal, context: DecisionContext, status: DerivedStatus): { refusals: readonly Refusal[]; gates: GateReport; confidence: MatchConfidence } {
  const refusals: Refusal[] = [];
  if (alreadyDecided(proposal, context)) refusals.push({ code: 'already-decided', message: `Proposal ${proposal.proposalId} has already been decided.` });
  const gates = evaluateGates(status, { check: proposal.action, destination: proposal.destination });
  if (!gates.clear) refusals.push({ code: 'gate-holds', message: gates.summary });
  const confidence = matchConfidence(context.person);
  if (confidence.unconfirmedLinks.length > 0) {
    const pairs = confidence.unconfirmedLinks.map((link) => link.recordIds.join('~')).join(', ');
    refusals.push({ code: 'uncertain-link', message: `The person's records rest on uncertain links a data steward has not confirmed (${pairs}).` });
  }
  return { refusals, gates, confidence };
}

function alreadyDecided(proposal: Proposal, context: DecisionContext): boolean {
  return context.priorDecisions.some((d) => d.proposalId === proposal.proposalId);
}
