/** Words for people in place of the identifiers the casework API uses. */
const states: Readonly<Record<string, string>> = {
  identified: 'Identified',
  'under-review': 'Under review',
  'notice-issued': 'Notice issued',
  'in-proceedings': 'In proceedings',
  'order-not-final': 'Order, not final (appeal window)',
  'appeal-pending': 'Appeal pending',
  'order-final': 'Final order',
  'departure-pending-voluntary': 'Departure pending (voluntary)',
  'departure-pending-removal': 'Departure pending (removal)',
  'departed-verified': 'Departed (verified)',
  closed: 'Closed',
};

const steps: Readonly<Record<string, string>> = {
  'open-case': 'Open the case',
  'issue-notice': 'Issue a notice',
  'request-detention': 'Request detention',
  'schedule-removal': 'Schedule removal',
  'record-proceedings': 'Record proceedings',
  'record-order': 'Record the order',
  'record-appeal': 'Record an appeal',
  'record-finality': 'Record that the order is final',
  'record-reopening': 'Record that the order was set aside',
  'record-voluntary-departure': 'Record voluntary departure',
  'record-voluntary-departure-failure': 'Record that voluntary departure failed',
  'halt-removal': 'Halt the removal',
  'verify-departure': 'Verify the departure',
  close: 'Close on the verified departure',
  exit: 'Close in the person\u2019s favour',
  identify: 'Identified',
};

const bands: Readonly<Record<string, string>> = {
  'single-record': 'One record: nothing was linked',
  certain: 'Every link scored above the match threshold',
  'uncertain-confirmed': 'Uncertain links, each confirmed by a data steward',
  'uncertain-unconfirmed': 'An uncertain link awaits a data steward: no adverse action can be approved',
};

export const exits: readonly { readonly value: string; readonly label: string }[] = [
  { value: 'status-regularized', label: 'Status regularized' },
  { value: 'citizenship-or-residence-found', label: 'Citizenship or residence found' },
  { value: 'relief-granted', label: 'Relief granted' },
  { value: 'challenge-upheld', label: 'Challenge upheld' },
];

const words = (id: string): string => id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

export const stateLabel = (state: string): string => states[state] ?? words(state);
export const stepLabel = (step: string): string => steps[step] ?? words(step);
export const bandLabel = (band: string): string => bands[band] ?? words(band);
export const tierLabel = (priority: { readonly tier: number | null; readonly tierName: string | null; readonly outcome: string }): string =>
  priority.tier === null ? words(priority.outcome) : `Tier ${priority.tier}${priority.tierName === null ? '' : ` \u00b7 ${priority.tierName}`}`;
