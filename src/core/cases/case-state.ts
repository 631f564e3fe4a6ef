/**
 * Where a case stands. `order-not-final` is the appeal window: an order has been made and the time to
 * appeal runs; `appeal-pending` follows if an appeal is received.
 */
export const CaseState = [
  'identified', 'under-review', 'notice-issued', 'in-proceedings', 'order-not-final', 'appeal-pending', 'order-final',
  'departure-pending-voluntary', 'departure-pending-removal', 'departed-verified', 'closed',
] as const;
export type CaseState = (typeof CaseState)[number];

/** Why a case closed: a verified departure, or one of the exits in the person's favour. */
export const ClosureReason = ['departure-verified', 'status-regularized', 'citizenship-or-residence-found', 'relief-granted', 'challenge-upheld'] as const;
export type ClosureReason = (typeof ClosureReason)[number];

/** The exits: closures that end a case in the person's favour, from any open state. */
export const ExitReason = ['status-regularized', 'citizenship-or-residence-found', 'relief-granted', 'challenge-upheld'] as const satisfies readonly ClosureReason[];
export type ExitReason = (typeof ExitReason)[number];

export const openStates: readonly CaseState[] = CaseState.filter((state) => state !== 'closed');
