import type { OutputFormat } from '../source-catalog.js';

const NEEDS_QUOTES = /[",\r\n]/;

function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Turns rows (values in column order) into lines of CSV (RFC 4180, quoted only when needed) or
 * NDJSON (every column a key; an empty value is null).
 */
export class RowFormat {
  private readonly keys: readonly string[];

  constructor(readonly format: OutputFormat, readonly columns: readonly string[]) {
    this.keys = columns.map((column, i) => `${i === 0 ? '{' : ','}${JSON.stringify(column)}:`);
  }

  /** The first line of the file: the CSV header, nothing for NDJSON. */
  header(): string {
    return this.format === 'csv' ? `${this.columns.map(csvField).join(',')}\n` : '';
  }

  line(values: readonly string[]): string {
    if (this.format === 'csv') {
      let out = '';
      for (let i = 0; i < values.length; i++) out += (i === 0 ? '' : ',') + csvField(values[i] ?? '');
      return `${out}\n`;
    }
    let out = '';
    for (let i = 0; i < this.keys.length; i++) {
      const value = values[i] ?? '';
      out += (this.keys[i] ?? '') + (value === '' ? 'null' : JSON.stringify(value));
    }
    return `${out}}\n`;
  }
}
