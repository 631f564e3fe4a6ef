import { z } from 'zod';
import { AdverseAction, GateCheck, GateId } from '../../core/gates/index.js';
import { CaseState, ClosureReason, TransitionKind } from '../../core/cases/index.js';
import { WatchState } from '../../core/departures/index.js';

/** The shapes the casework endpoints answer with, for the OpenAPI document (the casework services make them). */

/** Lists the services hand out are read-only. */
export const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

export const FindingView = z.object({
  kind: z.literal('finding'),
  ruleId: z.string(),
  citation: z.string(),
  explanation: z.string(),
  recordIds: list(z.string()),
}).meta({ id: 'Finding' });

const RuleHitView = z.object({ ruleId: z.string(), description: z.string(), citation: z.string(), tier: z.union([z.number().int(), z.literal('exempt')]) });

export const PriorityViewSchema = z.object({
  policy: z.object({ id: z.string(), version: z.number().int() }),
  outcome: z.string(),
  tier: z.number().int().nullable(),
  tierName: z.string().nullable(),
  explanation: z.string(),
  fired: list(RuleHitView),
}).meta({ id: 'Priority' });

export const PersonSummaryView = z.object({
  entityId: z.number().int(),
  personId: z.string(),
  name: z.string(),
  recordCount: z.number().int(),
  withheldRecords: z.number().int(),
  sources: list(z.string()),
});

export const CaseSummaryView = z.object({
  caseId: z.number().int(),
  person: PersonSummaryView,
  state: z.enum(CaseState),
  closure: z.enum(ClosureReason).nullable(),
  priority: PriorityViewSchema,
  prioritizedAt: z.string(),
  identifiedAt: z.string(),
  updatedAt: z.string(),
  ageDays: z.number().int(),
  events: z.number().int(),
}).meta({ id: 'CaseSummary' });

export const GateViewSchema = z.object({
  check: z.enum(GateCheck as readonly [GateCheck, ...GateCheck[]]),
  clear: z.boolean(),
  summary: z.string(),
  destination: z.string().nullable(),
  holding: list(z.object({
    gate: z.enum(GateId as readonly [GateId, ...GateId[]]),
    title: z.string(),
    citation: z.string(),
    explanation: z.string(),
    recordIds: list(z.string()),
    withheldRecords: z.number().int(),
    referral: z.enum(['counsel', 'legal-review']).nullable(),
  })),
}).meta({ id: 'Gates' });

export const StatusViewSchema = z.object({
  status: z.string(),
  basis: FindingView,
  findings: list(FindingView),
  unsettled: list(FindingView),
  withheldFindings: z.number().int(),
}).meta({ id: 'DerivedStatus' });

const RecordLinkView = z.object({
  recordIds: z.tuple([z.string(), z.string()]).readonly(),
  band: z.enum(['certain', 'uncertain']),
  matchProbability: z.number().optional(),
  stewardConfirmation: z.object({ by: z.string(), at: z.string() }).optional(),
});

export const MatchConfidenceView = z.object({
  kind: z.literal('match-confidence'),
  band: z.enum(['single-record', 'certain', 'uncertain-confirmed', 'uncertain-unconfirmed']),
  recordCount: z.number().int(),
  lowestMatchProbability: z.number().optional(),
  uncertainLinks: list(RecordLinkView),
  unconfirmedLinks: list(RecordLinkView),
}).meta({ id: 'MatchConfidence' });

const EvidenceRefView = z.union([
  z.object({ kind: z.literal('record'), recordId: z.string() }),
  z.object({ kind: z.literal('proposal'), proposalId: z.string() }),
  z.object({ kind: z.literal('document'), reference: z.string() }),
]);

export const CaseEventView = z.object({
  kind: z.literal('case-event'),
  caseId: z.string(),
  personId: z.string(),
  sequence: z.number().int(),
  transition: z.enum(TransitionKind as readonly [TransitionKind, ...TransitionKind[]]),
  from: z.enum(CaseState).nullable(),
  to: z.enum(CaseState),
  closure: z.enum(ClosureReason).optional(),
  actor: z.object({ userId: z.string(), roles: list(z.string()) }),
  at: z.string(),
  reason: z.string(),
  evidence: list(EvidenceRefView),
  approval: z.object({ proposalId: z.string(), proposedBy: z.string(), approvedBy: z.string() }).optional(),
  gates: z.object({ check: z.string(), clear: z.boolean(), holding: list(z.string()) }).optional(),
  destination: z.string().optional(),
}).meta({ id: 'CaseEvent' });

