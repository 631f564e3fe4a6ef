import { isUtf8 } from 'node:buffer';
import { DocketError } from '../../core/errors/index.js';
import { ByteSource } from './byte-source.js';
import { DEFAULT_MAX_ROW_BYTES, type ReaderOptions, type SourceItem, type TextEncoding } from './source-item.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const CANDIDATE_DELIMITERS = [0x2c, 0x3b, 0x09, 0x7c] as const;

type Parsed =
  | { readonly kind: 'record'; readonly fields: string[]; readonly end: number; readonly newlines: number }
  | { readonly kind: 'need-more' }
  | { readonly kind: 'bad'; readonly reason: string };

/**
 * Parses one record starting at `pos` (RFC 4180 quoting, CRLF or LF, newlines inside quotes).
 * `final` says no more bytes will come, so an open field ends at the end of the buffer.
 */
function parseRecord(buf: Buffer, pos: number, final: boolean, delimiter: number, encoding: TextEncoding): Parsed {
  const fields: string[] = [];
  let i = pos;
  let newlines = 0;
  for (;;) {
    if (buf[i] === QUOTE) {
      const parts: string[] = [];
      let from = i + 1;
      for (;;) {
        const close = buf.indexOf(QUOTE, from);
        if (close === -1) return final ? { kind: 'bad', reason: 'a quoted field is never closed' } : { kind: 'need-more' };
        if (close + 1 >= buf.length && !final) return { kind: 'need-more' };
        for (let k = from; k < close; k += 1) if (buf[k] === LF) newlines += 1;
        if (buf[close + 1] === QUOTE) {
          parts.push(buf.toString(encoding, from, close + 1));
          from = close + 2;
          continue;
        }
        parts.push(buf.toString(encoding, from, close));
        i = close + 1;
        break;
      }
      fields.push(parts.join(''));
      if (i >= buf.length) return { kind: 'record', fields, end: i, newlines };
      const next = buf[i];
      if (next === delimiter) {
        i += 1;
        continue;
      }
      if (next === LF) return { kind: 'record', fields, end: i + 1, newlines };
      if (next === CR) {
        if (i + 1 >= buf.length && !final) return { kind: 'need-more' };
        return { kind: 'record', fields, end: buf[i + 1] === LF ? i + 2 : i + 1, newlines };
      }
      return { kind: 'bad', reason: 'text follows the closing quote of a quoted field' };
    }
    let k = i;
    while (k < buf.length) {
      const b = buf[k];
      if (b === delimiter || b === LF) break;
      k += 1;
    }
    if (k >= buf.length) {
      if (!final) return { kind: 'need-more' };
      let stop = k;
      if (stop > i && buf[stop - 1] === CR) stop -= 1;
      fields.push(buf.toString(encoding, i, stop));
      return { kind: 'record', fields, end: k, newlines };
    }
    if (buf[k] === delimiter) {
      fields.push(buf.toString(encoding, i, k));
      i = k + 1;
      continue;
    }
    const stop = k > i && buf[k - 1] === CR ? k - 1 : k;
    fields.push(buf.toString(encoding, i, stop));
    return { kind: 'record', fields, end: k + 1, newlines };
  }
}

