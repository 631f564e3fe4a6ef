import { IsoDay } from '../calendar/index.js';
import { ApplicationForm } from './application-form.js';
import { Finding } from './finding.js';
import type { PermanentResidence } from './permanent-residence.js';
import { PersonEvidence, type SourcedEvent } from './person-evidence.js';
import type { RecordedDeparture } from './voluntary-departure.js';

export const TollingReason = [
  'minor', 'extension-pending', 'asylum-pending', 'adjustment-pending', 'deferred-action', 'temporary-protected-status',
  'permanent-resident', 'stay-extended',
] as const;
export type TollingReason = (typeof TollingReason)[number];

/** Days that do not count as unlawful presence, both ends inclusive; an open end runs on. */
export interface TollingPeriod {
  readonly kind: 'tolling';
  readonly reason: TollingReason;
  readonly from: IsoDay | undefined;
  readonly to: IsoDay | undefined;
  readonly finding: Finding;
}

/** One stay in the United States, from an arrival to the exit that ended it. */
export interface Sojourn {
  readonly kind: 'sojourn';
  readonly arrival: SourcedEvent<'arrival'> | undefined;
  readonly departure: RecordedDeparture | undefined;
  /** The last day present that this reading covers: the exit, the day before a later arrival, or today. */
  readonly lastDay: IsoDay;
  /** The last authorized day, where the records fix one (admit-until date, end of duration of status). */
  readonly authorizedUntil: IsoDay | undefined;
  /** Why the authorized stay ended by `lastDay`, when it did. */
  readonly stayEndedBy: Finding | undefined;
  /** The first day of unlawful presence, which may lie after `lastDay`; undefined when nothing starts it. */
  readonly unlawfulPresenceFrom: IsoDay | undefined;
  /** Counted unlawful presence, tolling applied; undefined when the admission period is not on record. */
  readonly unlawfulPresenceDays: number | undefined;
  /** The authorized stay had ended by `lastDay` (tolling aside), even where no unlawful presence accrues. */
  readonly authorizedStayEnded: boolean;
  readonly durationOfStatus: boolean;
  readonly findings: readonly Finding[];
}

export type BarKind = 'three-year' | 'ten-year';

export interface ReentryBar {
  readonly kind: 'reentry-bar';
  readonly bar: BarKind;
  readonly departedOn: IsoDay;
  readonly until: IsoDay;
  readonly inEffect: boolean;
  readonly unlawfulPresenceDays: number;
  readonly finding: Finding;
}

export interface UnlawfulPresence {
  readonly kind: 'unlawful-presence';
  readonly sojourns: readonly Sojourn[];
  /** The stay in progress, when the last movement is an arrival. */
  readonly current: Sojourn | undefined;
  readonly tolling: readonly TollingPeriod[];
  readonly bars: readonly ReentryBar[];
  /** The bar a departure today would bring, from the current stay's count. */
  readonly barIfDepartingNow: BarKind | undefined;
  readonly findings: readonly Finding[];
}

interface Inputs {
  readonly evidence: PersonEvidence;
  readonly residence: PermanentResidence | undefined;
  readonly departures: readonly RecordedDeparture[];
  /** First day of removal proceedings, per case: a departure after it brings no 3-year bar. */
  readonly proceedingsCommenced: readonly IsoDay[];
}

