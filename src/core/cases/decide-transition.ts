import { Moment } from '../calendar/index.js';
import { evaluateGates, type GateReport } from '../gates/index.js';
import { EvidenceRef, User, type ReviewDecision } from '../review/index.js';
import { deriveStatus, unconfirmedUncertainLinks, type DeriveOptions, type DerivedStatus, type ResolvedPerson } from '../status/index.js';
import type { CaseEvent } from './case-event.js';
import { CaseFile } from './case-file.js';
import { ExitReason, type CaseState } from './case-state.js';
import { Transition, type TransitionKind, type TransitionRule } from './transition.js';

export interface TransitionRequest {
  readonly transition: Exclude<TransitionKind, 'identify'>;
  readonly actor: User;
  /** An ISO date-time with an offset; never earlier than the case's last event. */
  readonly at: string;
  readonly reason: string;
  readonly evidence?: readonly EvidenceRef[];
  /** The approved decision, for adverse actions. */
  readonly approval?: ReviewDecision;
  /** For `exit`: which favourable ending. */
  readonly closure?: ExitReason;
}

export type TransitionDecision =
  | { readonly kind: 'accepted'; readonly event: CaseEvent; readonly file: CaseFile; readonly gates: GateReport | undefined }
  | { readonly kind: 'refused'; readonly transition: TransitionKind; readonly reasons: readonly string[]; readonly gates: GateReport | undefined };

export interface IdentifyRequest {
  readonly caseId: string;
  readonly actor: User;
  readonly at: string;
  readonly reason: string;
  readonly evidence?: readonly EvidenceRef[];
}

/** Creates a case in `identified`; refused when any record indicates citizenship, which stops everything. */
export function identifyCase(request: IdentifyRequest, person: ResolvedPerson, options: DeriveOptions = {}): TransitionDecision {
  const reasons = commonReasons(Transition.identify, request.actor, request.reason, request.at, undefined);
  const status = reasons.length === 0 ? deriveStatus(person, Moment.ofInstant(request.at), options) : undefined;
  const gates = status === undefined ? undefined : evaluateGates(status, { check: 'open-case' });
  if (gates !== undefined && !gates.clear) reasons.push(gates.summary);
  if (reasons.length > 0) return { kind: 'refused', transition: 'identify', reasons, gates };
  const event = makeEvent({ caseId: request.caseId, personId: person.personId, sequence: 1, transition: 'identify', from: null, to: 'identified', request, evidence: request.evidence ?? [] });
  return { kind: 'accepted', event, file: CaseFile.start(event), gates };
}

/**
 * Decides one step of a case against the person's records at that moment. Court steps must be borne out
 * by court records; adverse steps need an unused approval from a second person and every gate clear now;
 * `schedule-removal` is the only way into `departure-pending-removal`.
 */
export function decideTransition(file: CaseFile, request: TransitionRequest, person: ResolvedPerson, options: DeriveOptions = {}): TransitionDecision {
  const rule: TransitionRule = Transition[request.transition];
  const reasons = commonReasons(rule, request.actor, request.reason, request.at, file.events.at(-1)?.at);
  if (person.personId !== file.personId) reasons.push(`The records given are for ${person.personId}, the case is about ${file.personId}.`);
  if (!rule.from.includes(file.state)) reasons.push(`${request.transition} is not possible from ${file.state}.`);
  const refused = (more: readonly string[], gates?: GateReport): TransitionDecision => ({ kind: 'refused', transition: request.transition, reasons: [...reasons, ...more], gates });
  if (reasons.length > 0) return refused([]);

  const status = deriveStatus(person, Moment.ofInstant(request.at), options);
  let gates: GateReport | undefined;
  // A halt never waits on the gates, but records what they said, so the event shows why removal stopped.
  if (request.transition === 'halt-removal') gates = evaluateGates(status, { check: 'schedule-removal', destination: scheduledDestination(file) });
  if (rule.action !== undefined) {
    const approvalReasons = checkApproval(file, request, rule.action);
    if (unconfirmedUncertainLinks(person).length > 0) approvalReasons.push('The person\'s records rest on uncertain links a data steward has not confirmed.');
    gates = evaluateGates(status, { check: rule.action, destination: request.approval?.destination });
    if (!gates.clear) approvalReasons.push(gates.summary);
    if (approvalReasons.length > 0) return refused(approvalReasons, gates);
  }
  const guarded = guard(request, status);
  if (guarded.reasons.length > 0) return refused(guarded.reasons, gates);

  const to = guarded.to ?? (rule.to === 'same' ? file.state : (rule.to as CaseState));
  const approval = rule.action === undefined || request.approval === undefined ? undefined
    : { proposalId: request.approval.proposalId, proposedBy: request.approval.proposedBy, approvedBy: request.approval.reviewer };
  const gateRecords = request.transition === 'halt-removal' ? gates?.holding.flatMap((r) => r.recordIds) ?? [] : [];
  const evidence = EvidenceRef.merge(request.evidence ?? [], EvidenceRef.records([...guarded.records, ...gateRecords]), approval === undefined ? [] : [{ kind: 'proposal', proposalId: approval.proposalId }]);
  const event = makeEvent({
    caseId: file.caseId, personId: file.personId, sequence: file.events.length + 1, transition: request.transition, from: file.state, to, request, evidence,
    closure: request.transition === 'exit' ? request.closure : request.transition === 'close' ? 'departure-verified' : undefined,
    approval, gates, destination: rule.action === 'schedule-removal' ? request.approval?.destination : undefined,
  });
  return { kind: 'accepted', event, file: CaseFile.append(file, event), gates };
}

