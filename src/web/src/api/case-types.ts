/** The shapes the casework endpoints answer with (see /api/openapi.json, tag "cases"). */

export interface Finding {
  readonly ruleId: string;
  readonly citation: string;
  readonly explanation: string;
  readonly recordIds: readonly string[];
}

export interface RuleHit {
  readonly ruleId: string;
  readonly description: string;
  readonly citation: string;
  readonly tier: number | 'exempt';
}

export interface Priority {
  readonly policy: { readonly id: string; readonly version: number };
  readonly outcome: string;
  readonly tier: number | null;
  readonly tierName: string | null;
  readonly explanation: string;
  readonly fired: readonly RuleHit[];
}

export interface PersonSummary {
  readonly entityId: number;
  readonly personId: string;
  readonly name: string;
  readonly recordCount: number;
  readonly withheldRecords: number;
  readonly sources: readonly string[];
}

export interface CaseSummary {
  readonly caseId: number;
  readonly person: PersonSummary;
  readonly state: string;
  readonly closure: string | null;
  readonly priority: Priority;
  readonly prioritizedAt: string;
  readonly identifiedAt: string;
  readonly updatedAt: string;
  readonly ageDays: number;
  readonly events: number;
}

export interface GateHold {
  readonly gate: string;
  readonly title: string;
  readonly citation: string;
  readonly explanation: string;
  readonly recordIds: readonly string[];
  readonly withheldRecords: number;
  readonly referral: 'counsel' | 'legal-review' | null;
}

export interface Gates {
  readonly check: string;
  readonly clear: boolean;
  readonly summary: string;
  readonly destination: string | null;
  readonly holding: readonly GateHold[];
}

export interface StatusView {
  readonly status: string;
  readonly basis: Finding;
  readonly findings: readonly Finding[];
  readonly unsettled: readonly Finding[];
  readonly withheldFindings: number;
}

export interface RecordLink {
  readonly recordIds: readonly [string, string];
  readonly band: 'certain' | 'uncertain';
  readonly matchProbability?: number;
  readonly stewardConfirmation?: { readonly by: string; readonly at: string };
}

export interface MatchConfidence {
  readonly band: 'single-record' | 'certain' | 'uncertain-confirmed' | 'uncertain-unconfirmed';
  readonly recordCount: number;
  readonly lowestMatchProbability?: number;
  readonly uncertainLinks: readonly RecordLink[];
  readonly unconfirmedLinks: readonly RecordLink[];
}

export type EvidenceRef =
  | { readonly kind: 'record'; readonly recordId: string }
  | { readonly kind: 'proposal'; readonly proposalId: string }
  | { readonly kind: 'document'; readonly reference: string };

export interface CaseEvent {
  readonly sequence: number;
  readonly transition: string;
  readonly from: string | null;
  readonly to: string;
  readonly closure?: string;
  readonly actor: { readonly userId: string; readonly roles: readonly string[] };
  readonly at: string;
  readonly reason: string;
  readonly evidence: readonly EvidenceRef[];
  readonly approval?: { readonly proposalId: string; readonly proposedBy: string; readonly approvedBy: string };
  readonly gates?: { readonly check: string; readonly clear: boolean; readonly holding: readonly string[] };
  readonly destination?: string;
}

export interface Decision {
  readonly verdict: 'approved' | 'rejected';
  readonly reviewer: string;
  readonly decidedAt: string;
  readonly reason: string;
}

export interface Proposal {
  readonly proposalId: number;
  readonly caseId: number;
  readonly action: string;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly reason: string;
  readonly destination: string | null;
  readonly status: 'pending' | 'approved' | 'rejected' | 'carried-out';
  readonly decision: Decision | null;
  readonly carriedOutIn: number | null;
}

export interface NextStep {
  readonly transition: string;
  readonly description: string;
  readonly roles: readonly string[];
  readonly action: string | null;
  readonly approvedProposal: number | null;
}

export interface DepartureWatch {
  readonly personId: string;
  readonly caseNumber: string;
  readonly deadline: string;
  readonly state: string;
  readonly daysLeft: number;
  readonly alert: boolean;
  readonly explanation: string;
  readonly verification?: { readonly departedOn: string; readonly statement: string };
}

export interface CaseDetail extends CaseSummary {
  readonly status: StatusView;
  readonly matchConfidence: MatchConfidence;
  readonly gates: readonly Gates[];
  readonly history: readonly CaseEvent[];
  readonly proposals: readonly Proposal[];
  readonly next: readonly NextStep[];
  readonly departures: readonly DepartureWatch[];
  readonly at: string;
}

export interface ReviewBlocker {
  readonly code: string;
  readonly message: string;
}

export interface ProposalReview {
  readonly proposal: Proposal;
  readonly case: CaseSummary;
  readonly facts: StatusView;
  readonly gates: Gates;
  readonly prioritization: Priority;
  readonly matchConfidence: MatchConfidence;
  readonly blockers: readonly ReviewBlocker[];
  readonly at: string;
}

export interface DepartureBoard {
  readonly at: string;
  readonly alertDays: number;
  readonly due: readonly DepartureWatch[];
  readonly alerts: readonly DepartureWatch[];
  readonly verified: readonly DepartureWatch[];
  readonly departedLate: readonly DepartureWatch[];
  readonly overdue: readonly DepartureWatch[];
  readonly suspended: readonly DepartureWatch[];
  readonly ended: readonly DepartureWatch[];
  readonly names: Readonly<Record<string, string>>;
}

export interface DepartureCounts {
  readonly at: string;
  readonly due: number;
  readonly alerts: number;
  readonly verified: number;
  readonly 'departed-late': number;
  readonly overdue: number;
  readonly suspended: number;
  readonly ended: number;
}