/** The delimiter that splits the header line into the most fields, outside quotes. */
function sniffDelimiter(line: Buffer): number {
  let best: number = CANDIDATE_DELIMITERS[0];
  let bestCount = 0;
  for (const candidate of CANDIDATE_DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const b of line) {
      if (b === QUOTE) quoted = !quoted;
      else if (!quoted && b === candidate) count += 1;
    }
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

export interface CsvLayout {
  readonly columns: readonly string[];
  readonly delimiter: number;
  /** Where the first data row starts. */
  readonly dataStart: { readonly offset: number; readonly line: number };
}

/** Reads the header: the column names, the delimiter, and where the data begins. */
export async function readCsvHeader(path: string, encoding: TextEncoding, hasBom: boolean): Promise<CsvLayout> {
  const start = hasBom ? 3 : 0;
  const source = await ByteSource.open(path, start, 64 * 1024);
  try {
    for (;;) {
      const newline = source.bytes.indexOf(LF);
      if (newline !== -1 || !(await source.more())) break;
      if (source.bytes.length > DEFAULT_MAX_ROW_BYTES) break;
    }
    const bytes = source.bytes;
    if (bytes.length === 0) throw new DocketError('invalid-input', `${path}: the file is empty`, { hint: 'a CSV source needs a header line naming its columns' });
    const firstLine = bytes.subarray(0, Math.max(0, bytes.indexOf(LF)) || bytes.length);
    const delimiter = sniffDelimiter(firstLine);
    const parsed = parseRecord(bytes, 0, true, delimiter, encoding);
    if (parsed.kind !== 'record') throw new DocketError('invalid-input', `${path}:1: the header cannot be read (${parsed.kind === 'bad' ? parsed.reason : 'incomplete'})`, { hint: 'fix the first line: it must name the columns' });
    const columns = parsed.fields.map((name) => name.trim());
    const empty = columns.findIndex((name) => name === '');
    if (empty !== -1) throw new DocketError('invalid-input', `${path}:1: column ${empty + 1} of the header has no name`, { hint: 'name every column in the header line' });
    const duplicate = columns.find((name, index) => columns.indexOf(name) !== index);
    if (duplicate !== undefined) throw new DocketError('invalid-input', `${path}:1: the header names column "${duplicate}" twice`, { hint: 'give every column a distinct name' });
    return { columns, delimiter, dataStart: { offset: start + parsed.end, line: 2 + parsed.newlines } };
  } finally {
    await source.close();
  }
}

/** Streams the data rows of a CSV file; unreadable rows come out as `bad` items, never dropped. */
export async function* readCsv(path: string, layout: CsvLayout, options: ReaderOptions): AsyncGenerator<SourceItem> {
  const { encoding, checkUtf8 } = options;
  const maxRowBytes = options.maxRowBytes ?? DEFAULT_MAX_ROW_BYTES;
  const start = options.start ?? layout.dataStart;
  const source = await ByteSource.open(path, start.offset);
  let pos = start.offset;
  let line = start.line;
  const bad = (end: number, reason: string): SourceItem => {
    const rel = pos - source.offset;
    const raw = source.bytes.toString(encoding, rel, end - source.offset).replace(/\r?\n$/, '');
    return { kind: 'bad', line, offset: pos, end, nextLine: line + 1, raw, reason };
  };
  /** The end of the physical line `pos` starts: where reading resumes after a broken row. */
  const endOfLine = (): number => {
    const rel = pos - source.offset;
    const newline = source.bytes.indexOf(LF, rel);
    return newline === -1 ? source.offset + source.bytes.length : source.offset + newline + 1;
  };
  try {
    for (;;) {
      const rel = pos - source.offset;
      if (rel >= source.bytes.length) {
        if (await source.more()) continue;
        return;
      }
      const parsed = parseRecord(source.bytes, rel, source.atEnd, layout.delimiter, encoding);
      if (parsed.kind === 'need-more') {
        if (source.bytes.length - rel > maxRowBytes) {
          const item = bad(endOfLine(), `the row is longer than ${maxRowBytes} bytes (a quote that is never closed?)`);
          yield item;
          pos = item.end;
          line = item.nextLine;
        } else await source.more();
        continue;
      }
      if (parsed.kind === 'bad') {
        const item = bad(endOfLine(), parsed.reason);
        yield item;
        pos = item.end;
        line = item.nextLine;
        source.release(pos);
        continue;
      }
      const end = source.offset + parsed.end;
      const nextLine = line + parsed.newlines + 1;
      const rowBytes = source.bytes.subarray(rel, parsed.end);
      const isBlank = parsed.fields.length === 1 && parsed.fields[0]?.trim() === '';
      if (!isBlank) {
        const raw = rowBytes.toString(encoding).replace(/\r?\n$/, '');
        if (rowBytes.length > maxRowBytes) {
          yield { kind: 'bad', line, offset: pos, end, nextLine, raw: raw.slice(0, 4096), reason: `the row is longer than ${maxRowBytes} bytes` };
        } else if (checkUtf8 && !isUtf8(rowBytes)) {
          yield { kind: 'bad', line, offset: pos, end, nextLine, raw, reason: 'the row has bytes that are not valid UTF-8' };
        } else if (parsed.fields.length !== layout.columns.length) {
          yield { kind: 'bad', line, offset: pos, end, nextLine, raw, reason: `expected ${layout.columns.length} fields as in the header, found ${parsed.fields.length}` };
        } else {
          const values: Record<string, string> = {};
          layout.columns.forEach((column, index) => {
            values[column] = parsed.fields[index] ?? '';
          });
          yield { kind: 'row', line, offset: pos, end, nextLine, raw, values };
        }
      }
      pos = end;
      line = nextLine;
      source.release(pos);
    }
  } finally {
    await source.close();
  }
}
