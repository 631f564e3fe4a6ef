import { queryTerms } from './query-terms.js';
import { SearchIndex, type IndexedRecord, type SearchHit } from './search-index.js';

/** A search's answer: the hits already as JSON (the response carries them as they are) and who was shown, for the ledger. */
export interface SearchAnswer {
  readonly hitsJson: string;
  readonly personIds: readonly number[];
  /** Time spent by the engine itself, not counting any wait for it. */
  readonly engineMs: number;
}

/** Who a record belongs to now: [record id, person id]. */
export type EntityMove = readonly [recordId: number, entityId: number];

/**
 * The search index behind a narrow interface, so it can run in this thread or in a worker
 * thread of its own. Updates and searches are applied in the order they are made: a search
 * sees every update made before it.
 */
export interface SearchEngine {
  add(entries: readonly IndexedRecord[]): void;
  setEntities(moves: readonly EntityMove[]): void;
  /** Empties the index (a retention purge rebuilds it). */
  reset(): void;
  search(q: string, sources: readonly number[], limit: number): Promise<SearchAnswer>;
  close(): Promise<void>;
}

/** Answers one search on an index: the one code path of both engines. */
export function answer(index: SearchIndex, q: string, sources: readonly number[], limit: number): SearchAnswer {
  const started = performance.now();
  const hits: SearchHit[] = index.search(queryTerms(q), { limit, sources: new Set(sources) });
  return { hitsJson: JSON.stringify(hits), personIds: hits.map((h) => h.personId), engineMs: performance.now() - started };
}

/** The index in this thread: tests, and small installations. */
export class InProcessEngine implements SearchEngine {
  private index = new SearchIndex();

  add(entries: readonly IndexedRecord[]): void {
    for (const entry of entries) this.index.add(entry);
  }

  setEntities(moves: readonly EntityMove[]): void {
    for (const [recordId, entityId] of moves) this.index.setEntity(recordId, entityId);
  }

  reset(): void {
    this.index = new SearchIndex();
  }

  search(q: string, sources: readonly number[], limit: number): Promise<SearchAnswer> {
    return Promise.resolve(answer(this.index, q, sources, limit));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