const ReviewDecisionView = z.object({
  kind: z.literal('review-decision'),
  verdict: z.enum(['approved', 'rejected']),
  proposalId: z.string(),
  caseId: z.string(),
  personId: z.string(),
  action: z.enum(AdverseAction),
  destination: z.string().optional(),
  proposedBy: z.string(),
  reviewer: z.string(),
  decidedAt: z.string(),
  reason: z.string(),
  gates: z.object({ clear: z.boolean(), holding: list(z.string()) }),
  matchBand: z.string(),
});

export const ProposalViewSchema = z.object({
  proposalId: z.number().int(),
  caseId: z.number().int(),
  action: z.enum(AdverseAction),
  proposedBy: z.string(),
  proposedAt: z.string(),
  reason: z.string(),
  destination: z.string().nullable(),
  evidence: list(EvidenceRefView),
  status: z.enum(['pending', 'approved', 'rejected', 'carried-out']),
  decision: ReviewDecisionView.nullable(),
  carriedOutIn: z.number().int().nullable(),
}).meta({ id: 'Proposal' });

const DepartureWatchView = z.object({
  kind: z.literal('departure-watch'),
  personId: z.string(),
  caseNumber: z.string(),
  grantRecordId: z.string(),
  grantedOn: z.string(),
  deadline: z.string(),
  state: z.enum(WatchState),
  daysLeft: z.number().int(),
  alert: z.boolean(),
  verification: z.object({
    kind: z.literal('departure-verification'),
    personId: z.string(),
    departedOn: z.string(),
    evidence: list(z.object({ recordId: z.string(), date: z.string(), evidence: z.enum(['departure-record', 'manifest', 'biometric-exit']) })),
    strongest: z.enum(['departure-record', 'manifest', 'biometric-exit']),
    voluntaryDeparture: z.object({ caseNumber: z.string(), deadline: z.string(), timely: z.boolean() }).optional(),
    /** Plain words for the person and their counsel. */
    statement: z.string(),
  }).optional(),
  findings: list(FindingView),
  explanation: z.string(),
}).meta({ id: 'DepartureWatch' });

export const CaseDetailView = CaseSummaryView.extend({
  status: StatusViewSchema,
  matchConfidence: MatchConfidenceView,
  gates: list(GateViewSchema),
  history: list(CaseEventView),
  proposals: list(ProposalViewSchema),
  next: list(z.object({
    transition: z.enum(TransitionKind as readonly [TransitionKind, ...TransitionKind[]]),
    description: z.string(),
    roles: list(z.string()),
    action: z.enum(AdverseAction).nullable(),
    approvedProposal: z.number().int().nullable(),
  })),
  departures: list(DepartureWatchView),
  at: z.string(),
}).meta({ id: 'CaseDetail' });

export const ReviewItemView = z.object({
  proposal: ProposalViewSchema,
  case: CaseSummaryView,
  facts: StatusViewSchema,
  gates: GateViewSchema,
  prioritization: PriorityViewSchema,
  matchConfidence: MatchConfidenceView,
  blockers: list(z.object({ code: z.string(), message: z.string() })),
  at: z.string(),
}).meta({ id: 'ProposalReview' });

export const DepartureBoardViewSchema = z.object({
  at: z.string(),
  alertDays: z.number().int(),
  due: list(DepartureWatchView),
  alerts: list(DepartureWatchView),
  verified: list(DepartureWatchView),
  departedLate: list(DepartureWatchView),
  overdue: list(DepartureWatchView),
  suspended: list(DepartureWatchView),
  ended: list(DepartureWatchView),
  names: z.record(z.string(), z.string()),
}).meta({ id: 'DepartureBoard' });

export const DepartureCountsView = z.object({
  at: z.string(),
  due: z.number().int(),
  alerts: z.number().int(),
  verified: z.number().int(),
  'departed-late': z.number().int(),
  overdue: z.number().int(),
  suspended: z.number().int(),
  ended: z.number().int(),
}).meta({ id: 'DepartureCounts' });