/** Unlawful presence per stay, tolling, and the 3- and 10-year bars (INA 212(a)(9)(B)). */
export function unlawfulPresence({ evidence, residence, departures, proceedingsCommenced }: Inputs): UnlawfulPresence {
  const today = evidence.moment.day;
  const { periods: tolling, notes } = tollingPeriods(evidence, residence);
  const sojourns = splitIntoSojourns(evidence, departures).map((stay) => readSojourn(evidence, stay, tolling));
  const findings = [...notes, ...sojourns.flatMap((s) => s.findings)];
  const bars: ReentryBar[] = [];
  for (const sojourn of sojourns) {
    const { departure, unlawfulPresenceDays: days } = sojourn;
    if (departure === undefined || days === undefined || days <= 180) continue;
    if (days >= 365) {
      const until = IsoDay.anniversary(departure.date, 10);
      bars.push({ kind: 'reentry-bar', bar: 'ten-year', departedOn: departure.date, until, inEffect: today < until, unlawfulPresenceDays: days,
        finding: Finding.of('reentry-bar.ten-year', `${days} days of unlawful presence, then a departure on ${departure.date}: inadmissible until ${until}.`, [departure.recordId, ...recordsOf(sojourn)]) });
      continue;
    }
    const commenced = proceedingsCommenced.filter((day) => day <= departure.date).sort().at(0);
    if (commenced !== undefined) {
      findings.push(Finding.of('reentry-bar.three-year', `${days} days of unlawful presence, but the departure on ${departure.date} followed the start of removal proceedings on ${commenced}: no 3-year bar.`, [departure.recordId]));
      continue;
    }
    const until = IsoDay.anniversary(departure.date, 3);
    bars.push({ kind: 'reentry-bar', bar: 'three-year', departedOn: departure.date, until, inEffect: today < until, unlawfulPresenceDays: days,
      finding: Finding.of('reentry-bar.three-year', `${days} days of unlawful presence, then a departure on ${departure.date} before any removal proceedings: inadmissible until ${until}.`, [departure.recordId, ...recordsOf(sojourn)]) });
  }
  const last = sojourns.at(-1);
  const current = last !== undefined && last.departure === undefined && last.lastDay === today ? last : undefined;
  const accrued = current?.unlawfulPresenceDays ?? 0;
  const barIfDepartingNow = accrued >= 365 ? 'ten-year' : accrued > 180 && !proceedingsCommenced.some((day) => day <= today) ? 'three-year' : undefined;
  return { kind: 'unlawful-presence', sojourns, current, tolling, bars, barIfDepartingNow, findings: [...findings, ...bars.map((b) => b.finding)] };
}

function recordsOf(sojourn: Sojourn): string[] {
  return sojourn.arrival === undefined ? [] : [sojourn.arrival.recordId];
}

interface RawSojourn {
  readonly arrival: SourcedEvent<'arrival'> | undefined;
  readonly departure: RecordedDeparture | undefined;
  readonly lastDay: IsoDay;
}

function splitIntoSojourns(evidence: PersonEvidence, departures: readonly RecordedDeparture[]): RawSojourn[] {
  type Movement = { readonly day: IsoDay; readonly arrival?: SourcedEvent<'arrival'>; readonly departure?: RecordedDeparture };
  const movements: Movement[] = [
    ...PersonEvidence.eventsOf(evidence, 'arrival').map((arrival) => ({ day: arrival.event.date, arrival })),
    ...departures.map((departure) => ({ day: departure.date, departure })),
  ];
  // On one day an arrival comes before a departure: the person arrived, then left.
  movements.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.arrival !== undefined ? -1 : b.arrival !== undefined ? 1 : 0));
  const stays: RawSojourn[] = [];
  let open: SourcedEvent<'arrival'> | undefined;
  let lastWasDeparture = false;
  for (const movement of movements) {
    if (movement.arrival !== undefined) {
      // An arrival record while present: an exit went unrecorded, or an approval issued a new I-94 in the
      // country. Either way the new record's period governs from its date.
      if (open !== undefined) stays.push({ arrival: open, departure: undefined, lastDay: IsoDay.addDays(movement.day, -1) });
      open = movement.arrival;
      lastWasDeparture = false;
    } else if (movement.departure !== undefined) {
      // Several records of one exit (a manifest and a biometric confirmation) end one stay.
      if (lastWasDeparture) continue;
      stays.push({ arrival: open, departure: movement.departure, lastDay: movement.day });
      open = undefined;
      lastWasDeparture = true;
    }
  }
  if (open !== undefined) stays.push({ arrival: open, departure: undefined, lastDay: evidence.moment.day });
  return stays;
}

