import { z } from 'zod';

/** One comparison's part in a match: the field, the level it reached, and its weight in bits. */
export const FieldWeight = z.object({
  field: z.string(),
  level: z.string().optional(),
  weight: z.number(),
  valueA: z.string().optional(),
  valueB: z.string().optional(),
});
export type FieldWeight = z.infer<typeof FieldWeight>;

/**
 * Why two records were linked, as the linkage engine explains a pair: the prior, each field's
 * weight, and the total (a waterfall from the prior to the match weight).
 */
export const LinkExplanation = z.object({
  priorWeight: z.number().default(0),
  fields: z.array(FieldWeight).default([]),
  matchWeight: z.number().optional(),
  probability: z.number().min(0).max(1).optional(),
  /** The record this one was compared with. */
  pairWith: z.number().int().optional(),
  note: z.string().optional(),
}).meta({ id: 'LinkExplanation' });
export type LinkExplanation = z.infer<typeof LinkExplanation>;

/** The linkage engine's own form (`PairExplanation`), as ingest stores it beside a link. */
const EnginePairExplanation = z.object({
  prior: z.number(),
  comparisons: z.array(z.object({ comparison: z.string(), label: z.string(), left: z.string(), right: z.string(), weight: z.number() })),
  weight: z.number(),
  probability: z.number().min(0).max(1),
});

/** Reads a stored explanation; one in a form this server does not know reads as a note, not a failure. */
export function readLinkExplanation(value: unknown): LinkExplanation | null {
  if (value === null || value === undefined) return null;
  const engine = EnginePairExplanation.safeParse(value);
  if (engine.success) {
    const e = engine.data;
    return {
      priorWeight: e.prior,
      fields: e.comparisons.map((c) => ({ field: c.comparison, level: c.label, weight: c.weight, valueA: c.left, valueB: c.right })),
      matchWeight: e.weight,
      probability: e.probability,
    };
  }
  const parsed = LinkExplanation.safeParse(value);
  if (parsed.success) {
    const e = parsed.data;
    return { ...e, matchWeight: e.matchWeight ?? e.priorWeight + e.fields.reduce((sum, f) => sum + f.weight, 0) };
  }
  return { priorWeight: 0, fields: [], note: 'this link was recorded in a form the profile cannot draw' };
}
