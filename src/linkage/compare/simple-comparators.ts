import type { ValueDictionary } from '../dataset/value-dictionary.js';
import { CharStore } from './char-store.js';
import { storeCountDistanceBound, storeJaroWinkler, storeWithinOneEdit } from './code-similarity.js';
import { damerauLevenshtein } from './damerau-levenshtein.js';

const stores = new WeakMap<ValueDictionary, CharStore>();

/**
 * The values of a dictionary laid out in a character store as they are first needed, one store per
 * dictionary shared by every comparator over it (on one thread).
 */
class StoredValues {
  readonly store: CharStore;

  constructor(readonly dictionary: ValueDictionary) {
    let store = stores.get(dictionary);
    if (store === undefined) {
      store = new CharStore();
      stores.set(dictionary, store);
    }
    this.store = store;
  }

  ensure(id: number): CharStore {
    while (this.store.size <= id) this.store.push(this.dictionary.value(this.store.size));
    return this.store;
  }

  /** Lays out every value now, so no later comparison pays for it. */
  prepare(): void {
    this.ensure(this.dictionary.size - 1);
  }
}

/** Identifier levels: exact, one typo, two typos (for identifiers of six characters or more), different. */
export class IdentifierComparator extends StoredValues {
  compare(a: number, b: number): number {
    if (a === b) return 1;
    const store = this.ensure(a > b ? a : b);
    if (storeWithinOneEdit(store, a, b)) return 2;
    const la = store.length[a];
    const lb = store.length[b];
    if (la >= 6 && lb >= 6 && Math.abs(la - lb) <= 2 && storeCountDistanceBound(store, a, b) <= 2 && damerauLevenshtein(this.dictionary.value(a), this.dictionary.value(b), 2) === 2) return 3;
    return 4;
  }
}

/** Code levels (postcode, street number): exact, one typo, different. */
export class CodeComparator extends StoredValues {
  compare(a: number, b: number): number {
    if (a === b) return 1;
    return storeWithinOneEdit(this.ensure(a > b ? a : b), a, b) ? 2 : 3;
  }

  /** Equal, or one typo apart. */
  agrees(a: number, b: number): boolean {
    return a === b || storeWithinOneEdit(this.ensure(a > b ? a : b), a, b);
  }
}

/** Text levels: exact, typo (Jaro–Winkler ≥ 0.92), similar (≥ 0.8), different. */
export class TextComparator extends StoredValues {
  compare(a: number, b: number): number {
    if (a === b) return 1;
    const jw = storeJaroWinkler(this.ensure(a > b ? a : b), a, b);
    return jw >= 0.92 ? 2 : jw >= 0.8 ? 3 : 4;
  }

  /** Equal, or close enough to be the same text mistyped. */
  agrees(a: number, b: number): boolean {
    return a === b || storeJaroWinkler(this.ensure(a > b ? a : b), a, b) >= 0.92;
  }
}
