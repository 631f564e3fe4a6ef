import { IsoDay } from '../core/calendar/index.js';
import { Transition, TransitionKind, type CaseEvent, type CaseState, type ClosureReason } from '../core/cases/index.js';
import type { DepartureWatch } from '../core/departures/index.js';
import type { AdverseAction, GateCheck, GateId, GateReport, Referral } from '../core/gates/index.js';
import type { Prioritization, RuleHit } from '../core/policy/index.js';
import type { EvidenceRef, MatchConfidence, Refusal, ReviewDecision, Role } from '../core/review/index.js';
import type { DerivedStatusKind, Finding, ResolvedPerson } from '../core/status/index.js';
import type { CaseRow, ProposalRow } from '../store/index.js';
import type { LoadedPerson } from './person-loader.js';

/** Which records the reader may see: those whose source permits the declared purpose. */
export type Visibility = (recordId: string) => boolean;

export const Visibility = {
  forPurpose(loaded: LoadedPerson, purpose: string): Visibility {
    return (recordId) => loaded.purposes.get(recordId)?.includes(purpose) === true;
  },
} as const;

/** Said in place of an explanation resting on records the reader's purpose does not permit. */
export const withheldExplanation = 'This rests on records your declared purpose of use does not permit you to read; ask someone who may read them.';

export interface PersonSummary {
  readonly entityId: number;
  readonly personId: string;
  readonly name: string;
  readonly recordCount: number;
  /** Records held whose sources do not permit the reader's purpose; the rules still read them. */
  readonly withheldRecords: number;
  readonly sources: readonly string[];
}

export interface PriorityView {
  readonly policy: { readonly id: string; readonly version: number };
  /** `tier-1`, …, `exempt`, `none` or `excluded`. */
  readonly outcome: string;
  readonly tier: number | null;
  readonly tierName: string | null;
  readonly explanation: string;
  readonly fired: readonly RuleHit[];
}

export interface CaseSummary {
  readonly caseId: number;
  readonly person: PersonSummary;
  readonly state: CaseState;
  readonly closure: ClosureReason | null;
  readonly priority: PriorityView;
  readonly prioritizedAt: string;
  readonly identifiedAt: string;
  readonly updatedAt: string;
  /** Whole days since identification: the queue's second key. */
  readonly ageDays: number;
  readonly events: number;
}

export interface GateView {
  readonly check: GateCheck;
  readonly clear: boolean;
  readonly summary: string;
  readonly destination: string | null;
  readonly holding: readonly {
    readonly gate: GateId;
    readonly title: string;
    readonly citation: string;
    readonly explanation: string;
    readonly recordIds: readonly string[];
    readonly withheldRecords: number;
    readonly referral: Referral | null;
  }[];
}

export interface StatusView {
  readonly status: DerivedStatusKind;
  readonly basis: Finding;
  readonly findings: readonly Finding[];
  readonly unsettled: readonly Finding[];
  /** Findings left out because they rest on withheld records. */
  readonly withheldFindings: number;
}

export type ProposalStatus = 'pending' | 'approved' | 'rejected' | 'carried-out';

export interface ProposalView {
  readonly proposalId: number;
  readonly caseId: number;
  readonly action: AdverseAction;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly reason: string;
  readonly destination: string | null;
  readonly evidence: readonly EvidenceRef[];
  readonly status: ProposalStatus;
  readonly decision: ReviewDecision | null;
  readonly carriedOutIn: number | null;
}

export interface NextStep {
  readonly transition: TransitionKind;
  readonly description: string;
  readonly roles: readonly Role[];
  /** Set for adverse actions: a proposal approved by a second person is needed first. */
  readonly action: AdverseAction | null;
  /** The approved, unused proposal that would authorize it. */
  readonly approvedProposal: number | null;
}

export interface CaseDetail extends CaseSummary {
  readonly status: StatusView;
  readonly matchConfidence: MatchConfidence;
  /** The gates for each adverse action, read now. */
  readonly gates: readonly GateView[];
  readonly history: readonly CaseEvent[];
  readonly proposals: readonly ProposalView[];
  readonly next: readonly NextStep[];
  readonly departures: readonly DepartureWatch[];
  readonly at: string;
}

/** Everything a reviewing officer sees before deciding one proposal. */
export interface ReviewItem {
  readonly proposal: ProposalView;
  readonly case: CaseSummary;
  readonly facts: StatusView;
  readonly gates: GateView;
  readonly prioritization: PriorityView;
  readonly matchConfidence: MatchConfidence;
  /** What would refuse an approval now, whoever decides; empty when an eligible reviewer may approve. */
  readonly blockers: readonly Refusal[];
  readonly at: string;
}

