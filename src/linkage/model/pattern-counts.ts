import type { PatternCodec } from '../compare/pattern-codec.js';

/** Distinct comparison patterns with how many pairs show each; levels[p * C + c] is the level of comparison c. */
export interface PatternCounts {
  readonly codes: Float64Array;
  readonly counts: Float64Array;
  readonly levels: Uint8Array;
}

/** The distinct patterns of all candidate pairs, each pair's pattern id, and counts per blocking rule. */
export interface PatternTable extends PatternCounts {
  /** Pattern id of each pair. */
  readonly ids: Int32Array;
  /** For each rule, how many of its pairs show each pattern. */
  readonly ruleCounts: readonly Float64Array[];
}

/**
 * Numbers the distinct patterns among `patterns[0 .. length)` and counts them, overall and per
 * blocking rule (bit r of `ruleMasks[i]` says pair i is in rule r's blocks), in one pass.
 */
export function tabulatePatterns(codec: PatternCodec, patterns: Float64Array, length: number, ruleMasks: Uint16Array, rules: number): PatternTable {
  const index = new PatternIndex();
  const ids = new Int32Array(length);
  let tally: Float64Array = new Float64Array(256);
  let ruleTally: Float64Array[] = Array.from({ length: rules }, () => new Float64Array(256));
  for (let i = 0; i < length; i++) {
    const before = index.size;
    const p = index.idOf(patterns[i]);
    if (index.size > before && p >= tally.length) {
      tally = grown(tally);
      ruleTally = ruleTally.map(grown);
    }
    ids[i] = p;
    tally[p]++;
    for (let mask = ruleMasks[i], r = 0; mask !== 0; mask >>>= 1, r++) if ((mask & 1) !== 0 && r < rules) ruleTally[r][p]++;
  }
  const P = index.size;
  const codes = index.codes();
  const C = codec.size;
  const levels = new Uint8Array(P * C);
  for (let p = 0; p < P; p++) codec.decode(codes[p], levels.subarray(p * C, (p + 1) * C));
  return { codes, counts: tally.slice(0, P), levels, ids, ruleCounts: ruleTally.map((t) => t.slice(0, P)) };
}

/**
 * Dense ids for pattern codes (whole numbers below 2^53) in an open-addressing table on typed
 * arrays: a lookup per candidate pair, ten million or more of them, is too much for a Map.
 */
class PatternIndex {
  private keys = new Float64Array(1024);
  private slots = new Int32Array(1024).fill(-1);
  private order: Float64Array = new Float64Array(256);
  size = 0;

  idOf(code: number): number {
    const mask = this.slots.length - 1;
    for (let s = slotOf(code) & mask; ; s = (s + 1) & mask) {
      const id = this.slots[s];
      if (id < 0) return this.insert(s, code);
      if (this.keys[s] === code) return id;
    }
  }

  /** The codes in id order. */
  codes(): Float64Array {
    return this.order.slice(0, this.size);
  }

  private insert(slot: number, code: number): number {
    const id = this.size++;
    this.keys[slot] = code;
    this.slots[slot] = id;
    if (id >= this.order.length) this.order = grown(this.order);
    this.order[id] = code;
    if (this.size * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const capacity = this.slots.length * 2;
    this.keys = new Float64Array(capacity);
    this.slots = new Int32Array(capacity).fill(-1);
    const mask = capacity - 1;
    for (let id = 0; id < this.size; id++) {
      const code = this.order[id];
      let s = slotOf(code) & mask;
      while (this.slots[s] >= 0) s = (s + 1) & mask;
      this.keys[s] = code;
      this.slots[s] = id;
    }
  }
}

/** Mixes the high and low halves of a whole number below 2^53 into a slot number. */
function slotOf(code: number): number {
  return Math.imul(code | 0, 0x9e3779b1) ^ Math.imul(Math.floor(code / 4294967296), 0x85ebca6b);
}

function grown(a: Float64Array): Float64Array {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}
