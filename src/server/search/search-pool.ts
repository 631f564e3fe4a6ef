import { DocketError } from '../../core/errors/index.js';
import type { IndexedRecord } from './search-index.js';
import type { EntityMove, SearchAnswer, SearchEngine } from './search-engine.js';
import { SearchThread } from './search-thread.js';

/**
 * Several search threads, each holding the whole index: every update goes to all of them, each
 * search to the one with the fewest searches waiting. One thread is the bottleneck once HTTP and
 * the ledger are cheap, so a second one puts the other core to work, for the memory of a second
 * index. Each thread applies its messages in order, so a search still sees every update sent before it.
 */
export class SearchPool implements SearchEngine {
  private readonly threads: readonly SearchThread[];

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1 || size > 16) {
      throw new DocketError('invalid-input', `search threads must be a whole number from 1 to 16, not ${size}`, { hint: 'use 0 to search in the server thread' });
    }
    this.threads = Array.from({ length: size }, () => new SearchThread());
  }

  add(entries: readonly IndexedRecord[]): void {
    for (const thread of this.threads) thread.add(entries);
  }

  setEntities(moves: readonly EntityMove[]): void {
    for (const thread of this.threads) thread.setEntities(moves);
  }

  reset(): void {
    for (const thread of this.threads) thread.reset();
  }

  search(q: string, sources: readonly number[], limit: number): Promise<SearchAnswer> {
    let chosen = this.threads[0];
    for (const thread of this.threads) if (thread.waiting < chosen.waiting) chosen = thread;
    return chosen.search(q, sources, limit);
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.close()));
  }
}
