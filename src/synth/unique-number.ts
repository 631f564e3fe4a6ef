import { mix32 } from './random.js';

/**
 * A keyed bijection of [0, size): a balanced Feistel network over the next even power of two,
 * with cycle-walking back into range. Identifiers made from it are unique (no two people share
 * an alien number or a passport number) and reveal nothing of the order people were generated in.
 */
export class UniqueNumbers {
  private readonly halfBits: number;
  private readonly halfSize: number;
  private readonly keys: readonly number[];

  constructor(key: number, readonly size: number) {
    if (!Number.isSafeInteger(size) || size < 4 || size > 2 ** 52) throw new RangeError(`bad permutation size ${size}`);
    let bits = 2;
    while (2 ** bits < size) bits += 2;
    this.halfBits = bits / 2;
    this.halfSize = 2 ** this.halfBits;
    this.keys = [0, 1, 2, 3].map((round) => mix32(key + Math.imul(round + 1, 0x9e3779b9)));
  }

  /** The image of `value`, itself in [0, size). */
  of(value: number): number {
    if (!Number.isSafeInteger(value) || value < 0 || value >= this.size) throw new RangeError(`value ${value} outside [0, ${this.size})`);
    let out = this.round(value);
    while (out >= this.size) out = this.round(out);
    return out;
  }

  private round(value: number): number {
    // Halves hold at most 26 bits, so they live in int32 and a mask replaces the modulo.
    const mask = this.halfSize - 1;
    let left = Math.floor(value / this.halfSize);
    let right = value - left * this.halfSize;
    for (let i = 0; i < this.keys.length; i++) {
      const next = left ^ (mix32(right ^ (this.keys[i] ?? 0)) & mask);
      left = right;
      right = next;
    }
    return left * this.halfSize + right;
  }
}
