import type { ComparisonSpec, FeatureSpec } from '../schema/comparison-spec.js';
import { comparisonsFor, featuresFor } from '../schema/comparison-spec.js';
import type { LinkageSchema } from '../schema/field-role.js';
import { parseFullName } from '../standardize/name.js';
import type { DateOrder } from '../standardize/parse-date.js';
import { standardizeField } from '../standardize/standardize-field.js';
import { IntColumn } from './int-column.js';
import { ValueCounts } from './value-counts.js';
import { ValueDictionary } from './value-dictionary.js';

/** Distinct raw texts remembered per comparison. */
const memoLimit = 200_000;

/** A dataset as plain data, for another thread (see `Dataset.toParts`). */
export interface DatasetParts {
  readonly schema: LinkageSchema;
  readonly dateOrder: DateOrder;
  readonly dictionaries: readonly (readonly string[])[];
  readonly dictionaryOf: readonly number[];
  readonly columns: readonly Int32Array[];
}

/** How raw values are read. */
export interface DatasetOptions {
  /** How to read ambiguous slashed dates such as 03/04/1980 (see `inferDateOrder`). */
  readonly dateOrder?: DateOrder;
  /** Expected number of records, to size columns once. */
  readonly capacity?: number;
}

/**
 * Records ready for linkage, held by column: for each feature, one value id per record
 * (-1 when missing) into a dictionary of standardized values. Given names, middle names and
 * surnames share one dictionary so that names in the wrong field can be compared by id.
 */
export class Dataset {
  readonly features: readonly FeatureSpec[];
  readonly comparisons: readonly ComparisonSpec[];
  /** For each comparison, the indices of the features it reads. */
  readonly comparisonFeatures: readonly (readonly number[])[];
  readonly ids: string[] = [];
  readonly sources: string[] = [];
  private readonly sourceIndex = new Map<string, number>();
  private readonly recordSource: IntColumn;
  private columns: IntColumn[];
  dictionaries: readonly ValueDictionary[];
  /** Per feature, how many records hold each value (given names and surnames counted apart). */
  readonly counts: readonly ValueCounts[];
  private readonly dateOrder: DateOrder;
  /** For each feature, the positions of its columns in a raw row. */
  private readonly columnPositions: readonly (readonly number[])[];
  private readonly fullNamePositions: readonly number[];
  /** Per feature, raw text → value id (-1: standardizes to nothing), so each distinct text is standardized once. */
  private readonly memo: Map<string, number>[];

  constructor(readonly schema: LinkageSchema, options: DatasetOptions = {}) {
    this.features = featuresFor(schema);
    this.comparisons = comparisonsFor(this.features);
    this.comparisonFeatures = this.comparisons.map((c) => c.features.map((name) => this.featureIndex(name)));
    this.dateOrder = options.dateOrder ?? 'mdy';
    const capacity = options.capacity ?? 1024;
    this.recordSource = new IntColumn(capacity);
    this.columns = this.features.map(() => new IntColumn(capacity));
    const names = new ValueDictionary();
    this.dictionaries = this.features.map((f) => (f.role === 'given' || f.role === 'middle' || f.role === 'surname' ? names : new ValueDictionary()));
    this.counts = this.features.map(() => new ValueCounts());
    this.memo = this.features.map(() => new Map<string, number>());
    const position = new Map(schema.map((f, i) => [f.column, i]));
    this.columnPositions = this.features.map((f) => f.columns.filter((col) => schema.find((s) => s.column === col)?.role !== 'fullName').map((col) => position.get(col) ?? -1));
    this.fullNamePositions = schema.flatMap((f, i) => (f.role === 'fullName' ? [i] : []));
  }

  get size(): number {
    return this.ids.length;
  }

  /**
   * Adds one record; `values` follow the schema's column order ('' or undefined when missing).
   * `dateOrder` reads this record's slashed dates when its source writes them its own way.
   * Returns the record's index.
   */
  add(id: string, source: string, values: readonly (string | undefined)[], dateOrder: DateOrder = this.dateOrder): number {
    const index = this.ids.length;
    this.ids.push(id);
    let sourceId = this.sourceIndex.get(source);
    if (sourceId === undefined) {
      sourceId = this.sources.length;
      this.sources.push(source);
      this.sourceIndex.set(source, sourceId);
    }
    this.recordSource.push(sourceId);
    let parsed: ReturnType<typeof parseFullName> | undefined;
    for (let c = 0; c < this.features.length; c++) {
      const spec = this.features[c];
      let id = -1;
      for (const position of this.columnPositions[c]) {
        const raw = values[position];
        if (raw !== undefined && raw !== '') id = this.valueId(c, raw, dateOrder);
        if (id >= 0) break;
      }
      if (id < 0 && (spec.role === 'given' || spec.role === 'middle' || spec.role === 'surname') && this.fullNamePositions.length > 0) {
        parsed ??= this.parseFullNames(values);
        const value = parsed[spec.role];
        if (value !== '') id = this.dictionaries[c].add(value);
      }
      if (id >= 0) this.counts[c].add(id);
      this.columns[c].push(id);
    }
    return index;
  }

