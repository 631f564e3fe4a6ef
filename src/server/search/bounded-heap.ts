/**
 * Keeps the `capacity` highest-scoring items seen, in O(log capacity) per offer: ranking tens of
 * thousands of candidates without sorting them all.
 */
export class BoundedHeap {
  private readonly scores: Float64Array;
  private readonly items: Int32Array;
  private size = 0;

  constructor(private readonly capacity: number) {
    this.scores = new Float64Array(capacity);
    this.items = new Int32Array(capacity);
  }

  offer(item: number, score: number): void {
    if (this.size < this.capacity) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.scores[parent] <= score) break;
        this.scores[i] = this.scores[parent];
        this.items[i] = this.items[parent];
        i = parent;
      }
      this.scores[i] = score;
      this.items[i] = item;
      return;
    }
    if (score <= (this.scores[0])) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && (this.scores[right]) < (this.scores[left]) ? right : left;
      if ((this.scores[child]) >= score) break;
      this.scores[i] = this.scores[child];
      this.items[i] = this.items[child];
      i = child;
    }
    this.scores[i] = score;
    this.items[i] = item;
  }

  /** The kept items, best first. */
  drain(): { item: number; score: number }[] {
    const out: { item: number; score: number }[] = [];
    for (let i = 0; i < this.size; i++) out.push({ item: this.items[i], score: this.scores[i] });
    this.size = 0;
    return out.sort((a, b) => b.score - a.score || a.item - b.item);
  }
}
