import { Moment } from '../calendar/index.js';
import { DocketError } from '../errors/index.js';
import { deriveStatus, Finding, type DeriveOptions, type DerivedStatus, type ResolvedPerson } from '../status/index.js';
import { Gate, GateId, type Referral } from './gate.js';
import type { GateCheck, RemovalCheckpoint } from './gate-check.js';

/** One gate's answer: whether it holds, why, and on which records. */
export interface GateResult {
  readonly kind: 'gate-result';
  readonly gate: GateId;
  readonly title: string;
  readonly citation: string;
  readonly holds: boolean;
  readonly explanation: string;
  /** The findings that make the gate hold; empty when it is clear. */
  readonly findings: readonly Finding[];
  readonly recordIds: readonly string[];
  readonly referral: Referral | undefined;
}

/** Every gate guarding one check, at one moment; `clear` only when none holds. */
export interface GateReport {
  readonly kind: 'gate-report';
  readonly personId: string;
  readonly check: GateCheck;
  readonly moment: Moment;
  readonly destination: string | undefined;
  readonly results: readonly GateResult[];
  readonly holding: readonly GateResult[];
  readonly clear: boolean;
  readonly referrals: readonly Referral[];
  readonly summary: string;
}

export interface GateRequest {
  readonly check: GateCheck;
  /** The country of removal; defaults to the final order's designated country. */
  readonly destination?: string | undefined;
}

/**
 * Evaluates the legal gates for a check against a derived status. Pure: the status carries the moment.
 * Manifest-freeze and boarding checks need the time of day, so a stay granted minutes earlier holds.
 *
 * @example evaluateGates(deriveStatus(person, '2026-03-02T09:55:00-05:00'), { check: 'boarding', destination: 'GTM' }).clear
 */
export function evaluateGates(status: DerivedStatus, request: GateRequest): GateReport {
  const { check } = request;
  if ((check === 'manifest-freeze' || check === 'boarding') && status.moment.instant === undefined) {
    throw new DocketError('invalid-input', `the ${check} check needs the time of day, got "${status.moment.text}"`, { hint: 'pass an ISO date-time with an offset, e.g. 2026-03-02T09:55:00-05:00' });
  }
  const destination = request.destination ?? status.finalRemovalOrder?.destination;
  const results = GateId.filter((id) => (Gate[id].guards as readonly GateCheck[]).includes(check)).map((id) => evaluateOne(id, status, check, destination));
  const holding = results.filter((r) => r.holds);
  const referrals = [...new Set(holding.flatMap((r) => (r.referral === undefined ? [] : [r.referral])))];
  const summary = holding.length === 0
    ? `Clear for ${check}: none of ${results.length} gates holds.`
    : `Blocked for ${check} by ${holding.map((r) => lowerFirst(r.title)).join('; ')}.${referrals.includes('counsel') ? ' Refer to counsel.' : ''}${referrals.includes('legal-review') ? ' Send for legal review.' : ''}`;
  return { kind: 'gate-report', personId: status.personId, check, moment: status.moment, destination, results, holding, clear: holding.length === 0, referrals, summary };
}

/** Derives the status at `at` and evaluates the gates: the one call the case machine and the review rules make. */
export function checkGates(person: ResolvedPerson, request: GateRequest & { readonly at: Moment | string }, options: DeriveOptions = {}): GateReport {
  return evaluateGates(deriveStatus(person, request.at, options), request);
}

/**
 * Re-checks a scheduled removal at a manifest freeze or immediately before boarding, to the minute:
 * a stay granted half an hour before a flight stops that person boarding.
 */
export function checkRemovalCheckpoint(person: ResolvedPerson, request: { readonly checkpoint: RemovalCheckpoint; readonly at: string; readonly destination: string }, options: DeriveOptions = {}): GateReport {
  return checkGates(person, { check: request.checkpoint, at: Moment.ofInstant(request.at), destination: request.destination }, options);
}

/** "Indication of US citizenship" reads "indication of US citizenship" mid-sentence: only the first letter changes. */
function lowerFirst(title: string): string {
  return title.charAt(0).toLowerCase() + title.slice(1);
}

