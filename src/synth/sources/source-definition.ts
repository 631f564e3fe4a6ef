import type { DateFormat } from '../../core/mapping/index.js';
import type { ColumnRef, SourceMappingInput } from '../../core/mapping/index.js';
import type { DataCategory, PurposeOfUse } from '../../core/sources/index.js';
import type { Emission, SourceId } from '../emission.js';
import type { ErrorRates } from '../noise.js';
import type { NameConvention, RecordWriter } from '../record-writer.js';

/** What a data steward registers for a source before any of its data may be ingested. */
export interface SourceRegistration {
  /** The statute or regulation that authorizes collecting and sharing the data. */
  readonly legalAuthority: string;
  readonly purposes: readonly PurposeOfUse[];
  readonly category: DataCategory;
  readonly retentionDays: number;
}

export type Row<C extends string> = Readonly<Record<C, string>>;

/**
 * One source system the generator writes: its file, its registration, its columns and their
 * mapping onto the canonical record, how it writes names and dates, its usual error rates, and
 * how one emission becomes one row.
 */
export interface SourceDefinition<S extends SourceId = SourceId, C extends string = string> {
  readonly id: S;
  readonly name: string;
  /** File name without extension: `<stem>.csv` or `<stem>.ndjson`. */
  readonly stem: string;
  readonly description: string;
  readonly registration: SourceRegistration;
  readonly columns: readonly C[];
  readonly dateFormat: Exclude<DateFormat, 'auto'>;
  readonly mapping: SourceMappingInput;
  readonly names: NameConvention;
  readonly errors: ErrorRates;
  /** Columns a `missing` error may blank. */
  readonly optional: readonly C[];
  render(emission: Extract<Emission, { source: S }>, writer: RecordWriter, recordId: string): Row<C>;
}

/** Declares a source, checking its columns, optional columns and rows against one column list. */
export function defineSource<S extends SourceId, const C extends string>(definition: SourceDefinition<S, C>): SourceDefinition<S, C> {
  return definition;
}

export const YEARS = 365;

/** Mapping helpers, so every date column names its layout and every code column its table. */
export function dateColumn(column: string, format: Exclude<DateFormat, 'auto'>): ColumnRef {
  return { column, transform: 'date', format };
}

export function yesNo(column: string): ColumnRef {
  return { column, transform: 'boolean', values: { Y: 'true', N: 'false' } };
}

export function codes(column: string, values: Readonly<Record<string, string>>): ColumnRef {
  return { column, values: { ...values } };
}

export function yn(value: boolean | undefined): string {
  return value === undefined ? '' : value ? 'Y' : 'N';
}
