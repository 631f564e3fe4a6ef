/**
 * The case state machine. `identifyCase` starts a case; `decideTransition(file, request, person)` accepts or
 * refuses one step and returns the immutable `CaseEvent` to store; `CaseFile.replay(events)` rebuilds and
 * checks a stored history; `haltBlockedRemoval` stops a scheduled removal when a gate holds again.
 */
export type { CaseEvent } from './case-event.js';
export { CaseFile } from './case-file.js';
export { CaseState, ClosureReason, ExitReason, openStates } from './case-state.js';
export { decideTransition, haltBlockedRemoval, identifyCase } from './decide-transition.js';
export type { IdentifyRequest, TransitionDecision, TransitionRequest } from './decide-transition.js';
export { allows, Transition, TransitionKind } from './transition.js';
export type { TransitionRule } from './transition.js';
