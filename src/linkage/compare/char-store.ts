/**
 * The strings a comparator works on, as character codes in one typed array (string i occupies
 * chars[start[i] .. start[i] + length[i])). Similarity loops over typed arrays run several times
 * faster than over JavaScript strings, and the codes are laid out once per distinct value.
 */
export class CharStore {
  chars = new Uint16Array(4096);
  start = new Int32Array(256);
  length = new Int32Array(256);
  size = 0;
  private used = 0;

  /** Appends `text` as entry number `size` and returns that number. */
  push(text: string): number {
    const id = this.size;
    if (id >= this.start.length) {
      const start = new Int32Array(this.start.length * 2);
      start.set(this.start);
      this.start = start;
      const length = new Int32Array(this.length.length * 2);
      length.set(this.length);
      this.length = length;
    }
    if (this.used + text.length > this.chars.length) {
      const chars = new Uint16Array(Math.max(this.chars.length * 2, this.used + text.length));
      chars.set(this.chars.subarray(0, this.used));
      this.chars = chars;
    }
    for (let k = 0; k < text.length; k++) this.chars[this.used + k] = text.charCodeAt(k);
    this.start[id] = this.used;
    this.length[id] = text.length;
    this.used += text.length;
    this.size++;
    return id;
  }
}
