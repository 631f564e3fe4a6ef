import type { Dataset } from '../dataset/dataset.js';
import { nameCore } from '../standardize/name.js';
import { soundKey } from '../standardize/sound-key.js';
import type { BlockingRule, KeyPart, KeyTransform } from './blocking-rule.js';

const transforms: readonly KeyTransform[] = ['exact', 'sound', 'initial', 'year', 'month-day', 'sound-pair', 'initial-pair'];

/** Codes of one part stay below this, so two codes combine exactly in a double. */
const partSpace = 2 ** 26;

/**
 * Turns records into blocking keys. Each part is coded per dictionary value once (a sound key
 * is computed per distinct name, not per record), and a rule's parts are folded into one dense
 * block number per record (-1 when a part is missing).
 */
export class BlockKeys {
  private readonly codes = new Map<string, Map<string, number>>();
  private readonly valueCodes = new Map<string, { codes: Int32Array; known: number }>();
  private readonly blockIds = new Map<string, NumberIds>();

  constructor(private readonly dataset: Dataset) {}

  /** The block number of every record under `rule` (-1: not blocked by it). */
  keys(rule: BlockingRule): Int32Array {
    const n = this.dataset.size;
    let combined: Float64Array | undefined;
    for (const part of rule.parts) {
      const partCodes = this.partCodes(part, 0, n);
      if (combined === undefined) {
        combined = Float64Array.from(partCodes);
        continue;
      }
      for (let r = 0; r < n; r++) {
        const code = partCodes[r];
        combined[r] = combined[r] < 0 || code < 0 ? -1 : combined[r] * partSpace + code;
      }
    }
    const out = new Int32Array(n);
    const ids = this.blockIdsOf(rule);
    for (let r = 0; r < n; r++) out[r] = combined === undefined || combined[r] < 0 ? -1 : this.blockId(ids, combined[r]);
    return out;
  }

  /** The block number of one record under `rule`, adding a new block if needed. */
  keyOf(rule: BlockingRule, record: number): number {
    let combined = 0;
    for (const part of rule.parts) {
      const code = this.partCode(part, record);
      if (code < 0) return -1;
      combined = combined * partSpace + code;
    }
    return this.blockId(this.blockIdsOf(rule), combined);
  }

  /** One record's code for one key part (-1 when missing), without allocating. */
  private partCode(part: KeyPart, r: number): number {
    if (part.transform === 'sound-pair' || part.transform === 'initial-pair') {
      const given = this.dataset.featureIndex('given');
      const surname = this.dataset.featureIndex('surname');
      const each = part.transform === 'sound-pair' ? 'sound' : 'initial';
      const gv = this.dataset.column(given)[r];
      const sv = this.dataset.column(surname)[r];
      if (gv < 0 || sv < 0) return -1;
      const a = this.valueCodesOf(given, each)[gv];
      const b = this.valueCodesOf(surname, each)[sv];
      return a < 0 || b < 0 ? -1 : this.pairCode(a < b ? a * partSpace + b : b * partSpace + a);
    }
    const c = this.dataset.featureIndex(part.feature);
    const v = this.dataset.column(c)[r];
    return v < 0 ? -1 : this.valueCodesOf(c, part.transform)[v];
  }

  private blockIdsOf(rule: BlockingRule): NumberIds {
    let ids = this.blockIds.get(rule.name);
    if (ids === undefined) {
      ids = new NumberIds(this.dataset.size);
      this.blockIds.set(rule.name, ids);
    }
    return ids;
  }

  private blockId(ids: NumberIds, combined: number): number {
    return ids.idOf(combined);
  }

  private partCodes(part: KeyPart, from: number, to: number): Int32Array {
    const out = new Int32Array(to - from);
    if (part.transform === 'sound-pair' || part.transform === 'initial-pair') {
      const given = this.dataset.featureIndex('given');
      const surname = this.dataset.featureIndex('surname');
      const each = part.transform === 'sound-pair' ? 'sound' : 'initial';
      const g = this.valueCodesOf(given, each);
      const s = this.valueCodesOf(surname, each);
      const gc = this.dataset.column(given);
      const sc = this.dataset.column(surname);
      for (let r = from; r < to; r++) {
        const a = gc[r] < 0 ? -1 : g[gc[r]];
        const b = sc[r] < 0 ? -1 : s[sc[r]];
        // An unordered pair: swapped names land in the same block.
        out[r - from] = a < 0 || b < 0 ? -1 : this.pairCode(a < b ? a * partSpace + b : b * partSpace + a);
      }
      return out;
    }
    const c = this.dataset.featureIndex(part.feature);
    const column = this.dataset.column(c);
    const codes = this.valueCodesOf(c, part.transform);
    for (let r = from; r < to; r++) out[r - from] = column[r] < 0 ? -1 : codes[column[r]];
    return out;
  }

