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
  const index = new Map<number, number>();
  const ids = new Int32Array(length);
  let tally: Float64Array = new Float64Array(256);
  let ruleTally: Float64Array[] = Array.from({ length: rules }, () => new Float64Array(256));
  for (let i = 0; i < length; i++) {
    const code = patterns[i];
    let p = index.get(code);
    if (p === undefined) {
      p = index.size;
      index.set(code, p);
      if (p >= tally.length) {
        tally = grown(tally);
        ruleTally = ruleTally.map(grown);
      }
    }
    ids[i] = p;
    tally[p]++;
    for (let mask = ruleMasks[i], r = 0; mask !== 0; mask >>>= 1, r++) if ((mask & 1) !== 0 && r < rules) ruleTally[r][p]++;
  }
  const P = index.size;
  const codes = new Float64Array(P);
  for (const [code, p] of index) codes[p] = code;
  const C = codec.size;
  const levels = new Uint8Array(P * C);
  for (let p = 0; p < P; p++) codec.decode(codes[p], levels.subarray(p * C, (p + 1) * C));
  return { codes, counts: tally.slice(0, P), levels, ids, ruleCounts: ruleTally.map((t) => t.slice(0, P)) };
}

function grown(a: Float64Array): Float64Array {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}
