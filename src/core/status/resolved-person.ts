import { z } from 'zod';
import { PersonRecord } from '../records/index.js';

/** One canonical record behind a person, with the id and source it came from. */
export const SourcedRecord = z.object({
  recordId: z.string().min(1),
  source: z.string().min(1),
  record: PersonRecord,
});
export type SourcedRecord = z.infer<typeof SourcedRecord>;

/** Links scoring between the match and non-match thresholds are `uncertain` and go to a data steward. */
export const LinkBand = z.enum(['certain', 'uncertain']);
export type LinkBand = z.infer<typeof LinkBand>;

/** A link between two records that made them one person, and what a steward decided about it. */
export const RecordLink = z.object({
  recordIds: z.tuple([z.string().min(1), z.string().min(1)]),
  band: LinkBand,
  /** The linkage engine's match probability, shown to the reviewer. */
  matchProbability: z.number().min(0).max(1).optional(),
  stewardConfirmation: z.object({ by: z.string().min(1), at: z.string().min(1) }).optional(),
});
export type RecordLink = z.infer<typeof RecordLink>;

/**
 * A person as entity resolution hands it to the rules: the records, and the links that joined them.
 * A single-record person has no links.
 */
export const ResolvedPerson = z.object({
  personId: z.string().min(1),
  records: z.array(SourcedRecord).min(1),
  links: z.array(RecordLink).default([]),
});
export type ResolvedPerson = z.infer<typeof ResolvedPerson>;

/** Links in the uncertain band that no data steward has confirmed: adverse action waits on them. */
export function unconfirmedUncertainLinks(person: ResolvedPerson): readonly RecordLink[] {
  return person.links.filter((link) => link.band === 'uncertain' && link.stewardConfirmation === undefined);
}
