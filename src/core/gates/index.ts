/**
 * Legal gates: hard stops for each adverse action and for the removal checkpoints. `evaluateGates(status,
 * { check, destination })` or `checkGates(person, { check, at, destination })` return a `GateReport`;
 * `checkRemovalCheckpoint` re-checks at manifest freeze and boarding, to the minute.
 */
export { checkGates, checkRemovalCheckpoint, evaluateGates } from './evaluate-gates.js';
export type { GateReport, GateRequest, GateResult } from './evaluate-gates.js';
export { Gate, GateId } from './gate.js';
export type { GateDefinition, Referral } from './gate.js';
export { AdverseAction, GateCheck, RemovalCheckpoint, removalChecks } from './gate-check.js';
