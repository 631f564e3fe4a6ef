import { IsoDay } from '../calendar/index.js';
import type { RecordEvent } from '../records/index.js';
import { Finding } from './finding.js';
import { PersonEvidence, type SourcedEvent } from './person-evidence.js';

/** `suspended`: an appeal filed within the period stops it; the Board's decision sets a new one. */
export const VoluntaryDepartureState = ['running', 'suspended', 'complied', 'overstayed', 'terminated'] as const;
export type VoluntaryDepartureState = (typeof VoluntaryDepartureState)[number];

export type DepartureEvidenceKind = Extract<RecordEvent, { kind: 'departure' }>['evidence'];

/** A recorded exit, with the record that shows it. */
export interface RecordedDeparture {
  readonly recordId: string;
  readonly date: IsoDay;
  readonly evidence: DepartureEvidenceKind;
}

/** A voluntary-departure grant read against the records: its limits, its state, and what follows. */
export interface VoluntaryDeparture {
  readonly kind: 'voluntary-departure';
  readonly caseNumber: string;
  readonly recordId: string;
  readonly grantedOn: IsoDay;
  readonly deadline: IsoDay;
  readonly stage: 'before-conclusion' | 'at-conclusion';
  /** 120 days before conclusion, 60 at it. */
  readonly maximumDays: number;
  readonly exceedsLimit: boolean;
  readonly state: VoluntaryDepartureState;
  /** Exits within the period, strongest evidence first: these verify compliance. */
  readonly departures: readonly RecordedDeparture[];
  readonly terminatedBy: { readonly recordId: string; readonly by: 'motion-to-reopen' | 'petition-for-review'; readonly on: IsoDay } | undefined;
  /** When the alternate removal order became final, if it has. */
  readonly alternateOrderFinalSince: IsoDay | undefined;
  /** INA 240B(d)(1): ten years without cancellation, adjustment, change of status, registry or voluntary departure. */
  readonly ineligibleForReliefUntil: IsoDay | undefined;
  readonly findings: readonly Finding[];
  readonly unsettled: readonly Finding[];
}

const evidenceStrength: Readonly<Record<DepartureEvidenceKind, number>> = { 'biometric-exit': 0, manifest: 1, 'departure-record': 2 };