/** The name most of the visible records give; a person whose every record is withheld is named by id. */
export function personName(person: ResolvedPerson, visible: Visibility): string {
  const counts = new Map<string, number>();
  for (const { recordId, record } of person.records) {
    if (!visible(recordId)) continue;
    const n = record.name;
    const name = [n.given, n.middle, n.surname].filter((p) => p !== undefined && p !== '').join(' ') || n.full || '';
    if (name !== '') counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).at(0)?.[0] ?? `(person ${person.personId}, records withheld)`;
}

export function personSummary(loaded: LoadedPerson, visible: Visibility): PersonSummary {
  const { person } = loaded;
  const shown = person.records.filter((r) => visible(r.recordId));
  return {
    entityId: loaded.entityId, personId: person.personId, name: personName(person, visible), recordCount: person.records.length,
    withheldRecords: person.records.length - shown.length, sources: [...new Set(shown.map((r) => r.source))].sort(),
  };
}

export function priorityView(prioritization: Prioritization): PriorityView {
  const { outcome } = prioritization;
  return {
    policy: prioritization.policy,
    outcome: outcome.kind === 'tier' ? `tier-${outcome.tier}` : outcome.kind,
    tier: outcome.kind === 'tier' ? outcome.tier : null,
    tierName: outcome.kind === 'tier' ? outcome.name : null,
    explanation: prioritization.explanation,
    fired: prioritization.fired,
  };
}

export function caseSummary(row: CaseRow, loaded: LoadedPerson, visible: Visibility, now: Date): CaseSummary {
  return {
    caseId: row.caseId, person: personSummary(loaded, visible), state: row.state, closure: row.closure, priority: priorityView(row.priority),
    prioritizedAt: row.prioritizedAt, identifiedAt: row.identifiedAt, updatedAt: row.updatedAt,
    ageDays: Math.max(0, IsoDay.daysBetween(row.identifiedAt.slice(0, 10), now.toISOString().slice(0, 10))), events: row.events,
  };
}

const showable = (finding: Finding, visible: Visibility): boolean => finding.recordIds.every(visible);

/** A finding as the reader may see it: whole, or with its explanation withheld. */
export function redactFinding(finding: Finding, visible: Visibility): Finding {
  return showable(finding, visible) ? finding : { ...finding, explanation: withheldExplanation, recordIds: finding.recordIds.filter(visible) };
}

export function statusView(status: { status: DerivedStatusKind; basis: Finding; findings: readonly Finding[]; unsettled: readonly Finding[] }, visible: Visibility): StatusView {
  const findings = status.findings.filter((f) => showable(f, visible));
  return {
    status: status.status, basis: redactFinding(status.basis, visible), findings,
    // Open questions stop every action, so each is shown, with what may be said of it.
    unsettled: status.unsettled.map((f) => redactFinding(f, visible)),
    withheldFindings: status.findings.length - findings.length,
  };
}

/** A gate report for the reader: every holding gate is named, even when the records behind it are withheld. */
export function gateView(report: GateReport, visible: Visibility): GateView {
  return {
    check: report.check, clear: report.clear, summary: report.summary, destination: report.destination ?? null,
    holding: report.holding.map((r) => {
      const shown = r.recordIds.filter(visible);
      return {
        gate: r.gate, title: r.title, citation: r.citation, explanation: shown.length === r.recordIds.length ? r.explanation : withheldExplanation,
        recordIds: shown, withheldRecords: r.recordIds.length - shown.length, referral: r.referral ?? null,
      };
    }),
  };
}

export function proposalView(row: ProposalRow): ProposalView {
  const { proposal, decision, spentIn } = row;
  const status: ProposalStatus = decision === undefined ? 'pending' : decision.verdict === 'rejected' ? 'rejected' : spentIn === undefined ? 'approved' : 'carried-out';
  return {
    proposalId: Number(proposal.proposalId), caseId: Number(proposal.caseId), action: proposal.action, proposedBy: proposal.proposedBy, proposedAt: proposal.proposedAt,
    reason: proposal.reason, destination: proposal.destination ?? null, evidence: proposal.evidence, status, decision: decision ?? null, carriedOutIn: spentIn?.sequence ?? null,
  };
}

/** The steps the transition table allows from a state, with the approval each adverse one would use. */
export function nextSteps(state: CaseState, proposals: readonly ProposalView[]): NextStep[] {
  return TransitionKind.filter((kind) => kind !== 'identify' && (Transition[kind].from as readonly CaseState[]).includes(state)).map((kind) => {
    const rule = Transition[kind];
    const action: AdverseAction | undefined = rule.action;
    const approved = action === undefined ? undefined : proposals.filter((p) => p.action === action && p.status === 'approved').at(-1);
    return { transition: kind, description: rule.description, roles: rule.roles, action: action ?? null, approvedProposal: approved?.proposalId ?? null };
  });
}

