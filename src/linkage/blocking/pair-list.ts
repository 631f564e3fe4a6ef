/** A growable list of record pairs (left < right), with a bit per blocking rule that holds for each pair. */
export class PairList {
  left: Int32Array;
  right: Int32Array;
  rules: Uint16Array;
  length = 0;

  constructor(capacity = 1024) {
    this.left = new Int32Array(capacity);
    this.right = new Int32Array(capacity);
    this.rules = new Uint16Array(capacity);
  }

  push(a: number, b: number, rules: number): void {
    if (this.length === this.left.length) this.grow();
    this.left[this.length] = a;
    this.right[this.length] = b;
    this.rules[this.length] = rules;
    this.length++;
  }

  private grow(): void {
    const size = this.left.length * 2;
    const left = new Int32Array(size);
    const right = new Int32Array(size);
    const rules = new Uint16Array(size);
    left.set(this.left);
    right.set(this.right);
    rules.set(this.rules);
    this.left = left;
    this.right = right;
    this.rules = rules;
  }
}
