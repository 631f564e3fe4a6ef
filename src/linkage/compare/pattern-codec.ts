/**
 * Packs one level per comparison into a single number (mixed radix), so that pairs with the
 * same comparison outcome share one code; training and scoring then work per distinct pattern.
 */
export class PatternCodec {
  readonly radices: Float64Array;

  constructor(readonly levelCounts: readonly number[]) {
    this.radices = new Float64Array(levelCounts.length);
    let radix = 1;
    for (let c = 0; c < levelCounts.length; c++) {
      this.radices[c] = radix;
      radix *= levelCounts[c];
    }
    if (radix > Number.MAX_SAFE_INTEGER) throw new RangeError('too many comparisons to pack into one pattern code');
  }

  get size(): number {
    return this.levelCounts.length;
  }

  encode(levels: Uint8Array): number {
    let code = 0;
    for (let c = 0; c < this.levelCounts.length; c++) code += levels[c] * this.radices[c];
    return code;
  }

  level(code: number, c: number): number {
    return Math.floor(code / this.radices[c]) % this.levelCounts[c];
  }

  decode(code: number, out: Uint8Array): Uint8Array {
    for (let c = 0; c < this.levelCounts.length; c++) out[c] = Math.floor(code / this.radices[c]) % this.levelCounts[c];
    return out;
  }
}
