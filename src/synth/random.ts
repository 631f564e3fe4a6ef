/**
 * A seeded pseudo-random generator built only from 32-bit integer operations (sfc32),
 * so a seed yields the same stream on every machine and Node version. Nothing in the
 * generator may use Math.random or transcendental functions whose last bit can vary.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    this.a = 0x9e3779b9;
    this.b = seed >>> 0;
    this.c = stream >>> 0;
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A generator for one unit of work (a household, a chunk), independent of every other key. */
  static derive(seed: number, ...keys: readonly number[]): Random {
    let h = mix32(seed ^ 0x5bd1e995);
    for (const key of keys) {
      h = mix32(h ^ mix32(key >>> 0) ^ mix32(Math.floor(key / 4294967296)));
    }
    return new Random(h, mix32(h ^ 0x27d4eb2f));
  }

  /** The next unsigned 32-bit integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor((this.next() / 4294967296) * n);
  }

  /** An integer in [low, high], both included (`low` when the range is empty). */
  between(low: number, high: number): number {
    return high <= low ? low : low + this.below(high - low + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p * 4294967296;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.below(items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** Fisher–Yates, in place. */
  shuffle(items: unknown[]): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.below(i + 1);
      const swap = items[i];
      items[i] = items[j];
      items[j] = swap;
    }
  }
}

/** Murmur3's 32-bit finalizer: a bijective avalanche mix. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit seed from any text, for `--seed demo` as well as `--seed 42`. */
export function seedFromText(text: string): number {
  if (/^\d{1,9}$/.test(text)) return Number(text) >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix32(h);
}
