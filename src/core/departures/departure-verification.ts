import { Moment, type IsoDay } from '../calendar/index.js';
import { deriveStatus, type DeriveOptions, type DepartureEvidenceKind, type DerivedStatus, type RecordedDeparture, type ResolvedPerson, type VoluntaryDeparture } from '../status/index.js';

/** A departure shown by exit records matched to the person, kept as the evidence that closes a case. */
export interface DepartureVerification {
  readonly kind: 'departure-verification';
  readonly personId: string;
  readonly departedOn: IsoDay;
  /** Every exit record of that departure, strongest first (biometric exit, manifest, departure record). */
  readonly evidence: readonly RecordedDeparture[];
  readonly strongest: DepartureEvidenceKind;
  /** For a voluntary departure: the grant, and whether the exit came within its period. */
  readonly voluntaryDeparture: { readonly caseNumber: string; readonly deadline: IsoDay; readonly timely: boolean } | undefined;
  /** Plain words for the person and their counsel: what was recorded, and how. */
  readonly statement: string;
}

const evidenceWords: Readonly<Record<DepartureEvidenceKind, string>> = {
  'biometric-exit': 'a biometric exit confirmation',
  manifest: 'an airline departure manifest',
  'departure-record': 'a departure record',
};

/** The first recorded exit on or after `since`, with every record of it. */
export function exitSince(status: DerivedStatus, since: IsoDay): DepartureVerification | undefined {
  const after = status.departures.filter((d) => d.date >= since);
  const first = after.map((d) => d.date).sort().at(0);
  if (first === undefined) return undefined;
  // Records of the same exit, already strongest first.
  const evidence = after.filter((d) => d.date === first);
  const how = [...new Set(evidence.map((d) => evidenceWords[d.evidence]))].join(' and ');
  return {
    kind: 'departure-verification', personId: status.personId, departedOn: first, evidence, strongest: evidence.at(0)?.evidence ?? 'departure-record',
    voluntaryDeparture: undefined, statement: `Your departure on ${first} was recorded by ${how}.`,
  };
}

/** Verifies the departure under one voluntary-departure grant: the first exit on or after it, in time or late. */
export function verificationOf(status: DerivedStatus, vd: VoluntaryDeparture): DepartureVerification | undefined {
  const exit = exitSince(status, vd.grantedOn);
  if (exit === undefined) return undefined;
  const timely = exit.departedOn <= vd.deadline;
  return {
    ...exit,
    voluntaryDeparture: { caseNumber: vd.caseNumber, deadline: vd.deadline, timely },
    statement: `${exit.statement} It was ${timely ? 'within' : 'after the end of'} your voluntary-departure period, which ended on ${vd.deadline}.`,
  };
}

/**
 * Verifies the departure under a person's voluntary-departure grant (the latest, or the one in `caseNumber`)
 * from the exit records linked to them; undefined when there is no grant or no exit on or after it.
 */
export function verifyDeparture(person: ResolvedPerson, request: { readonly at: string; readonly caseNumber?: string }, options: DeriveOptions = {}): DepartureVerification | undefined {
  const status = deriveStatus(person, Moment.parse(request.at), options);
  const vd = status.voluntaryDepartures.filter((g) => request.caseNumber === undefined || g.caseNumber === request.caseNumber)
    .sort((a, b) => (a.grantedOn < b.grantedOn ? -1 : 1)).at(-1);
  return vd === undefined ? undefined : verificationOf(status, vd);
}
