export { checkGates, checkRemovalCheckpoint, evaluateGates } from './evaluate-gates.js';
export type { GateReport, GateRequest, GateResult } from './evaluate-gates.js';
export { Gate, GateId } from './gate.js';
export type { GateDefinition, Referral } from './gate.js';
export { AdverseAction, GateCheck, RemovalCheckpoint, removalChecks } from './gate-check.js';