/** Recorded exits, strongest evidence first, then by date. */
export function recordedDepartures(evidence: PersonEvidence): readonly RecordedDeparture[] {
  return PersonEvidence.eventsOf(evidence, 'departure')
    .map(({ recordId, event }) => ({ recordId, date: event.date, evidence: event.evidence }))
    .sort((a, b) => evidenceStrength[a.evidence] - evidenceStrength[b.evidence] || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Reads one grant: INA 240B, 8 CFR 1240.26, 8 CFR 1241.1(f). */
export function analyzeVoluntaryDeparture(evidence: PersonEvidence, grant: SourcedEvent<'voluntary-departure-grant'>): VoluntaryDeparture {
  const { recordId, event } = grant;
  const today = evidence.moment.day;
  const findings: Finding[] = [];
  const unsettled: Finding[] = [];
  const maximumDays = event.stage === 'before-conclusion' ? 120 : 60;
  const limitRule = event.stage === 'before-conclusion' ? 'voluntary-departure.limit-before-conclusion' : 'voluntary-departure.limit-at-conclusion';
  const grantedDays = IsoDay.daysBetween(event.date, event.deadline);
  const exceedsLimit = grantedDays > maximumDays;
  if (exceedsLimit) {
    // The stated deadline is kept, the reading that never hastens removal; whether it stands is for a person.
    unsettled.push(Finding.of(limitRule, `Voluntary departure granted on ${event.date} for ${grantedDays} days, beyond the ${maximumDays}-day limit; the stated deadline ${event.deadline} is kept until a person decides.`, [recordId]));
  } else {
    findings.push(Finding.of(limitRule, `Voluntary departure granted on ${event.date} for ${grantedDays} days (limit ${maximumDays}), to depart by ${event.deadline}.`, [recordId]));
  }

  const departures = recordedDepartures(evidence).filter((departure) => departure.date >= event.date && departure.date <= event.deadline);
  const firstDeparture = departures.reduce<IsoDay | undefined>((first, departure) => (first === undefined || departure.date < first ? departure.date : first), undefined);
  const enders = [
    ...PersonEvidence.eventsOf(evidence, 'motion-to-reopen').map((e) => ({ recordId: e.recordId, by: 'motion-to-reopen' as const, on: e.event.date, caseNumber: e.event.caseNumber })),
    ...PersonEvidence.eventsOf(evidence, 'petition-for-review').map((e) => ({ recordId: e.recordId, by: 'petition-for-review' as const, on: e.event.date, caseNumber: e.event.caseNumber })),
  ].filter((ender) => ender.caseNumber === event.caseNumber && ender.on >= event.date && ender.on <= event.deadline && (firstDeparture === undefined || ender.on < firstDeparture))
    .sort((a, b) => (a.on < b.on ? -1 : 1));
  const ender = enders.at(0);

  // An appeal received within the period stays the decision (8 CFR 1003.6(a)), the period with it.
  const appeal = PersonEvidence.eventsOf(evidence, 'appeal')
    .filter((a) => a.event.caseNumber === event.caseNumber && a.event.date >= event.date && a.event.date <= event.deadline && (firstDeparture === undefined || a.event.date < firstDeparture))
    .at(-1);
  const appealDecision = appeal === undefined ? undefined : PersonEvidence.decisionAsOf(evidence, appeal.event.decision, appeal.event.decidedOn);

  let state: VoluntaryDepartureState;
  let alternateOrderFinalSince: IsoDay | undefined;
  let ineligibleForReliefUntil: IsoDay | undefined;
  if (appeal !== undefined && appealDecision !== undefined && ender === undefined) {
    state = 'suspended';
    if (appealDecision === 'pending') {
      findings.push(Finding.of('voluntary-departure.suspended', `An appeal received on ${appeal.event.date} stays the period while it is pending.`, [recordId, appeal.recordId]));
    } else {
      // The Board's order sets the new period; without its record the deadline is unknown.
      unsettled.push(Finding.of('voluntary-departure.suspended', `The appeal received on ${appeal.event.date} was ${appealDecision}; the new voluntary-departure period is not recorded.`, [recordId, appeal.recordId]));
    }
  } else if (ender !== undefined) {
    state = 'terminated';
    alternateOrderFinalSince = ender.on;
    findings.push(Finding.of('voluntary-departure.terminated', `A ${ender.by.replace(/-/g, ' ')} filed on ${ender.on} ended the grant; the alternate removal order took effect and the overstay penalties do not apply.`, [recordId, ender.recordId]));
  } else if (firstDeparture !== undefined) {
    state = 'complied';
    findings.push(Finding.of('voluntary-departure.complied', `Departed on ${firstDeparture}, within the period ending ${event.deadline}.`, [recordId, ...departures.map((d) => d.recordId)]));
  } else if (today > event.deadline) {
    state = 'overstayed';
    alternateOrderFinalSince = IsoDay.addDays(event.deadline, 1);
    ineligibleForReliefUntil = IsoDay.anniversary(alternateOrderFinalSince, 10);
    findings.push(Finding.of('voluntary-departure.overstayed', `No departure recorded by ${event.deadline}: the alternate removal order became final on ${alternateOrderFinalSince}; ineligible for listed relief until ${ineligibleForReliefUntil}.`, [recordId]));
  } else {
    state = 'running';
    findings.push(Finding.of('voluntary-departure.running', `The period runs until ${event.deadline}; no removal before then.`, [recordId]));
  }
  return {
    kind: 'voluntary-departure', caseNumber: event.caseNumber, recordId, grantedOn: event.date, deadline: event.deadline, stage: event.stage,
    maximumDays, exceedsLimit, state, departures, terminatedBy: ender === undefined ? undefined : { recordId: ender.recordId, by: ender.by, on: ender.on },
    alternateOrderFinalSince, ineligibleForReliefUntil, findings, unsettled,
  };
}
