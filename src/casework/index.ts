/**
 * Casework, between the store and the edges: `Casework` (identify, queue, show, propose, decide,
 * transition, checkpoints, re-checks), `Departures` (the voluntary-departure board, alerts and automatic
 * closure), `Policies` (the policy in force, activation, simulation), `PersonLoader` (resolved people
 * from entities) and `CaseWatcher` (re-checks as records arrive on the bus).
 */
export { CaseAction } from './case-action.js';
export { CaseActor, systemUserId } from './case-actor.js';
export { Casework } from './casework.js';
export type { CaseworkOptions, CheckpointResult, IdentifyReport, PersonCases, RecheckReport, TransitionInput } from './casework.js';
export { Visibility, withheldExplanation } from './case-views.js';
export type { CaseDetail, CaseSummary, GateView, NextStep, PersonSummary, PriorityView, ProposalStatus, ProposalView, ReviewItem, StatusView } from './case-views.js';
export { PersonLoader } from './person-loader.js';
export type { LoadedPerson } from './person-loader.js';
export { bundledPolicyPath, Policies, readPolicyFile } from './policies.js';
export type { ActivePolicy } from './policies.js';
export { CaseWatcher } from './case-watcher.js';
export { Departures } from './departures.js';
export type { DepartureBoardView, DepartureCounts, DeparturesOptions, SweepReport } from './departures.js';
export { simulateAgainstActive } from './policy-simulation.js';
export type { PolicySimulation } from './policy-simulation.js';