  /**
   * The value id of raw text for feature `f`, standardized and interned (-1 when it standardizes to
   * nothing). Readers that see each distinct text once call this, then `addIds`.
   */
  intern(f: number, raw: string, dateOrder: DateOrder = this.dateOrder): number {
    const value = standardizeField(this.features[f].role, raw, dateOrder);
    return value === '' ? -1 : this.dictionaries[f].add(value);
  }

  /** The value ids of a full name's given name, middle names and surname (-1 where absent). */
  internFullName(raw: string): [number, number, number] {
    const parts = raw.trim() === '' ? undefined : parseFullName(raw);
    const id = (role: 'given' | 'middle' | 'surname') => {
      const f = this.features.findIndex((x) => x.name === role);
      const value = parts?.[role] ?? '';
      return f < 0 || value === '' ? -1 : this.dictionaries[f].add(value);
    };
    return [id('given'), id('middle'), id('surname')];
  }

  /** Adds a record from value ids (one per feature, -1 missing), as given by `intern`. Returns its index. */
  addIds(id: string, source: string, valueIds: ArrayLike<number>): number {
    const index = this.ids.length;
    this.ids.push(id);
    let sourceId = this.sourceIndex.get(source);
    if (sourceId === undefined) {
      sourceId = this.sources.length;
      this.sources.push(source);
      this.sourceIndex.set(source, sourceId);
    }
    this.recordSource.push(sourceId);
    for (let f = 0; f < this.features.length; f++) {
      const v = valueIds[f];
      if (v >= 0) this.counts[f].add(v);
      this.columns[f].push(v);
    }
    return index;
  }

  /** Removes the last record added (a probe matched against the others and not kept). */
  removeLast(): void {
    if (this.ids.length === 0) return;
    const index = this.ids.length - 1;
    for (let f = 0; f < this.features.length; f++) {
      this.counts[f].remove(this.columns[f].get(index));
      this.columns[f].pop();
    }
    this.recordSource.pop();
    this.ids.pop();
  }

  /** The value id of raw text in feature `c`, standardizing each distinct text once. */
  private valueId(c: number, raw: string, dateOrder: DateOrder): number {
    const memo = this.memo[c];
    const role = this.features[c].role;
    // The same slashed date reads differently under the other order, so the order is part of the key.
    const key = role === 'dateOfBirth' && dateOrder !== this.dateOrder ? `${dateOrder}${raw}` : raw;
    let id = memo.get(key);
    if (id === undefined) {
      const value = standardizeField(role, raw, dateOrder);
      id = value === '' ? -1 : this.dictionaries[c].add(value);
      // Unique texts (document numbers) would only fill the memory: stop remembering past a point.
      if (memo.size < memoLimit) memo.set(key, id);
    }
    return id;
  }

  private parseFullNames(values: readonly (string | undefined)[]): ReturnType<typeof parseFullName> {
    for (const position of this.fullNamePositions) {
      const raw = values[position];
      if (raw !== undefined && raw.trim() !== '') return parseFullName(raw);
    }
    return { given: '', middle: '', surname: '' };
  }

  /**
   * Value ids of feature `c`, one per record (-1 missing), in an array that may run past the last
   * record; the same array until records are added beyond its capacity.
   */
  column(c: number): Int32Array {
    return this.columns[c].backing();
  }

  /** The standardized value of feature `c` for record `index` ('' when missing). */
  value(c: number, index: number): string {
    const id = this.columns[c].get(index);
    return id < 0 ? '' : this.dictionaries[c].value(id);
  }

  source(index: number): string {
    return this.sources[this.recordSource.get(index)];
  }

  /** Index of each source per record. */
  sourceColumn(): Int32Array {
    return this.recordSource.view();
  }

  /**
   * What another thread needs to compare records: the schema, the values of each dictionary and
   * each feature's column. Plain data, for `postMessage` or `workerData`.
   */
  toParts(): DatasetParts {
    const dictionaries = [...new Set(this.dictionaries)];
    return {
      schema: this.schema,
      dateOrder: this.dateOrder,
      dictionaries: dictionaries.map((d) => d.values),
      dictionaryOf: this.dictionaries.map((d) => dictionaries.indexOf(d)),
      columns: this.columns.map((c) => c.view()),
    };
  }

  /** A dataset rebuilt from `toParts` (ids, sources and counts are not carried). */
  static fromParts(parts: DatasetParts): Dataset {
    const dataset = new Dataset(parts.schema, { dateOrder: parts.dateOrder });
    const dictionaries = parts.dictionaries.map((values) => ValueDictionary.from(values));
    dataset.dictionaries = parts.dictionaryOf.map((d) => dictionaries[d]);
    dataset.columns = parts.columns.map((c) => IntColumn.from(c));
    return dataset;
  }

  /** Index of the feature called `name`, or -1. */
  featureIndex(name: string): number {
    return this.features.findIndex((f) => f.name === name);
  }
}
