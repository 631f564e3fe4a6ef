/** A value COPY writes into one column: json and arrays are formatted by the caller (`JSON.stringify`, `pgArray`). */
export type CopyValue = string | number | boolean | null;

const special = /[\\\n\r\t]/;
const specials = /[\\\n\r\t]/g;
const escapes: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function field(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') return special.test(value) ? value.replace(specials, (c) => escapes[c] ?? c) : value;
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (!Number.isFinite(value)) throw new RangeError(`COPY cannot write the number ${String(value)}`);
  return String(value);
}

/**
 * Rows in PostgreSQL's COPY text format: columns split by tabs, rows ended by newlines, NULL as
 * `\N`, and backslash, tab and line breaks inside a value escaped so they cannot end it early.
 */
export function copyText(rows: readonly (readonly CopyValue[])[]): string {
  let text = '';
  for (const row of rows) text += `${row.map(field).join('\t')}\n`;
  return text;
}

/** An array literal of integers for a bigint[] column. */
export function pgArray(values: readonly number[]): string {
  for (const v of values) if (!Number.isSafeInteger(v)) throw new RangeError(`not an integer for an array column: ${String(v)}`);
  return `{${values.join(',')}}`;
}
