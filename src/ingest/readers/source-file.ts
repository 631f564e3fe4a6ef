import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { DocketError } from '../../core/errors/index.js';
import { readCsv, readCsvHeader } from './csv-reader.js';
import { detectEncoding } from './detect-encoding.js';
import { readJsonArray } from './json-array-reader.js';
import { readNdjson } from './ndjson-reader.js';
import type { ReadPosition, SourceItem, TextEncoding } from './source-item.js';

export const FileFormat = ['csv', 'ndjson', 'json'] as const;
export type FileFormat = (typeof FileFormat)[number];

/** A source file opened for reading: what it is, its columns when it has a header, and its rows. */
export interface SourceFile {
  readonly path: string;
  readonly format: FileFormat;
  readonly encoding: TextEncoding;
  readonly size: number;
  /** CSV header columns; JSON sources name their fields row by row. */
  readonly columns: readonly string[] | undefined;
  /** Rows from the start, or from where an earlier run stopped. */
  read(start?: ReadPosition): AsyncGenerator<SourceItem>;
}

async function sniffJson(path: string): Promise<FileFormat> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.toString('utf8', 0, bytesRead).replace(/^\uFEFF/, '').trimStart();
    return text.startsWith('[') ? 'json' : 'ndjson';
  } finally {
    await handle.close();
  }
}

async function formatOf(path: string): Promise<FileFormat> {
  const ext = extname(path).toLowerCase();
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  if (ext === '.json') return sniffJson(path);
  return 'csv';
}

/** Opens a CSV, NDJSON or JSON-array file, detecting its format and text encoding. */
export async function openSourceFile(path: string, options: { readonly format?: FileFormat; readonly encoding?: TextEncoding } = {}): Promise<SourceFile> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new DocketError('io', `${path} is not a file`, { hint: 'give the path of a CSV, NDJSON or JSON file' });
    size = info.size;
  } catch (error) {
    if (DocketError.is(error)) throw error;
    throw new DocketError('io', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { hint: 'check the path and the file permissions' });
  }
  const format = options.format ?? (await formatOf(path));
  const detected = await detectEncoding(path);
  const encoding = options.encoding ?? detected.encoding;
  const checkUtf8 = options.encoding === undefined ? detected.checkUtf8 : options.encoding === 'utf8';
  const base = { encoding, checkUtf8 };
  if (format === 'csv') {
    const layout = await readCsvHeader(path, encoding, detected.hasBom);
    return { path, format, encoding, size, columns: layout.columns, read: (start) => readCsv(path, layout, { ...base, ...(start === undefined ? {} : { start }) }) };
  }
  const reader = format === 'ndjson' ? readNdjson : readJsonArray;
  return { path, format, encoding, size, columns: undefined, read: (start) => reader(path, { ...base, hasBom: detected.hasBom, ...(start === undefined ? {} : { start }) }) };
}
