import type { IndexedRecord } from './search-index.js';
import type { EntityMove, SearchAnswer } from './search-engine.js';

/** What the server thread sends the search thread. */
export type ToSearchThread =
  | { readonly kind: 'add'; readonly entries: readonly IndexedRecord[] }
  | { readonly kind: 'entities'; readonly moves: readonly EntityMove[] }
  | { readonly kind: 'reset' }
  | { readonly kind: 'search'; readonly id: number; readonly q: string; readonly sources: readonly number[]; readonly limit: number };

/** What the search thread answers, several at a time (an array of these per message): a search's answer, or why it failed. */
export type FromSearchThread =
  | ({ readonly kind: 'answer'; readonly id: number } & SearchAnswer)
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };
