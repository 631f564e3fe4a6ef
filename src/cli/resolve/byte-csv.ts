import { DocketError } from '../../core/errors/index.js';

/** Where one row's fields lie in the file's bytes (quotes excluded, spaces around unquoted fields trimmed). */
export interface RowSpans {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** 1 when the field was quoted, so doubled quotes inside it still need undoing. */
  readonly quoted: Uint8Array;
  count: number;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/**
 * Scans CSV bytes (UTF-8, RFC 4180 quoting) row by row without making strings: `visit` gets the
 * byte spans of each row's fields and the line the row starts on. The first row is the header;
 * blank lines are skipped; a row whose field count differs from the header's is an error naming
 * the file and line. Returns the number of header fields.
 */
export function scanCsv(bytes: Uint8Array, file: string, visit: (row: RowSpans, line: number) => void, maxRows = Number.POSITIVE_INFINITY): number {
  let capacity = 64;
  let row: RowSpans = { starts: new Int32Array(capacity), ends: new Int32Array(capacity), quoted: new Uint8Array(capacity), count: 0 };
  const length = bytes.length;
  let pos = 0;
  let line = 1;
  let headerFields = -1;
  let rows = 0;
  while (pos < length && (headerFields < 0 || rows < maxRows)) {
    const rowLine = line;
    row.count = 0;
    for (;;) {
      while (pos < length && (bytes[pos] === SPACE || bytes[pos] === TAB)) pos++;
      let start: number;
      let end: number;
      let quoted = 0;
      if (pos < length && bytes[pos] === QUOTE) {
        quoted = 1;
        start = ++pos;
        for (;;) {
          while (pos < length && bytes[pos] !== QUOTE) {
            if (bytes[pos] === LF) line++;
            pos++;
          }
          if (pos >= length) {
            throw new DocketError('invalid-input', `${file}:${rowLine}: a quoted field is never closed`, { hint: 'close the quote or double the quotes inside the field', details: { file, line: rowLine } });
          }
          if (bytes[pos + 1] === QUOTE) {
            pos += 2;
            continue;
          }
          break;
        }
        end = pos++;
        while (pos < length && (bytes[pos] === SPACE || bytes[pos] === TAB)) pos++;
      } else {
        start = pos;
        while (pos < length) {
          const b = bytes[pos];
          if (b === COMMA || b === LF || b === CR) break;
          pos++;
        }
        end = pos;
        while (end > start && (bytes[end - 1] === SPACE || bytes[end - 1] === TAB)) end--;
      }
      if (row.count === capacity) {
        capacity *= 2;
        row = grow(row, capacity);
      }
      row.starts[row.count] = start;
      row.ends[row.count] = end;
      row.quoted[row.count] = quoted;
      row.count++;
      const b = pos < length ? bytes[pos] : LF;
      if (b === COMMA) {
        pos++;
        continue;
      }
      if (b === LF || b === CR) {
        if (b === CR && bytes[pos + 1] === LF) pos++;
        pos++;
        line++;
        break;
      }
      throw new DocketError('invalid-input', `${file}:${line}: unexpected text after a closing quote`, { hint: 'quote the whole field and double the quotes inside it', details: { file, line } });
    }
    if (row.count === 1 && row.ends[0] === row.starts[0] && row.quoted[0] === 0) continue;
    if (headerFields < 0) {
      headerFields = row.count;
      visit(row, rowLine);
      continue;
    }
    if (row.count !== headerFields) {
      throw new DocketError('invalid-input', `${file}:${rowLine}: the row has ${row.count} fields but the header has ${headerFields}`, {
        hint: 'fix the row (quote fields that contain commas)',
        details: { file, line: rowLine },
      });
    }
    rows++;
    visit(row, rowLine);
  }
  if (headerFields < 0) throw new DocketError('invalid-input', `${file}: the file is empty (no header row)`, { hint: 'give a CSV file whose first line names the columns', details: { file } });
  return headerFields;
}

function grow(row: RowSpans, capacity: number): RowSpans {
  const next: RowSpans = { starts: new Int32Array(capacity), ends: new Int32Array(capacity), quoted: new Uint8Array(capacity), count: row.count };
  next.starts.set(row.starts);
  next.ends.set(row.ends);
  next.quoted.set(row.quoted);
  return next;
}

/** The text of field `k` of a row (doubled quotes of a quoted field undone). */
export function fieldText(bytes: Buffer, row: RowSpans, k: number): string {
  const text = bytes.toString('utf8', row.starts[k], row.ends[k]);
  return row.quoted[k] === 1 ? text.replace(/""/g, '"') : text;
}