function evaluateOne(id: GateId, status: DerivedStatus, check: GateCheck, destination: string | undefined): GateResult {
  const definition = Gate[id];
  const { findings, clear } = reasons(id, status, check, destination);
  const holds = findings.length > 0;
  const explanation = holds ? findings.map((f) => f.explanation).join(' ') : clear;
  return {
    kind: 'gate-result', gate: id, title: definition.title, citation: definition.citation, holds, explanation, findings,
    recordIds: Finding.recordIds(findings), referral: holds ? definition.referral : undefined,
  };
}

/** The findings that make a gate hold, and the sentence that explains it when none does. */
function reasons(id: GateId, status: DerivedStatus, check: GateCheck, destination: string | undefined): { findings: readonly Finding[]; clear: string } {
  switch (id) {
    case 'citizenship':
      return { findings: status.citizenship.map((c) => c.finding), clear: 'No record indicates US citizenship or nationality.' };
    case 'permanent-residence':
      return {
        findings: status.permanentResidence === undefined || status.permanentResidenceTerminated !== undefined ? [] : status.permanentResidence.findings,
        clear: status.permanentResidenceTerminated?.explanation ?? 'No record shows lawful permanent residence.',
      };
    case 'pending-application':
      return { findings: status.pendingApplications.map((a) => a.finding), clear: 'No benefit application is pending.' };
    case 'pending-appeal':
      return { findings: status.courtCases.flatMap((c) => (c.pendingAppeal === undefined ? [] : [c.pendingAppeal])), clear: 'No appeal is pending.' };
    case 'stay-of-removal':
      return { findings: status.stays, clear: `No stay of removal is in effect at ${status.moment.text}.` };
    case 'no-final-order':
      return status.finalRemovalOrder === undefined
        ? { findings: [Finding.of('finality.not-final', `No final order of removal as of ${status.moment.day}; the status is ${status.status}.`, status.basis.recordIds)], clear: '' }
        : { findings: [], clear: status.finalRemovalOrder.finding.explanation };
    case 'protected-status': {
      // Only TPS bars detention on account of status (INA 244(d)(4)); every listed protection bars removal.
      const types = check === 'request-detention' ? ['temporary-protected-status'] : ['temporary-protected-status', 'deferred-action', 'asylum', 'relief-granted'];
      return { findings: status.protections.filter((p) => types.includes(p.type)).map((p) => p.finding), clear: 'No protected status is in effect.' };
    }
    case 'protected-country': {
      const countrySpecific = status.protections.filter((p) => p.type === 'withholding' || p.type === 'cat');
      const blocking = countrySpecific.flatMap((p) => {
        if (p.protectedCountry === undefined) return [Finding.of('law.unsettled', `${p.finding.explanation} The protected country is not recorded, so no destination can be cleared.`, p.finding.recordIds)];
        if (destination === undefined) return [Finding.of('law.unsettled', `${p.finding.explanation} No destination is given.`, p.finding.recordIds)];
        return destination === p.protectedCountry ? [p.finding] : [];
      });
      const clear = countrySpecific.length === 0 ? 'No withholding or CAT protection.' : `Protection covers ${countrySpecific.map((p) => p.protectedCountry ?? '?').join(', ')}; the destination ${destination ?? '?'} is not among them.`;
      return { findings: blocking, clear };
    }
    case 'open-deadline': {
      const running = status.voluntaryDepartures.filter((vd) => vd.state === 'running').flatMap((vd) => vd.findings.filter((f) => f.ruleId === 'voluntary-departure.running'));
      const appeals = status.courtCases.flatMap((c) => (c.openAppealPeriod === undefined ? [] : [Finding.of('court.appeal-deadline', `The appeal period runs until ${c.openAppealPeriod.deadline}.`, c.openAppealPeriod.finding.recordIds)]));
      return { findings: [...running, ...appeals], clear: 'No voluntary-departure period or appeal period is open.' };
    }
    case 'unsettled':
      return { findings: status.unsettled, clear: 'Nothing is left unsettled.' };
  }
}