function readSojourn(evidence: PersonEvidence, stay: RawSojourn, tolling: readonly TollingPeriod[]): Sojourn {
  const { arrival, departure, lastDay } = stay;
  const base = { kind: 'sojourn' as const, arrival, departure, lastDay };
  if (arrival === undefined) {
    return { ...base, authorizedUntil: undefined, stayEndedBy: undefined, unlawfulPresenceFrom: undefined, unlawfulPresenceDays: undefined, authorizedStayEnded: false, durationOfStatus: false, findings: [] };
  }
  const { event } = arrival;
  const findings: Finding[] = [];
  /** Last authorized days, and first days of unlawful presence, each with the finding that sets it. */
  const ends: { day: IsoDay; finding: Finding }[] = [];
  const starts: { day: IsoDay; finding: Finding }[] = [];
  const dayAfter = (day: IsoDay): IsoDay => IsoDay.addDays(day, 1);
  const within = (day: IsoDay): boolean => day >= event.date && day <= lastDay;
  const startRule = event.durationOfStatus ? 'unlawful-presence.duration-of-status' : 'unlawful-presence.start';

  if (event.admitUntil !== undefined) {
    findings.push(Finding.of('admission.period', `Admitted on ${event.date} as ${event.classOfAdmission} until ${event.admitUntil}.`, [arrival.recordId]));
    const ended = Finding.of('unlawful-presence.start', `The authorized stay ended on ${event.admitUntil}.`, [arrival.recordId]);
    ends.push({ day: event.admitUntil, finding: ended });
    starts.push({ day: dayAfter(event.admitUntil), finding: ended });
  } else if (event.durationOfStatus) {
    findings.push(Finding.of('admission.period', `Admitted on ${event.date} as ${event.classOfAdmission} for duration of status.`, [arrival.recordId]));
    ends.push(...durationOfStatusEnds(evidence, event.classOfAdmission, within, findings));
  } else {
    findings.push(Finding.of('admission.period', `Admitted on ${event.date} as ${event.classOfAdmission}; the arrival record gives no admit-until date and no duration of status.`, [arrival.recordId]));
  }
  for (const { recordId, event: status } of PersonEvidence.eventsOf(evidence, 'student-status')) {
    if (status.status === 'violation-found' && within(status.date)) {
      const found = Finding.of(startRule, `A status violation was formally found on ${status.date}.`, [recordId]);
      ends.push({ day: status.date, finding: found });
      starts.push({ day: dayAfter(status.date), finding: found });
    }
  }
  for (const { recordId, event: order } of PersonEvidence.eventsOf(evidence, 'order')) {
    if (order.outcome === 'removal' && within(order.date)) {
      starts.push({ day: dayAfter(order.date), finding: Finding.of(startRule, `A removal order was entered on ${order.date}.`, [recordId]) });
    }
  }
  const earliest = <T extends { day: IsoDay }>(list: readonly T[]): T | undefined => [...list].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)).at(0);
  const end = earliest(ends);
  const first = earliest(starts);
  const authorizedUntil = end?.day;
  const endedByDay = authorizedUntil !== undefined && authorizedUntil < lastDay;
  if (first === undefined) {
    if (event.durationOfStatus) {
      findings.push(Finding.of('unlawful-presence.duration-of-status', 'Admitted for duration of status with no formal finding of a violation and no removal order: no unlawful presence.', [arrival.recordId]));
    }
    return {
      ...base, authorizedUntil, stayEndedBy: endedByDay ? end?.finding : undefined, unlawfulPresenceFrom: undefined,
      unlawfulPresenceDays: event.durationOfStatus ? 0 : undefined, authorizedStayEnded: endedByDay, durationOfStatus: event.durationOfStatus, findings,
    };
  }
  const from = IsoDay.max(first.day, dayAfter(event.date));
  const days = countUntolled(from, lastDay, tolling);
  const applied = tolling.filter((period) => overlaps(period, from, lastDay));
  findings.push(Finding.of(first.finding.ruleId, `${first.finding.explanation} Unlawful presence begins on ${from}; ${days} day${days === 1 ? '' : 's'} counted through ${lastDay}${applied.length > 0 ? `, after tolling (${[...new Set(applied.map((p) => p.reason))].join(', ')})` : ''}.`, [...first.finding.recordIds, ...Finding.recordIds(applied.map((p) => p.finding))]));
  const stayEnded = endedByDay || from <= lastDay;
  const stayEndedBy = !stayEnded ? undefined : end !== undefined && end.day < first.day ? end.finding : findings.at(-1);
  return { ...base, authorizedUntil, stayEndedBy, unlawfulPresenceFrom: from, unlawfulPresenceDays: days, authorizedStayEnded: stayEnded, durationOfStatus: event.durationOfStatus, findings };
}

/**
 * Where duration of status ends without a formal finding: a completed program plus its grace period,
 * unless practical training was applied for; a terminated record at once. The stay ends; unlawful
 * presence still waits for a formal finding or an order.
 */
