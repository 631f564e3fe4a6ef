import { Moment } from '../calendar/index.js';
import { CaseFile, decideTransition, type CaseEvent } from '../cases/index.js';
import { EvidenceRef, type User } from '../review/index.js';
import { deriveStatus, type DeriveOptions, type ResolvedPerson } from '../status/index.js';
import { exitSince, verificationOf, type DepartureVerification } from './departure-verification.js';

export type DepartureClosure =
  | { readonly kind: 'closed'; readonly file: CaseFile; readonly events: readonly CaseEvent[]; readonly verification: DepartureVerification }
  | { readonly kind: 'not-closed'; readonly reasons: readonly string[] };

/**
 * Verifies a case's departure from the exit records and closes the case with that evidence attached:
 * `verify-departure`, then `close`. The exit counted is the first after the voluntary-departure grant, or
 * after the removal was scheduled, or after the case began. Closing favours the person, so a service
 * account may run this whenever new exit records arrive.
 */
export function closeOnVerifiedDeparture(file: CaseFile, person: ResolvedPerson, request: { readonly actor: User; readonly at: string }, options: DeriveOptions = {}): DepartureClosure {
  if (!CaseFile.isOpen(file)) return { kind: 'not-closed', reasons: ['The case is closed already.'] };
  const status = deriveStatus(person, Moment.ofInstant(request.at), options);
  const latestGrant = status.voluntaryDepartures.at(-1);
  const scheduled = file.events.filter((e) => e.transition === 'schedule-removal').at(-1);
  const verification = file.state === 'departure-pending-voluntary' && latestGrant !== undefined
    ? verificationOf(status, latestGrant)
    : exitSince(status, Moment.ofInstant((scheduled ?? file.events[0]).at).day);
  if (verification === undefined) return { kind: 'not-closed', reasons: ['No exit is recorded for this case yet.'] };

  const evidence = EvidenceRef.records(verification.evidence.map((d) => d.recordId));
  const events: CaseEvent[] = [];
  let current = file;
  if (current.state !== 'departed-verified') {
    const verified = decideTransition(current, { transition: 'verify-departure', actor: request.actor, at: request.at, reason: verification.statement, evidence }, person, options);
    if (verified.kind === 'refused') return { kind: 'not-closed', reasons: verified.reasons };
    events.push(verified.event);
    current = verified.file;
  }
  const closed = decideTransition(current, { transition: 'close', actor: request.actor, at: request.at, reason: `Closed on the verified departure of ${verification.departedOn}.`, evidence }, person, options);
  if (closed.kind === 'refused') return { kind: 'not-closed', reasons: closed.reasons };
  return { kind: 'closed', file: closed.file, events: [...events, closed.event], verification };
}
