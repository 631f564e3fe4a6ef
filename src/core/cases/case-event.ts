import type { GateCheck, GateId } from '../gates/index.js';
import type { EvidenceRef, Role } from '../review/index.js';
import type { CaseState, ClosureReason } from './case-state.js';
import type { TransitionKind } from './transition.js';

/**
 * One step of a case, immutable once made: who, when, why, on what evidence, and for adverse actions the
 * approval and what the gates said. The store writes it to the audit ledger in the same transaction.
 */
export interface CaseEvent {
  readonly kind: 'case-event';
  readonly caseId: string;
  readonly personId: string;
  /** 1 for the identification, then one more per event. */
  readonly sequence: number;
  readonly transition: TransitionKind;
  readonly from: CaseState | null;
  readonly to: CaseState;
  readonly closure: ClosureReason | undefined;
  readonly actor: { readonly userId: string; readonly roles: readonly Role[] };
  /** An ISO date-time with an offset. */
  readonly at: string;
  readonly reason: string;
  readonly evidence: readonly EvidenceRef[];
  readonly approval: { readonly proposalId: string; readonly proposedBy: string; readonly approvedBy: string } | undefined;
  readonly gates: { readonly check: GateCheck; readonly clear: boolean; readonly holding: readonly GateId[] } | undefined;
  readonly destination: string | undefined;
}
