import type { OutputFormat } from '../source-catalog.js';

/** Quotes a field only if it holds a comma, a quote or a line break (a plain scan: this runs for every value written). */
function csvField(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 44 || code === 34 || code === 10 || code === 13) return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
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
      return `${values.map(csvField).join(',')}\n`;
    }
    let out = '';
    for (let i = 0; i < this.keys.length; i++) {
      const value = values[i] ?? '';
      out += (this.keys[i] ?? '') + (value === '' ? 'null' : JSON.stringify(value));
    }
    return `${out}}\n`;
  }
}
