/** Adverse actions: each is proposed by one user and approved by another (see core/review). */
export const AdverseAction = ['open-case', 'issue-notice', 'request-detention', 'schedule-removal'] as const;
export type AdverseAction = (typeof AdverseAction)[number];

/** Moments when a scheduled removal is checked again: a stay can arrive at any time. */
export const RemovalCheckpoint = ['manifest-freeze', 'boarding'] as const;
export type RemovalCheckpoint = (typeof RemovalCheckpoint)[number];

/** What the gates are asked about. */
export type GateCheck = AdverseAction | RemovalCheckpoint;
export const GateCheck: readonly GateCheck[] = [...AdverseAction, ...RemovalCheckpoint];

/** The checks that move a person toward removal; most gates guard exactly these. */
export const removalChecks: readonly GateCheck[] = ['schedule-removal', 'manifest-freeze', 'boarding'];
