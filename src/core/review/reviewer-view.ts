import { Moment } from '../calendar/index.js';
import type { GateReport } from '../gates/index.js';
import { prioritize, type Policy, type Prioritization } from '../policy/index.js';
import { deriveStatus, type DeriveOptions, type DerivedStatusKind, type Finding, type ResolvedPerson } from '../status/index.js';
import { approvalBlockers, type Refusal, type ReviewDecision } from './decide-proposal.js';
import type { MatchConfidence } from './match-confidence.js';
import type { Proposal } from './proposal.js';

/** Everything a reviewing officer sees before deciding: the facts, the gates, the rules that fired, the match confidence. */
export interface ReviewerView {
  readonly kind: 'reviewer-view';
  readonly proposal: Proposal;
  readonly moment: Moment;
  readonly person: { readonly personId: string; readonly recordCount: number; readonly sources: readonly string[] };
  readonly facts: {
    readonly status: DerivedStatusKind;
    readonly basis: Finding;
    readonly findings: readonly Finding[];
    readonly unsettled: readonly Finding[];
  };
  readonly gates: GateReport;
  /** The policy's placement of the person, with the rules that fired; absent when no policy is given. */
  readonly prioritization: Prioritization | undefined;
  readonly matchConfidence: MatchConfidence;
  /** What would refuse an approval now, whoever the reviewer; empty when an eligible reviewer may approve. */
  readonly blockers: readonly Refusal[];
}

export interface ReviewerViewOptions {
  readonly at: string;
  readonly policy?: Policy;
  readonly priorDecisions?: readonly ReviewDecision[];
  readonly options?: DeriveOptions;
}

/** Builds the reviewer's view of a proposal at a moment. */
export function reviewerView(proposal: Proposal, person: ResolvedPerson, view: ReviewerViewOptions): ReviewerView {
  const moment = Moment.ofInstant(view.at);
  const status = deriveStatus(person, moment, view.options);
  const { refusals, gates, confidence } = approvalBlockers(proposal, { person, priorDecisions: view.priorDecisions ?? [], options: view.options }, status);
  return {
    kind: 'reviewer-view', proposal, moment,
    person: { personId: person.personId, recordCount: person.records.length, sources: [...new Set(person.records.map((r) => r.source))].sort() },
    facts: { status: status.status, basis: status.basis, findings: status.findings, unsettled: status.unsettled },
    gates,
    prioritization: view.policy === undefined ? undefined : prioritize(view.policy, person, status),
    matchConfidence: confidence,
    blockers: refusals,
  };
}
