import { DocketError } from '../../core/errors/index.js';

/**
 * Decodes a CSV file's bytes: UTF-8 (a byte-order mark is dropped) or UTF-16 with its mark.
 * Bytes that are not valid UTF-8 are an error naming the line, never replaced silently.
 */
export function decodeCsv(bytes: Uint8Array, file: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    const { line, offset } = firstBadUtf8(bytes, start);
    throw new DocketError('invalid-input', `${file}:${line}: the file is not valid UTF-8 (bad byte 0x${(bytes[offset] ?? 0).toString(16)} at byte ${offset})`, {
      hint: 'save the file as UTF-8 (for example `iconv -f latin1 -t utf-8`)',
      details: { file, line, offset },
    });
  }
}

function firstBadUtf8(bytes: Uint8Array, start: number): { line: number; offset: number } {
  let line = 1;
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (extra < 0) return { line, offset: i };
    for (let k = 1; k <= extra; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return { line, offset: i };
    i += extra + 1;
  }
  return { line, offset: Math.max(start, bytes.length - 1) };
}

/** Called with each row's fields (unquoted, trimmed) and the line the row starts on. */
export type RowVisitor = (fields: string[], line: number) => void;

/**
 * Parses CSV text (RFC 4180: quoted fields may hold commas, quotes doubled, and line breaks),
 * trimming spaces around fields and skipping blank lines. Returns the header; every further row
 * goes to `visit`. A row whose field count differs from the header's is an error naming the line.
 */
export function parseCsv(text: string, file: string, visit: RowVisitor, maxRows = Number.POSITIVE_INFINITY): string[] {
  let header: string[] | undefined;
  let pos = 0;
  let line = 1;
  let rows = 0;
  const length = text.length;
  const fields: string[] = [];
  while (pos < length && (header === undefined || rows < maxRows)) {
    const rowLine = line;
    fields.length = 0;
    let atRowEnd = false;
    while (!atRowEnd) {
      // Skip leading spaces of a field.
      while (pos < length && (text.charCodeAt(pos) === 32 || text.charCodeAt(pos) === 9)) pos++;
      let value: string;
      if (pos < length && text.charCodeAt(pos) === 34) {
        pos++;
        let out = '';
        for (;;) {
          const close = text.indexOf('"', pos);
          if (close < 0) {
            throw new DocketError('invalid-input', `${file}:${rowLine}: a quoted field is never closed`, { hint: 'close the quote or double the quotes inside the field', details: { file, line: rowLine } });
          }
          const chunk = text.slice(pos, close);
          for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line++;
          out += chunk;
          if (text.charCodeAt(close + 1) === 34) {
            out += '"';
            pos = close + 2;
          } else {
            pos = close + 1;
            break;
          }
        }
        while (pos < length && (text.charCodeAt(pos) === 32 || text.charCodeAt(pos) === 9)) pos++;
        value = out;
      } else {
        const from = pos;
        while (pos < length) {
          const ch = text.charCodeAt(pos);
          if (ch === 44 || ch === 10 || ch === 13) break;
          pos++;
        }
        let to = pos;
        while (to > from && (text.charCodeAt(to - 1) === 32 || text.charCodeAt(to - 1) === 9)) to--;
        value = text.slice(from, to);
      }
      fields.push(value);
      const ch = pos < length ? text.charCodeAt(pos) : 10;
      if (ch === 44) {
        pos++;
      } else if (ch === 10 || ch === 13) {
        if (ch === 13 && text.charCodeAt(pos + 1) === 10) pos++;
        pos++;
        line++;
        atRowEnd = true;
      } else {
        throw new DocketError('invalid-input', `${file}:${line}: unexpected text after a closing quote`, { hint: 'quote the whole field and double the quotes inside it', details: { file, line } });
      }
    }
    if (fields.length === 1 && fields[0] === '') continue;
    if (header === undefined) {
      header = fields.slice();
      continue;
    }
    if (fields.length !== header.length) {
      throw new DocketError('invalid-input', `${file}:${rowLine}: the row has ${fields.length} fields but the header has ${header.length}`, {
        hint: 'fix the row (quote fields that contain commas)',
        details: { file, line: rowLine },
      });
    }
    rows++;
    visit(fields, rowLine);
  }
  if (header === undefined) throw new DocketError('invalid-input', `${file}: the file is empty (no header row)`, { hint: 'give a CSV file whose first line names the columns', details: { file } });
  return header;
}
