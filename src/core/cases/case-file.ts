import { Moment } from '../calendar/index.js';
import { DocketError } from '../errors/index.js';
import type { CaseEvent } from './case-event.js';
import type { CaseState, ClosureReason } from './case-state.js';
import { allows } from './transition.js';

/** A case as its events make it: the state is always the fold of the events, never stored apart. */
export interface CaseFile {
  readonly kind: 'case-file';
  readonly caseId: string;
  readonly personId: string;
  readonly state: CaseState;
  readonly closure: ClosureReason | undefined;
  readonly events: readonly CaseEvent[];
}

export const CaseFile = {
  /**
   * Rebuilds a case from its stored events, checking each step: numbered in order, allowed by the
   * transition table, from the state the previous step left, never earlier than it.
   */
  replay(events: readonly CaseEvent[]): CaseFile {
    const first = events.at(0);
    if (first === undefined) throw new DocketError('invalid-input', 'a case needs at least its identification event');
    let file = CaseFile.start(first);
    for (const event of events.slice(1)) file = CaseFile.append(file, event);
    return file;
  },

  start(event: CaseEvent): CaseFile {
    if (event.sequence !== 1 || event.transition !== 'identify' || !allows('identify', event.from, event.to)) {
      throw new DocketError('conflict', `case ${event.caseId} must begin with its identification as event 1`, { details: { sequence: event.sequence, transition: event.transition } });
    }
    return { kind: 'case-file', caseId: event.caseId, personId: event.personId, state: event.to, closure: undefined, events: [freeze(event)] };
  },

  append(file: CaseFile, event: CaseEvent): CaseFile {
    const last = file.events.at(-1);
    const where = `case ${file.caseId}, event ${event.sequence}`;
    if (event.caseId !== file.caseId || event.personId !== file.personId) throw new DocketError('conflict', `${where} belongs to another case or person`);
    if (event.sequence !== file.events.length + 1) throw new DocketError('conflict', `${where}: expected event ${file.events.length + 1}`);
    if (event.from !== file.state || !allows(event.transition, event.from, event.to)) {
      throw new DocketError('conflict', `${where}: ${event.transition} cannot move the case from ${file.state} to ${event.to}`);
    }
    if (last !== undefined && instant(event.at) < instant(last.at)) throw new DocketError('conflict', `${where} is dated before the event it follows`);
    return { ...file, state: event.to, closure: event.to === 'closed' ? event.closure : file.closure, events: [...file.events, freeze(event)] };
  },

  isOpen(file: CaseFile): boolean {
    return file.state !== 'closed';
  },

  /** Approvals already spent on this case: each approval authorizes one step. */
  usedApprovals(file: CaseFile): ReadonlySet<string> {
    return new Set(file.events.flatMap((event) => (event.approval === undefined ? [] : [event.approval.proposalId])));
  },
} as const;

function instant(text: string): number {
  return Date.parse(Moment.ofInstant(text).text);
}

/** Events are facts: frozen, so no later code can edit one in place. */
function freeze<T extends object>(value: T): T {
  for (const inner of Object.values(value as Record<string, unknown>)) {
    if (typeof inner === 'object' && inner !== null && !Object.isFrozen(inner)) freeze(inner);
  }
  return Object.freeze(value);
}
