/**
 * Interns standardized values: each distinct value gets a dense integer id. Comparing ids instead
 * of strings, and caching per id, is what makes pair comparison cheap.
 */
export class ValueDictionary {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  /** A dictionary holding `values` with ids 0, 1, … in order (another thread's copy). */
  static from(values: readonly string[]): ValueDictionary {
    const dictionary = new ValueDictionary();
    for (const value of values) dictionary.add(value);
    return dictionary;
  }

  /** The id of `value`, adding it if new. */
  add(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  /** The id of `value` if known, else -1. */
  find(value: string): number {
    return this.ids.get(value) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }

  value(id: number): string {
    return id >= 0 && id < this.values.length ? this.values[id] : '';
  }
}