/**
 * Stops a scheduled removal the moment a gate holds again (a stay, a new application, an appeal):
 * returns the accepted `halt-removal` step, or undefined when the case is not pending removal or every
 * gate is still clear. Halting favours the person, so a service account may run this on every new record.
 */
export function haltBlockedRemoval(file: CaseFile, person: ResolvedPerson, request: { readonly actor: User; readonly at: string }, options: DeriveOptions = {}): TransitionDecision | undefined {
  if (file.state !== 'departure-pending-removal') return undefined;
  const gates = evaluateGates(deriveStatus(person, Moment.ofInstant(request.at), options), { check: 'schedule-removal', destination: scheduledDestination(file) });
  if (gates.clear) return undefined;
  return decideTransition(file, { transition: 'halt-removal', actor: request.actor, at: request.at, reason: gates.summary }, person, options);
}

function scheduledDestination(file: CaseFile): string | undefined {
  return file.events.filter((e) => e.transition === 'schedule-removal').at(-1)?.destination;
}

function commonReasons(rule: TransitionRule, actor: User, reason: string, at: string, lastAt: string | undefined): string[] {
  const reasons: string[] = [];
  if (!User.hasAny(actor, rule.roles)) reasons.push(`${actor.userId} needs the role ${rule.roles.join(' or ')}.`);
  if (reason.trim() === '') reasons.push('A reason is required.');
  let when: number | undefined;
  try {
    when = Date.parse(Moment.ofInstant(at).text);
  } catch {
    reasons.push(`"${at}" is not a date-time with an offset.`);
  }
  if (when !== undefined && lastAt !== undefined && when < Date.parse(lastAt)) reasons.push(`${at} is earlier than the case's last event (${lastAt}).`);
  return reasons;
}

function checkApproval(file: CaseFile, request: TransitionRequest, action: NonNullable<TransitionRule['action']>): string[] {
  const approval = request.approval;
  if (approval === undefined) return [`${action} needs a proposal approved by a second person.`];
  const reasons: string[] = [];
  if (approval.verdict !== 'approved') reasons.push(`Proposal ${approval.proposalId} was rejected.`);
  if (approval.action !== action) reasons.push(`Proposal ${approval.proposalId} approved ${approval.action}, not ${action}.`);
  if (approval.caseId !== file.caseId || approval.personId !== file.personId) reasons.push(`Proposal ${approval.proposalId} is for another case.`);
  if (approval.reviewer === approval.proposedBy) reasons.push(`Proposal ${approval.proposalId} was approved by its own proposer.`);
  if (CaseFile.usedApprovals(file).has(approval.proposalId)) reasons.push(`Proposal ${approval.proposalId} has already been acted on.`);
  if (Date.parse(approval.decidedAt) > Date.parse(request.at)) reasons.push(`Proposal ${approval.proposalId} was approved after ${request.at}.`);
  return reasons;
}

interface Guarded {
  readonly reasons: readonly string[];
  readonly to?: CaseState;
  readonly records: readonly string[];
}

