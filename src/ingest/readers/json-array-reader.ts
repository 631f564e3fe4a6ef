import { DocketError } from '../../core/errors/index.js';
import { ByteSource } from './byte-source.js';
import { toRecordItem } from './json-value.js';
import { DEFAULT_MAX_ROW_BYTES, type ReaderOptions, type SourceItem } from './source-item.js';

const LF = 0x0a;
const isSpace = (b: number | undefined): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/**
 * Streams the elements of a top-level JSON array one at a time, so a file of any size reads in
 * bounded memory. Each element must be an object; an element cut off by the end of the file is a
 * bad row, and the elements before it are kept.
 */
export async function* readJsonArray(path: string, options: ReaderOptions & { readonly hasBom: boolean }): AsyncGenerator<SourceItem> {
  const maxRowBytes = options.maxRowBytes ?? DEFAULT_MAX_ROW_BYTES;
  const source = await ByteSource.open(path, options.start?.offset ?? (options.hasBom ? 3 : 0));
  let pos = source.offset;
  let line = options.start?.line ?? 1;
  const byteAt = async (absolute: number): Promise<number | undefined> => {
    while (absolute - source.offset >= source.bytes.length) if (!(await source.more())) return undefined;
    return source.bytes[absolute - source.offset];
  };
  /** Moves past whitespace and one optional separator, counting lines. */
  const skip = async (separator?: number): Promise<number | undefined> => {
    for (;;) {
      const b = await byteAt(pos);
      if (b === undefined) return undefined;
      if (isSpace(b) || (separator !== undefined && b === separator)) {
        if (b === LF) line += 1;
        if (b === separator) separator = undefined;
        pos += 1;
        continue;
      }
      return b;
    }
  };
  try {
    if (options.start === undefined) {
      const first = await skip();
      if (first !== 0x5b) throw new DocketError('invalid-input', `${path}:${line}: expected a JSON array of records ([ … ])`, { hint: 'give a JSON array of objects, or use NDJSON with one object per line' });
      pos += 1;
    }
    for (;;) {
      const b = await skip(0x2c);
      if (b === undefined) {
        yield { kind: 'bad', line, offset: pos, end: pos, nextLine: line, raw: '', reason: 'the file ends before the array is closed (truncated?)' };
        return;
      }
      if (b === 0x5d) return;
      const startLine = line;
      const startOffset = pos;
      let depth = 0;
      let inString = false;
      let escaped = false;
      let newlines = 0;
      let end: number | undefined;
      let at = pos;
      scan: for (;;) {
        const bytes = source.bytes;
        for (let rel = at - source.offset; rel < bytes.length; rel += 1, at += 1) {
          const c = bytes[rel];
          if (c === LF) newlines += 1;
          if (inString) {
            if (escaped) escaped = false;
            else if (c === 0x5c) escaped = true;
            else if (c === 0x22) inString = false;
            continue;
          }
          if (c === 0x22) inString = true;
          else if (c === 0x7b || c === 0x5b) depth += 1;
          else if (c === 0x7d || c === 0x5d) {
            if (depth === 0) {
              end = at;
              break scan;
            }
            depth -= 1;
          } else if (c === 0x2c && depth === 0) {
            end = at;
            break scan;
          }
        }
        if (at - startOffset > maxRowBytes || !(await source.more())) break;
      }
      const stop = end ?? source.offset + source.bytes.length;
      const raw = source.bytes.toString(options.encoding, startOffset - source.offset, stop - source.offset).trim();
      if (end === undefined) {
        const tooLong = stop - startOffset > maxRowBytes;
        yield { kind: 'bad', line: startLine, offset: startOffset, end: stop, nextLine: startLine + newlines, raw: raw.slice(0, 4096), reason: tooLong ? `the element is longer than ${maxRowBytes} bytes` : 'the file ends inside this element (truncated?)' };
        return;
      }
      line = startLine + newlines;
      pos = end;
      yield toRecordItem(raw, { line: startLine, offset: startOffset, end, nextLine: line });
      source.release(pos);
    }
  } finally {
    await source.close();
  }
}
