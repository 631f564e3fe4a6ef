/** A growable array of 32-bit integers: compact and fast to scan, unlike an array of numbers. */
export class IntVector {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 4) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  get(i: number): number {
    return this.data[i] ?? 0;
  }

  /** The filled part, without copying; valid until the next push. */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