/** What the records must show for each step. */
function guard(request: TransitionRequest, status: DerivedStatus): Guarded {
  const none = (reason: string): Guarded => ({ reasons: [reason], records: [] });
  const day = status.moment.day;
  switch (request.transition) {
    case 'record-proceedings': {
      const cases = status.courtCases;
      return cases.length === 0 ? none(`No court record shows removal proceedings as of ${day}.`) : { reasons: [], records: cases.flatMap((c) => c.recordIds) };
    }
    case 'record-order': {
      const withOrder = status.courtCases.filter((c) => c.posture === 'order-not-final' || c.posture === 'final-order');
      const latest = withOrder.filter((c) => c.order !== undefined).sort((a, b) => ((a.order?.date ?? '') < (b.order?.date ?? '') ? -1 : 1)).at(-1);
      if (latest?.order === undefined) {
        const other = status.courtCases.map((c) => c.posture).filter((p) => p === 'concluded' || p === 'voluntary-departure');
        return none(other.length > 0 ? `The court's decision is ${other.join(', ')}: use exit or record-voluntary-departure.` : `No removal order is on record as of ${day}.`);
      }
      return { reasons: [], to: latest.posture === 'final-order' ? 'order-final' : 'order-not-final', records: [latest.order.recordId] };
    }
    case 'record-appeal': {
      const appealed = status.courtCases.filter((c) => c.order?.appeal?.decision === 'pending' && c.order.appeal.timely === true);
      return appealed.length === 0 ? none(`No timely appeal is pending as of ${day}.`) : { reasons: [], records: appealed.flatMap((c) => (c.order?.appeal === undefined ? [] : [c.order.appeal.recordId])) };
    }
    case 'record-finality':
    case 'record-voluntary-departure-failure': {
      const final = status.finalRemovalOrder;
      if (final === undefined) return none(`No removal order is final as of ${day}.`);
      if (request.transition === 'record-voluntary-departure-failure' && !status.voluntaryDepartures.some((vd) => vd.state === 'overstayed' || vd.state === 'terminated')) {
        return none('No voluntary departure was overstayed or ended.');
      }
      return { reasons: [], records: final.finding.recordIds };
    }
    case 'record-reopening': {
      const vacated = status.courtCases.filter((c) => c.order?.vacatedBy !== undefined && c.posture === 'pending');
      return vacated.length === 0 ? none(`No order has been set aside as of ${day}.`) : { reasons: [], records: vacated.flatMap((c) => c.order?.vacatedBy?.recordIds ?? []) };
    }
    case 'record-voluntary-departure': {
      const running = status.voluntaryDepartures.filter((vd) => vd.state === 'running');
      return running.length === 0 ? none(`No voluntary-departure period is running on ${day}.`) : { reasons: [], records: running.map((vd) => vd.recordId) };
    }
    case 'verify-departure': {
      const departed = status.departed;
      return departed === undefined ? none(`No departure is recorded as the last movement as of ${day}.`) : { reasons: [], records: [departed.recordId] };
    }
    case 'exit': {
      if (request.closure === undefined || !ExitReason.includes(request.closure)) return none(`An exit needs its reason: ${ExitReason.join(', ')}.`);
      return (request.evidence ?? []).length === 0 ? none('An exit needs the evidence it rests on.') : { reasons: [], records: [] };
    }
    case 'open-case':
    case 'issue-notice':
    case 'schedule-removal':
    case 'request-detention':
    case 'halt-removal':
    case 'close':
      return { reasons: [], records: [] };
  }
}

interface EventParts {
  readonly caseId: string;
  readonly personId: string;
  readonly sequence: number;
  readonly transition: TransitionKind;
  readonly from: CaseState | null;
  readonly to: CaseState;
  readonly request: { readonly actor: User; readonly at: string; readonly reason: string };
  readonly evidence: readonly EvidenceRef[];
  readonly closure?: CaseEvent['closure'];
  readonly approval?: CaseEvent['approval'];
  readonly gates?: GateReport | undefined;
  readonly destination?: string | undefined;
}

function makeEvent(parts: EventParts): CaseEvent {
  const { request, gates } = parts;
  return {
    kind: 'case-event', caseId: parts.caseId, personId: parts.personId, sequence: parts.sequence, transition: parts.transition,
    from: parts.from, to: parts.to, closure: parts.closure, actor: { userId: request.actor.userId, roles: [...request.actor.roles] },
    at: request.at, reason: request.reason.trim(), evidence: [...parts.evidence], approval: parts.approval,
    gates: gates === undefined ? undefined : { check: gates.check, clear: gates.clear, holding: gates.holding.map((r) => r.gate) },
    destination: parts.destination,
  };
}
