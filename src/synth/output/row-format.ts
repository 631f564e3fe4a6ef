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

  /** A row given by column name (a missing column is empty); fields are joined, which is faster than appending. */
  row(row: Readonly<Partial<Record<string, string>>>): string {
    const columns = this.columns;
    const fields = new Array<string>(columns.length);
    if (this.format === 'csv') {
      for (let i = 0; i < columns.length; i++) fields[i] = csvField(row[columns[i] ?? ''] ?? '');
      return `${fields.join(',')}\n`;
    }
    for (let i = 0; i < columns.length; i++) {
      const value = row[columns[i] ?? ''] ?? '';
      fields[i] = (this.keys[i] ?? '') + (value === '' ? 'null' : JSON.stringify(value));
    }
    return `${fields.join('')}}\n`;
  }

  /** A row given as values in column order. */
  line(values: readonly string[]): string {
    if (this.format === 'csv') return `${values.map(csvField).join(',')}\n`;
    return `${values.map((value, i) => (this.keys[i] ?? '') + (value === '' ? 'null' : JSON.stringify(value))).join('')}}\n`;
  }
}