function durationOfStatusEnds(evidence: PersonEvidence, classOfAdmission: string, within: (day: IsoDay) => boolean, findings: Finding[]): { day: IsoDay; finding: Finding }[] {
  const graceDays = /^J/i.test(classOfAdmission) ? 30 : 60;
  const ends: { day: IsoDay; finding: Finding }[] = [];
  const trainingApplications = PersonEvidence.eventsOf(evidence, 'benefit-application').filter(({ event }) => ApplicationForm.normalize(event.form) === 'I765');
  for (const { recordId, event } of PersonEvidence.eventsOf(evidence, 'student-status')) {
    if (!within(event.date)) continue;
    if (event.status === 'completed') {
      const training = trainingApplications.find(({ event: filed }) => filed.date >= IsoDay.addDays(event.date, -90) && filed.date <= IsoDay.addDays(event.date, 60));
      if (training !== undefined) {
        findings.push(Finding.of('admission.duration-of-status-ended', `Program completed on ${event.date}; practical training was applied for on ${training.event.date}, so the end of the stay is not recorded.`, [recordId, training.recordId]));
        continue;
      }
      const until = IsoDay.addDays(event.date, graceDays);
      ends.push({ day: until, finding: Finding.of('admission.duration-of-status-ended', `Program completed on ${event.date}; the ${graceDays}-day grace period ended on ${until}. No formal finding, so no unlawful presence.`, [recordId]) });
    }
    if (event.status === 'terminated') {
      ends.push({ day: event.date, finding: Finding.of('admission.duration-of-status-ended', `The student record was terminated on ${event.date}: status is no longer maintained. No formal finding, so no unlawful presence.`, [recordId]) });
    }
  }
  return ends;
}

function overlaps(period: TollingPeriod, from: IsoDay, to: IsoDay): boolean {
  return (period.from === undefined || period.from <= to) && (period.to === undefined || period.to >= from);
}

/** Days in [from, to] outside every tolling period. */
function countUntolled(from: IsoDay, to: IsoDay, tolling: readonly TollingPeriod[]): number {
  const start = IsoDay.toDayNumber(from);
  const end = IsoDay.toDayNumber(to);
  if (end < start) return 0;
  const clipped = tolling
    .map((p) => [Math.max(start, p.from === undefined ? start : IsoDay.toDayNumber(p.from)), Math.min(end, p.to === undefined ? end : IsoDay.toDayNumber(p.to))] as const)
    .filter(([a, b]) => a <= b)
    .sort((x, y) => x[0] - y[0]);
  let tolled = 0;
  let reach = start - 1;
  for (const [a, b] of clipped) {
    if (b <= reach) continue;
    tolled += b - Math.max(a, reach + 1) + 1;
    reach = b;
  }
  return end - start + 1 - tolled;
}

