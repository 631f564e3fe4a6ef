/** One row read from a source file, located exactly for lineage and for resuming. */
export interface RowItem {
  readonly kind: 'row';
  /** The physical line the row starts on (1-based; a CSV header is line 1). */
  readonly line: number;
  /** Byte offset of the row's first byte, and of the byte after it. */
  readonly offset: number;
  readonly end: number;
  /** The line number the next row starts on, for resuming after this one. */
  readonly nextLine: number;
  readonly raw: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/** A row that could not be read; it goes to quarantine with the reason. */
export interface BadItem {
  readonly kind: 'bad';
  readonly line: number;
  readonly offset: number;
  readonly end: number;
  readonly nextLine: number;
  readonly raw: string;
  readonly reason: string;
}

export type SourceItem = RowItem | BadItem;

export type TextEncoding = 'utf8' | 'latin1';

/** Where a reader starts: the beginning, or just after the last row an earlier run committed. */
export interface ReadPosition {
  readonly offset: number;
  readonly line: number;
}

export interface ReaderOptions {
  readonly encoding: TextEncoding;
  /** The file has invalid UTF-8 in places: check each row and quarantine the broken ones. */
  readonly checkUtf8: boolean;
  readonly start?: ReadPosition;
  /** Longer rows are quarantined (a runaway quote or a corrupt file). */
  readonly maxRowBytes?: number;
}

export const DEFAULT_MAX_ROW_BYTES = 1 << 20;
