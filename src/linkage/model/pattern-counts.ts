import type { PatternCodec } from '../compare/pattern-codec.js';

/** Distinct comparison patterns with how many pairs show each; levels[p * C + c] is the level of comparison c. */
export interface PatternCounts {
  readonly codes: Float64Array;
  readonly counts: Float64Array;
  readonly levels: Uint8Array;
}

/** Counts the distinct patterns among `patterns[i]` for the indices where `include(i)` holds. */
export function countPatterns(codec: PatternCodec, patterns: Float64Array, length: number, include?: (i: number) => boolean): PatternCounts {
  const index = new Map<number, number>();
  const tally: number[] = [];
  for (let i = 0; i < length; i++) {
    if (include !== undefined && !include(i)) continue;
    const code = patterns[i];
    const p = index.get(code);
    if (p === undefined) {
      index.set(code, tally.length);
      tally.push(1);
    } else {
      tally[p]++;
    }
  }
  const codes = new Float64Array(tally.length);
  for (const [code, p] of index) codes[p] = code;
  const C = codec.size;
  const levels = new Uint8Array(tally.length * C);
  for (let p = 0; p < codes.length; p++) codec.decode(codes[p], levels.subarray(p * C, (p + 1) * C));
  return { codes, counts: Float64Array.from(tally), levels };
}
