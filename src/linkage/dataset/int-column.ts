/** A growable column of 32-bit integers (record → value id), kept as one typed array. */
export class IntColumn {
  private buffer: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.buffer = new Int32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.buffer.length) {
      const grown = new Int32Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.length++] = value;
  }

  /** Drops the last value. */
  pop(): void {
    if (this.length > 0) this.length--;
  }

  get(index: number): number {
    return this.buffer[index];
  }

  /** A column holding a copy of `values`. */
  static from(values: Int32Array): IntColumn {
    const column = new IntColumn(values.length);
    column.buffer.set(values);
    column.length = values.length;
    return column;
  }

  /**
   * The whole backing array (entries past `length` are unused): the same object until the
   * column grows, so readers need not re-read it after every push.
   */
  backing(): Int32Array {
    return this.buffer;
  }

  /** The filled part, without copying; valid until the next push. */
  view(): Int32Array {
    return this.buffer.subarray(0, this.length);
  }
}
