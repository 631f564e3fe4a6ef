import { IsoDay, Moment } from '../calendar/index.js';
import { DocketError } from '../errors/index.js';
import { deriveStatus, type DeriveOptions, type Finding, type ResolvedPerson } from '../status/index.js';
import { verificationOf, type DepartureVerification } from './departure-verification.js';

/**
 * Where a voluntary departure stands: `due` (period running, no exit yet), `verified` (left in time),
 * `overdue` (deadline passed, no exit), `departed-late` (left after the deadline), `suspended` (an appeal
 * stopped the period), `ended` (a motion or petition ended the grant).
 */
export const WatchState = ['due', 'verified', 'overdue', 'departed-late', 'suspended', 'ended'] as const;
export type WatchState = (typeof WatchState)[number];

export interface DepartureWatch {
  readonly kind: 'departure-watch';
  readonly personId: string;
  readonly caseNumber: string;
  readonly grantRecordId: string;
  readonly grantedOn: IsoDay;
  readonly deadline: IsoDay;
  readonly state: WatchState;
  /** Days from the moment to the deadline; negative once it has passed. */
  readonly daysLeft: number;
  /** Due and within the alert window. */
  readonly alert: boolean;
  readonly verification: DepartureVerification | undefined;
  readonly findings: readonly Finding[];
  readonly explanation: string;
}

export interface WatchOptions {
  /** ISO day or date-time of the reading. */
  readonly at: string;
  /** Alert this many days (or fewer) before a deadline. */
  readonly alertDays: number;
  readonly derive?: DeriveOptions;
}

/** Every voluntary-departure grant of one person, read at a moment (INA 240B; 8 CFR 1240.26). */
export function watchVoluntaryDepartures(person: ResolvedPerson, options: WatchOptions): readonly DepartureWatch[] {
  if (!Number.isInteger(options.alertDays) || options.alertDays < 0) throw new DocketError('invalid-input', `alertDays must be a whole number of days, got ${options.alertDays}`);
  const status = deriveStatus(person, Moment.parse(options.at), options.derive);
  const today = status.moment.day;
  return status.voluntaryDepartures.map((vd) => {
    const verification = verificationOf(status, vd);
    const daysLeft = IsoDay.daysBetween(today, vd.deadline);
    let state: WatchState;
    let explanation: string;
    if (vd.state === 'terminated') {
      state = 'ended';
      explanation = `The grant ended on ${vd.terminatedBy?.on ?? today} (${vd.terminatedBy?.by.replace(/-/g, ' ') ?? 'motion or petition'}).`;
    } else if (vd.state === 'suspended') {
      state = 'suspended';
      explanation = 'An appeal stopped the period; the Board\'s decision sets a new one.';
    } else if (verification?.voluntaryDeparture?.timely === true) {
      state = 'verified';
      explanation = `Departed on ${verification.departedOn}, before the deadline ${vd.deadline}, shown by ${verification.evidence.length} exit record${verification.evidence.length === 1 ? '' : 's'}.`;
    } else if (verification !== undefined) {
      state = 'departed-late';
      explanation = `Departed on ${verification.departedOn}, after the deadline ${vd.deadline}.`;
    } else if (daysLeft < 0) {
      state = 'overdue';
      explanation = `No exit recorded; the deadline ${vd.deadline} passed ${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago.`;
    } else {
      state = 'due';
      explanation = `Due by ${vd.deadline}: ${daysLeft} day${daysLeft === 1 ? '' : 's'} left, no exit recorded yet.`;
    }
    return {
      kind: 'departure-watch', personId: person.personId, caseNumber: vd.caseNumber, grantRecordId: vd.recordId, grantedOn: vd.grantedOn, deadline: vd.deadline,
      state, daysLeft, alert: state === 'due' && daysLeft <= options.alertDays, verification, findings: vd.findings, explanation,
    };
  });
}

/** The dashboard's lists, each by deadline: due, alerts (due within the window), verified, departed late, overdue, suspended, ended. */
export interface DepartureBoard {
  readonly kind: 'departure-board';
  readonly at: string;
  readonly due: readonly DepartureWatch[];
  readonly alerts: readonly DepartureWatch[];
  readonly verified: readonly DepartureWatch[];
  readonly departedLate: readonly DepartureWatch[];
  readonly overdue: readonly DepartureWatch[];
  readonly suspended: readonly DepartureWatch[];
  readonly ended: readonly DepartureWatch[];
}

export function departureBoard(people: readonly ResolvedPerson[], options: WatchOptions): DepartureBoard {
  const all = people.flatMap((person) => watchVoluntaryDepartures(person, options));
  const byDeadline = (a: DepartureWatch, b: DepartureWatch): number => IsoDay.daysBetween(b.deadline, a.deadline) || (a.personId < b.personId ? -1 : 1);
  const inState = (state: WatchState): DepartureWatch[] => all.filter((w) => w.state === state).sort(byDeadline);
  const due = inState('due');
  return {
    kind: 'departure-board', at: options.at, due, alerts: due.filter((w) => w.alert), verified: inState('verified'),
    departedLate: inState('departed-late'), overdue: inState('overdue'), suspended: inState('suspended'), ended: inState('ended'),
  };
}
