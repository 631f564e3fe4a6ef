import { unconfirmedUncertainLinks, type RecordLink, type ResolvedPerson } from '../status/index.js';

/** How sure the linkage is that these records are one person, as the reviewer sees it. */
export interface MatchConfidence {
  readonly kind: 'match-confidence';
  /**
   * `single-record`: nothing was linked. `certain`: every link scored above the match threshold.
   * `uncertain-confirmed`: links in the uncertain band, each confirmed by a data steward.
   * `uncertain-unconfirmed`: at least one uncertain link awaits a steward; adverse action waits too.
   */
  readonly band: 'single-record' | 'certain' | 'uncertain-confirmed' | 'uncertain-unconfirmed';
  readonly recordCount: number;
  readonly lowestMatchProbability: number | undefined;
  readonly uncertainLinks: readonly RecordLink[];
  readonly unconfirmedLinks: readonly RecordLink[];
}

export function matchConfidence(person: ResolvedPerson): MatchConfidence {
  const uncertainLinks = person.links.filter((link) => link.band === 'uncertain');
  const unconfirmedLinks = unconfirmedUncertainLinks(person);
  const probabilities = person.links.flatMap((link) => (link.matchProbability === undefined ? [] : [link.matchProbability]));
  const band = person.links.length === 0 && person.records.length <= 1 ? 'single-record'
    : unconfirmedLinks.length > 0 ? 'uncertain-unconfirmed'
      : uncertainLinks.length > 0 ? 'uncertain-confirmed' : 'certain';
  return {
    kind: 'match-confidence', band, recordCount: person.records.length,
    lowestMatchProbability: probabilities.length === 0 ? undefined : Math.min(...probabilities), uncertainLinks, unconfirmedLinks,
  };
}