  /** One code per dictionary value of feature `c` under `transform`, extended as values are added. */
  private valueCodesOf(c: number, transform: KeyTransform): Int32Array {
    const dictionary = this.dataset.dictionaries[c];
    const cacheKey = this.cacheKey(c, transform);
    let entry = this.valueCodes.get(cacheKey);
    if (entry === undefined) {
      entry = { codes: new Int32Array(Math.max(16, dictionary.size)), known: 0 };
      this.valueCodes.set(cacheKey, entry);
    }
    if (entry.known < dictionary.size) {
      if (entry.codes.length < dictionary.size) {
        const grown = new Int32Array(Math.max(dictionary.size, entry.codes.length * 2));
        grown.set(entry.codes.subarray(0, entry.known));
        entry.codes = grown;
      }
      for (let id = entry.known; id < dictionary.size; id++) entry.codes[id] = this.transformCode(transform, dictionary.value(id), cacheKey);
      entry.known = dictionary.size;
    }
    return entry.codes;
  }

  private readonly cacheKeys = new Map<number, string>();

  /** The name of the code table of feature `c` under `transform`: one table for all name features. */
  private cacheKey(c: number, transform: KeyTransform): string {
    const slot = c * 16 + transforms.indexOf(transform);
    let key = this.cacheKeys.get(slot);
    if (key === undefined) {
      const role = this.dataset.features[c].role;
      key = `${role === 'given' || role === 'middle' || role === 'surname' ? 'names' : String(c)}:${transform}`;
      this.cacheKeys.set(slot, key);
    }
    return key;
  }

  private transformCode(transform: KeyTransform, value: string, space: string): number {
    switch (transform) {
      case 'exact':
        return this.code(space, value);
      case 'sound': {
        const first = nameCore(value)[0] ?? '';
        const key = soundKey(first);
        return key === '' ? -1 : this.code(space, key);
      }
      case 'initial': {
        const first = nameCore(value)[0] ?? '';
        return first === '' ? -1 : first.charCodeAt(0);
      }
      case 'year':
        return value.length >= 4 ? Number(value.slice(0, 4)) : -1;
      case 'month-day':
        return value.length === 8 ? Number(value.slice(4)) : -1;
      case 'sound-pair':
      case 'initial-pair':
        return -1;
    }
  }

  /** Dense codes for unordered pairs of name codes, looked up once per record and rule. */
  private readonly pairCodes = new NumberIds(0);

  private pairCode(pair: number): number {
    return this.pairCodes.idOf(pair);
  }

  private code(space: string, text: string): number {
    let table = this.codes.get(space);
    if (table === undefined) {
      table = new Map();
      this.codes.set(space, table);
    }
    let code = table.get(text);
    if (code === undefined) {
      code = table.size;
      table.set(text, code);
    }
    return code;
  }
}

/**
 * Dense ids for numbers (combined key codes, exact integers below 2^53), in an open-addressing
 * table on typed arrays: a million records times a dozen rules is too much traffic for a Map.
 */
class NumberIds {
  private keys: Float64Array;
  private ids: Int32Array;
  private size = 0;

  /** Sized for about `expected` keys (at most one per record), so a batch run never grows it. */
  constructor(expected: number) {
    let slots = 1 << 10;
    while (slots < expected * 2) slots *= 2;
    this.keys = new Float64Array(slots);
    this.ids = new Int32Array(slots).fill(-1);
  }

  idOf(key: number): number {
    const mask = this.ids.length - 1;
    // Mix the high and low halves of the integer into a slot.
    const high = Math.floor(key / 4294967296);
    for (let s = (Math.imul(key | 0, 0x9e3779b1) ^ Math.imul(high, 0x85ebca6b)) & mask; ; s = (s + 1) & mask) {
      const id = this.ids[s];
      if (id < 0) {
        if ((this.size + 1) * 2 > this.ids.length) {
          this.grow();
          return this.idOf(key);
        }
        this.keys[s] = key;
        this.ids[s] = this.size;
        return this.size++;
      }
      if (this.keys[s] === key) return id;
    }
  }

  private grow(): void {
    const { keys, ids } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.ids = new Int32Array(ids.length * 2).fill(-1);
    const mask = this.ids.length - 1;
    for (let t = 0; t < ids.length; t++) {
      if (ids[t] < 0) continue;
      const key = keys[t];
      const high = Math.floor(key / 4294967296);
      let s = (Math.imul(key | 0, 0x9e3779b1) ^ Math.imul(high, 0x85ebca6b)) & mask;
      while (this.ids[s] >= 0) s = (s + 1) & mask;
      this.keys[s] = key;
      this.ids[s] = ids[t];
    }
  }
}
