/**
 * The facts that decide a person's true legal status, written beside it in the truth file so an
 * evaluation can tell a linkage error from a missing record from a rules error.
 */
export const TruthFact = [
  'minor', 'twin', 'entered-without-inspection', 'duration-of-status', 'timely-extension-pending', 'untimely-extension',
  'adjustment-pending', 'asylum-pending', 'asylum-granted', 'deferred-action', 'deferred-action-lapsed', 'temporary-protected-status',
  'withholding-of-removal', 'cat-protection', 'in-absentia-order', 'motion-to-reopen-granted', 'appeal-pending', 'stay-of-removal',
  'last-minute-stay', 'voluntary-departure-missed', 'removed', 'naturalized', 'derived-citizenship', 'born-abroad-to-citizen',
  'citizenship-unrecorded', 'unrecorded-departure', 'unrecorded-arrival', 'visa-overstay', 'status-violation', 'criminal-conviction', 'parolee', 'derivative-status',
] as const;
export type TruthFact = (typeof TruthFact)[number];
