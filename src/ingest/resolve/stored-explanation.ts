import type { PairExplanation } from '../../linkage/index.js';

/** What is kept of an explanation beside a link: enough to draw the waterfall and to sum to the score. */
export interface StoredExplanation {
  readonly pairWith: number;
  readonly prior: number;
  readonly weight: number;
  readonly probability: number;
  readonly namesCrossed?: true;
  readonly comparisons: readonly { readonly comparison: string; readonly label: string; readonly left: string; readonly right: string; readonly weight: number }[];
}

/**
 * The engine's explanation as stored with a link, for the record it was matched with. Fields that
 * were missing on either side weigh exactly nothing and are left out; the rest still add up to the
 * score. This keeps a link's explanation at about half the size, which is most of what storing a
 * resolved record costs the database.
 */
export function storedExplanation(explanation: PairExplanation, pairWith: number): StoredExplanation {
  return {
    pairWith,
    prior: explanation.prior,
    weight: explanation.weight,
    probability: explanation.probability,
    ...(explanation.namesCrossed ? { namesCrossed: true as const } : {}),
    comparisons: explanation.comparisons
      .filter((c) => c.weight !== 0)
      .map((c) => ({ comparison: c.comparison, label: c.label, left: c.left, right: c.right, weight: c.weight })),
  };
}