/** Every period that stops the count, with its rule, and notes on filings that do not. */
export function tollingPeriods(evidence: PersonEvidence, residence: PermanentResidence | undefined): { readonly periods: readonly TollingPeriod[]; readonly notes: readonly Finding[] } {
  const today = evidence.moment.day;
  const periods: TollingPeriod[] = [];
  const notes: Finding[] = [];
  const add = (reason: TollingReason, from: IsoDay | undefined, to: IsoDay | undefined, finding: Finding): void => void periods.push({ kind: 'tolling', reason, from, to, finding });

  // An extension or change of status belongs to the stay it was filed in: a later arrival record
  // (a new entry, or the new I-94 an approval issues) supersedes it.
  const arrivals = PersonEvidence.eventsOf(evidence, 'arrival').map((a) => a.event.date);
  const untilNextArrival = (filed: IsoDay, to: IsoDay | undefined, sameDayCounts = false): IsoDay | undefined => {
    const next = arrivals.find((day) => day > filed || (sameDayCounts && day === filed));
    if (next === undefined) return to;
    const cap = IsoDay.addDays(next, -1);
    return to === undefined ? cap : IsoDay.min(to, cap);
  };
  const explicitDeferredAction = PersonEvidence.eventsOf(evidence, 'deferred-action').length > 0;
  const explicitTps = PersonEvidence.eventsOf(evidence, 'temporary-protected-status').length > 0;

  const dob = PersonEvidence.latestDateOfBirth(evidence);
  if (dob !== undefined) {
    const adulthood = IsoDay.anniversary(dob.value, 18);
    add('minor', undefined, IsoDay.addDays(adulthood, -1), Finding.of('unlawful-presence.tolling.minor', `Under 18 until ${adulthood} (born ${dob.value}${evidence.datesOfBirth.some((d) => d.value !== dob.value) ? ', the latest of the recorded dates of birth' : ''}).`, [dob.recordId]));
  }
  for (const { recordId, event } of PersonEvidence.eventsOf(evidence, 'benefit-application')) {
    const decision = PersonEvidence.decisionAsOf(evidence, event.decision, event.decidedOn);
    const purpose = ApplicationForm.purpose(event.form);
    // A decided application whose date is missing is taken to have tolled until today.
    const closedOn = decision === 'pending' || decision === 'approved' ? undefined : event.decidedOn ?? today;
    const state = decision === 'pending' ? 'pending' : `${decision}${event.decidedOn === undefined ? '' : ` on ${event.decidedOn}`}`;
    switch (purpose) {
      case 'extension-or-change-of-status':
        if (event.timelyFiled === false) {
          notes.push(Finding.of('unlawful-presence.tolling.extension', `${event.form} filed on ${event.date} was not timely: it does not stop unlawful presence.`, [recordId]));
          break;
        }
        add(decision === 'approved' ? 'stay-extended' : 'extension-pending', event.date, untilNextArrival(event.date, closedOn), Finding.of(decision === 'approved' ? 'admission.extended' : 'unlawful-presence.tolling.extension',
          `${event.form} filed on ${event.date}${event.timelyFiled === undefined ? ' (timeliness not recorded; read as timely)' : ', timely'}, ${state}${decision === 'approved' ? '; the new stay\'s end is not recorded' : ''}. No unauthorized employment is recorded.`, [recordId]));
        break;
      case 'asylum':
        add('asylum-pending', event.date, closedOn, Finding.of('unlawful-presence.tolling.asylum', `Asylum application ${event.form} filed on ${event.date}, ${state}. No unauthorized employment is recorded.`, [recordId]));
        break;
      case 'adjustment-of-status':
        add('adjustment-pending', event.date, closedOn, Finding.of('unlawful-presence.tolling.adjustment', `Adjustment application ${event.form} filed on ${event.date}, ${state}.`, [recordId]));
        break;
      case 'temporary-protected-status':
        // Explicit grant records carry the real periods; an approval alone is read as open-ended.
        if (decision === 'approved' && !explicitTps) add('temporary-protected-status', event.decidedOn ?? event.date, undefined, Finding.of('unlawful-presence.tolling.tps', `TPS (${event.form}) approved${event.decidedOn === undefined ? '' : ` on ${event.decidedOn}`}.`, [recordId]));
        break;
      case 'deferred-action':
        if (decision === 'approved' && !explicitDeferredAction) add('deferred-action', event.decidedOn ?? event.date, undefined, Finding.of('unlawful-presence.tolling.deferred-action', `Deferred action (${event.form}) approved${event.decidedOn === undefined ? '' : ` on ${event.decidedOn}`}.`, [recordId]));
        break;
      case 'naturalization':
      case 'certificate-of-citizenship':
      case 'removal-of-conditions':
      case 'other':
        break;
    }
  }
  for (const { recordId, event } of PersonEvidence.eventsOf(evidence, 'deferred-action')) {
    add('deferred-action', event.date, event.until, Finding.of('unlawful-presence.tolling.deferred-action', `Deferred action from ${event.date}${event.until === undefined ? '' : ` to ${event.until}`}.`, [recordId]));
  }
  for (const { recordId, event } of PersonEvidence.eventsOf(evidence, 'temporary-protected-status')) {
    add('temporary-protected-status', event.date, event.until, Finding.of('unlawful-presence.tolling.tps', `Temporary Protected Status from ${event.date}${event.until === undefined ? '' : ` to ${event.until}`}.`, [recordId]));
  }
  for (const { recordId, event } of PersonEvidence.eventsOf(evidence, 'status-change')) {
    // A change of status issues its own I-94: an arrival record that day carries the new period.
    add('stay-extended', event.date, untilNextArrival(event.date, undefined, true), Finding.of('admission.extended', `Status changed to ${event.toClass} on ${event.date}; the new stay's end is not recorded.`, [recordId]));
  }
  if (residence?.since !== undefined) {
    add('permanent-resident', residence.since, undefined, Finding.of('unlawful-presence.tolling.status', `A permanent resident since ${residence.since}.`, Finding.recordIds(residence.findings)));
  }
  return { periods: periods.filter((p) => p.from === undefined || p.to === undefined || p.from <= p.to), notes };
}
