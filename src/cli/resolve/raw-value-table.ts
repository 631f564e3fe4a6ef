/**
 * A hash table from byte strings (field bytes of a file) to integers, on typed arrays, so a
 * million rows can be mapped to value ids without making a JavaScript string per field.
 */
export class RawValueTable {
  private slots: Int32Array;
  private hashes: Int32Array;
  private keyStart: Int32Array;
  private keyLength: Int32Array;
  private values: Int32Array;
  private arena = new Uint8Array(1 << 16);
  private arenaUsed = 0;
  size = 0;

  constructor(capacity = 1024) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.slots = new Int32Array(slots).fill(-1);
    this.hashes = new Int32Array(capacity);
    this.keyStart = new Int32Array(capacity);
    this.keyLength = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
  }

  /** FNV-1a over bytes[start, end). */
  static hash(bytes: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let k = start; k < end; k++) h = Math.imul(h ^ bytes[k], 0x01000193);
    return h | 0;
  }

  /** The value stored for bytes[start, end), or -2 when absent. */
  get(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const entry = this.slots[s];
      if (entry < 0) return -2;
      if (this.hashes[entry] === hash && this.sameKey(entry, bytes, start, end)) return this.values[entry];
    }
  }

  /** Stores `value` for bytes[start, end) (the key must be absent). */
  set(bytes: Uint8Array, start: number, end: number, hash: number, value: number): void {
    if (this.size * 2 >= this.slots.length) this.rehash();
    const entry = this.size++;
    if (entry >= this.values.length) this.growEntries();
    const length = end - start;
    if (this.arenaUsed + length > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      arena.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = arena;
    }
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    this.keyStart[entry] = this.arenaUsed;
    this.keyLength[entry] = length;
    this.arenaUsed += length;
    this.hashes[entry] = hash;
    this.values[entry] = value;
    this.place(entry);
  }

  private sameKey(entry: number, bytes: Uint8Array, start: number, end: number): boolean {
    const length = end - start;
    if (this.keyLength[entry] !== length) return false;
    const offset = this.keyStart[entry];
    const arena = this.arena;
    for (let k = 0; k < length; k++) if (arena[offset + k] !== bytes[start + k]) return false;
    return true;
  }

  private place(entry: number): void {
    const mask = this.slots.length - 1;
    let s = this.hashes[entry] & mask;
    while (this.slots[s] >= 0) s = (s + 1) & mask;
    this.slots[s] = entry;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let entry = 0; entry < this.size; entry++) this.place(entry);
  }

  private growEntries(): void {
    const size = this.values.length * 2;
    const grow = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.hashes = grow(this.hashes);
    this.keyStart = grow(this.keyStart);
    this.keyLength = grow(this.keyLength);
    this.values = grow(this.values);
  }
}
