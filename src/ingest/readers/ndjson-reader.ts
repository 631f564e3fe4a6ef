import { isUtf8 } from 'node:buffer';
import { ByteSource } from './byte-source.js';
import { DEFAULT_MAX_ROW_BYTES, type ReaderOptions, type SourceItem } from './source-item.js';
import { toRecordItem } from './json-value.js';

const LF = 0x0a;

/** Streams newline-delimited JSON: one object per line; blank lines are skipped. */
export async function* readNdjson(path: string, options: ReaderOptions & { readonly hasBom: boolean }): AsyncGenerator<SourceItem> {
  const maxRowBytes = options.maxRowBytes ?? DEFAULT_MAX_ROW_BYTES;
  const start = options.start ?? { offset: options.hasBom ? 3 : 0, line: 1 };
  const source = await ByteSource.open(path, start.offset);
  let pos = start.offset;
  let line = start.line;
  try {
    for (;;) {
      const rel = pos - source.offset;
      let newline = source.bytes.indexOf(LF, rel);
      if (newline === -1 && !source.atEnd) {
        if (source.bytes.length - rel <= maxRowBytes) {
          await source.more();
          continue;
        }
        newline = source.bytes.length - 1;
      }
      const stop = newline === -1 ? source.bytes.length : newline + 1;
      if (stop <= rel) return;
      const bytes = source.bytes.subarray(rel, stop);
      const end = source.offset + stop;
      const raw = bytes.toString(options.encoding).replace(/\r?\n$/, '');
      if (raw.trim() !== '') {
        if (bytes.length > maxRowBytes) yield { kind: 'bad', line, offset: pos, end, nextLine: line + 1, raw: raw.slice(0, 4096), reason: `the line is longer than ${maxRowBytes} bytes` };
        else if (options.checkUtf8 && !isUtf8(bytes)) yield { kind: 'bad', line, offset: pos, end, nextLine: line + 1, raw, reason: 'the line has bytes that are not valid UTF-8' };
        else yield toRecordItem(raw, { line, offset: pos, end, nextLine: line + 1 });
      }
      pos = end;
      line += 1;
      source.release(pos);
    }
  } finally {
    await source.close();
  }
}
