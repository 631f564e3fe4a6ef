import { readFileSync } from 'node:fs';

/** A row read back from a generated file; a column may be absent. */
export type Row = Partial<Record<string, string>>;

/** Parses RFC 4180 CSV text (quoted fields, doubled quotes, embedded commas) into rows of named values. */
export function parseCsv(text: string): Row[] {
  const records: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"' && text.charAt(i + 1) === '"') { field += '"'; i++; }
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') { row.push(field); field = ''; }
    else if (char === '\n') { row.push(field); records.push(row); row = []; field = ''; }
    else field += char;
  }
  const [header = [], ...body] = records;
  return body.map((values) => Object.fromEntries(header.map((column, i) => [column, values[i] ?? ''])));
}

/** Reads a CSV or NDJSON file written by the generator (NDJSON nulls become empty strings). */
export function readTable(path: string): Row[] {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.csv')) return parseCsv(text);
  return text.split('\n').filter((line) => line !== '').map((line) => {
    const parsed = JSON.parse(line) as Record<string, string | null>;
    return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, value ?? '']));
  });
}
