/** How many records of one comparison hold each value id: the term frequencies. */
export class ValueCounts {
  private counts = new Int32Array(1024);
  /** Records with a value (not missing). */
  total = 0;

  add(id: number): void {
    if (id >= this.counts.length) {
      const grown = new Int32Array(Math.max(id + 1, this.counts.length * 2));
      grown.set(this.counts);
      this.counts = grown;
    }
    this.counts[id]++;
    this.total++;
  }

  /** Takes back one `add(id)`. */
  remove(id: number): void {
    if (id >= 0 && id < this.counts.length && this.counts[id] > 0) {
      this.counts[id]--;
      this.total--;
    }
  }

  count(id: number): number {
    return id >= 0 && id < this.counts.length ? this.counts[id] : 0;
  }

  /** Share of records holding value `id` among those with a value. */
  frequency(id: number): number {
    return this.total === 0 ? 0 : this.count(id) / this.total;
  }
}
