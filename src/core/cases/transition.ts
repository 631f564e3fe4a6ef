import type { AdverseAction } from '../gates/index.js';
import type { Role } from '../review/index.js';
import { openStates, type CaseState } from './case-state.js';

/**
 * The moves a case can make. `to` is a state, `same` (the action leaves the state as it is), or
 * `by-finality` (an order lands in the appeal window or, when final at once, in `order-final`).
 */
export interface TransitionRule {
  readonly from: readonly CaseState[];
  readonly to: CaseState | 'same' | 'by-finality';
  /** Set for adverse actions: they need an approved proposal and clear gates. */
  readonly action: AdverseAction | undefined;
  readonly roles: readonly Role[];
  readonly description: string;
}

const officer: readonly Role[] = ['case-officer'];
const courtStates: readonly CaseState[] = ['notice-issued', 'in-proceedings', 'order-not-final', 'appeal-pending', 'order-final', 'departure-pending-voluntary', 'departure-pending-removal'];

export const Transition = {
  identify: { from: [], to: 'identified', action: undefined, roles: officer, description: 'A person is identified for review under the published policy.' },
  'open-case': { from: ['identified'], to: 'under-review', action: 'open-case', roles: officer, description: 'A case is opened (approved by a second person).' },
  'issue-notice': { from: ['under-review'], to: 'notice-issued', action: 'issue-notice', roles: officer, description: 'The person is given notice (approved by a second person).' },
  'record-proceedings': { from: ['identified', 'under-review', 'notice-issued'], to: 'in-proceedings', action: undefined, roles: officer, description: 'Court records show removal proceedings.' },
  'record-order': { from: ['in-proceedings'], to: 'by-finality', action: undefined, roles: officer, description: 'Court records show an order of removal.' },
  'record-appeal': { from: ['order-not-final'], to: 'appeal-pending', action: undefined, roles: officer, description: 'Court records show a timely appeal.' },
  'record-finality': { from: ['order-not-final', 'appeal-pending'], to: 'order-final', action: undefined, roles: officer, description: 'The order became final under 8 CFR 1241.1.' },
  'record-reopening': {
    from: ['order-not-final', 'appeal-pending', 'order-final', 'departure-pending-voluntary', 'departure-pending-removal'], to: 'in-proceedings', action: undefined, roles: officer,
    description: 'The order was set aside: remand, reopening or a granted petition.',
  },
  'record-voluntary-departure': { from: ['in-proceedings', 'order-not-final', 'appeal-pending', 'order-final'], to: 'departure-pending-voluntary', action: undefined, roles: officer, description: 'Voluntary departure was granted and its period runs.' },
  'record-voluntary-departure-failure': { from: ['departure-pending-voluntary'], to: 'order-final', action: undefined, roles: officer, description: 'The period was overstayed or ended by a motion or petition: the alternate order is final.' },
  'schedule-removal': { from: ['order-final'], to: 'departure-pending-removal', action: 'schedule-removal', roles: ['case-officer', 'logistics-coordinator'], description: 'Removal is scheduled (approved by a second person, every gate clear).' },
  'halt-removal': { from: ['departure-pending-removal'], to: 'order-final', action: undefined, roles: ['case-officer', 'logistics-coordinator', 'reviewing-officer'], description: 'A scheduled removal is stopped, for example by a stay.' },
  'request-detention': { from: courtStates, to: 'same', action: 'request-detention', roles: officer, description: 'Detention is requested (approved by a second person).' },
  'verify-departure': { from: openStates.filter((s) => s !== 'departed-verified'), to: 'departed-verified', action: undefined, roles: officer, description: 'A departure is verified from exit records.' },
  close: { from: ['departed-verified'], to: 'closed', action: undefined, roles: officer, description: 'The case closes on the verified departure.' },
  exit: { from: openStates, to: 'closed', action: undefined, roles: ['case-officer', 'reviewing-officer'], description: 'The case ends in the person\'s favour.' },
} as const satisfies Record<string, TransitionRule>;

export type TransitionKind = keyof typeof Transition;
export const TransitionKind = Object.keys(Transition) as readonly TransitionKind[];

/** Whether a rule allows a case to move from `from` to `to`. */
export function allows(kind: TransitionKind, from: CaseState | null, to: CaseState): boolean {
  const rule: TransitionRule = Transition[kind];
  if (kind === 'identify') return from === null && to === 'identified';
  if (from === null || !rule.from.includes(from)) return false;
  if (rule.to === 'same') return to === from;
  if (rule.to === 'by-finality') return to === 'order-not-final' || to === 'order-final';
  return to === rule.to;
}
