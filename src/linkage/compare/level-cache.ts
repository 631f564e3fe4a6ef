/**
 * Remembers the level of a pair of value ids (open addressing on typed arrays). Records in one
 * block share names, so the same two names meet again and again; a lookup costs far less than
 * the similarity measures it saves.
 */
export class LevelCache {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private levels: Uint8Array;
  private size = 0;

  constructor(capacity = 1 << 12) {
    this.keysA = new Int32Array(capacity).fill(-1);
    this.keysB = new Int32Array(capacity);
    this.levels = new Uint8Array(capacity);
  }

  /** The cached level of (a, b), or -1. */
  get(a: number, b: number): number {
    const mask = this.keysA.length - 1;
    for (let s = slot(a, b) & mask; ; s = (s + 1) & mask) {
      const k = this.keysA[s];
      if (k < 0) return -1;
      if (k === a && this.keysB[s] === b) return this.levels[s];
    }
  }

  set(a: number, b: number, level: number): void {
    if (this.size * 2 >= this.keysA.length) this.grow();
    this.insert(a, b, level);
  }

  /** Forgets every level, keeping the table's capacity. */
  clear(): void {
    this.keysA.fill(-1);
    this.size = 0;
  }

  private insert(a: number, b: number, level: number): void {
    const mask = this.keysA.length - 1;
    let s = slot(a, b) & mask;
    while (this.keysA[s] >= 0) s = (s + 1) & mask;
    this.keysA[s] = a;
    this.keysB[s] = b;
    this.levels[s] = level;
    this.size++;
  }

  private grow(): void {
    const { keysA, keysB, levels } = this;
    this.keysA = new Int32Array(keysA.length * 2).fill(-1);
    this.keysB = new Int32Array(keysA.length * 2);
    this.levels = new Uint8Array(keysA.length * 2);
    this.size = 0;
    for (let s = 0; s < keysA.length; s++) if (keysA[s] >= 0) this.insert(keysA[s], keysB[s], levels[s]);
  }
}

function slot(a: number, b: number): number {
  return Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b);
}
