/**
 * Interns standardized values: each distinct value gets a dense integer id. Comparing ids instead
 * of strings, and caching per id, is what makes pair comparison cheap.
 */
export class ValueDictionary {
  readonly values: string[] = [];
  /** Value → id; built on first need in a copy (a comparing thread only reads values by id). */
  private ids: Map<string, number> | undefined = new Map<string, number>();

  /** A dictionary holding `values` (distinct) with ids 0, 1, … in order (another thread's copy). */
  static from(values: readonly string[]): ValueDictionary {
    const dictionary = new ValueDictionary();
    for (const value of values) dictionary.values.push(value);
    dictionary.ids = undefined;
    return dictionary;
  }

  /** The id of `value`, adding it if new. */
  add(value: string): number {
    const ids = this.idMap();
    let id = ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  /** The id of `value` if known, else -1. */
  find(value: string): number {
    return this.idMap().get(value) ?? -1;
  }

  private idMap(): Map<string, number> {
    this.ids ??= new Map(this.values.map((value, id) => [value, id]));
    return this.ids;
  }

  get size(): number {
    return this.values.length;
  }

  value(id: number): string {
    return id >= 0 && id < this.values.length ? this.values[id] : '';
  }
}
