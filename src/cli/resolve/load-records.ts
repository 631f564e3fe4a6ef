import { readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { basename } from 'node:path';
import { DocketError } from '../../core/errors/index.js';
import type { DateOrder, FieldRole, FieldSpec } from '../../linkage/index.js';
import { Dataset, inferDateOrder } from '../../linkage/index.js';
import type { RowSpans } from './byte-csv.js';
import { fieldText, scanCsv } from './byte-csv.js';
import { decodeCsv } from './csv.js';
import { inferRole, roleSlot } from '../../linkage/index.js';
import { RawValueTable } from './raw-value-table.js';
import type { SchemaOverrides } from './resolve-schema-file.js';

/** The records of all input files in one dataset, and what was made of the columns. */
export interface LoadedRecords {
  readonly dataset: Dataset;
  /** Input lines of each record, for messages. */
  readonly lines: Int32Array;
  /** Columns that play no part, per file. */
  readonly unused: readonly { readonly file: string; readonly columns: readonly string[] }[];
}

interface InputFile {
  readonly path: string;
  readonly source: string;
  readonly bytes: Buffer;
  readonly header: readonly string[];
  readonly idPosition: number;
  readonly roles: readonly (FieldRole | undefined)[];
}

/**
 * Reads the CSV files into one dataset: checks each file's encoding, header and rows, infers each
 * column's role from its header (the overrides win), lines the files' columns up by role, and
 * refuses an empty or duplicate record id with the file and line of both. Works on the files'
 * bytes: each distinct text of a column is decoded and standardized once.
 */
export function loadRecords(paths: readonly string[], idColumn: string, overrides: SchemaOverrides | undefined): LoadedRecords {
  const files = paths.map((path) => openFile(path, idColumn, overrides));
  const schema: FieldSpec[] = [];
  const slots: string[] = [];
  // For each file, the schema position of each of its columns (-1: not used).
  const layouts = files.map((file) => {
    const taken = new Set<number>();
    return file.roles.map((role, position) => {
      if (role === undefined || position === file.idPosition) return -1;
      const column = file.header[position];
      const slot = roleSlot(column, role);
      // The same header, or else the next unclaimed column of the same slot, lines up across files.
      let target = schema.findIndex((f, i) => !taken.has(i) && f.column === column && f.role === role);
      if (target < 0) target = slots.findIndex((s, i) => !taken.has(i) && s === slot && !file.header.includes(schema[i].column));
      if (target < 0) {
        schema.push({ column, role });
        slots.push(slot);
        target = schema.length - 1;
      }
      taken.add(target);
      return target;
    });
  });
  if (schema.length === 0) {
    throw new DocketError('invalid-input', `${files[0]?.path ?? 'input'}: no column can be compared (headers: ${files[0]?.header.join(', ') ?? ''})`, {
      hint: 'name the columns as in the documentation (given_name, surname, date_of_birth, ...) or map them with --schema',
    });
  }
  // Each source writes its dates its own way, so the order of slashed dates is settled per file.
  const dateOrders = files.map((file, f) => overrides?.dateOrder ?? guessDateOrder(file, layouts[f], schema));
  const capacity = files.reduce((n, f) => n + countLines(f.bytes), 0);
  const dataset = new Dataset(schema, { dateOrder: dateOrders[0], capacity });
  const reader = new RowReader(dataset, schema);
  const lines: number[] = [];
  const ids = new RawValueTable(capacity);
  files.forEach((file, f) => {
    const plan = reader.plan(layouts[f], dateOrders[f]);
    const { bytes } = file;
    let header = true;
    scanCsv(bytes, file.path, (row, line) => {
      if (header) {
        header = false;
        return;
      }
      const start = row.starts[file.idPosition];
      const end = row.ends[file.idPosition];
      if (start === end) throw new DocketError('invalid-input', `${file.path}:${line}: the record has no id (column "${idColumn}" is empty)`, { hint: 'give every record an id', details: { file: file.path, line } });
      const hash = RawValueTable.hash(bytes, start, end);
      const first = ids.get(bytes, start, end, hash);
      const id = fieldText(bytes, row, file.idPosition);
      if (first >= 0) {
        throw new DocketError('invalid-input', `${file.path}:${line}: duplicate record id "${id}" (first seen in ${dataset.source(first)} line ${lines[first]})`, {
          hint: 'record ids must be unique across all input files',
          details: { file: file.path, line, id },
        });
      }
      ids.set(bytes, start, end, hash, dataset.size);
      dataset.addIds(id, file.source, reader.read(plan, bytes, row));
      lines.push(line);
    });
  });
  const unused = files.map((file) => ({ file: file.path, columns: file.header.filter((_, p) => p !== file.idPosition && file.roles[p] === undefined) }));
  return { dataset, lines: Int32Array.from(lines), unused };
}

/** How one file's columns feed the features: per feature, the file positions to try in order. */
interface ReadPlan {
  readonly positions: readonly (readonly number[])[];
  readonly fullNamePositions: readonly number[];
  readonly tables: readonly RawValueTable[];
  readonly dateOrder: DateOrder;
}

/** Turns a row's field bytes into value ids, decoding and standardizing each distinct text once. */
class RowReader {
  private readonly tables = new Map<string, RawValueTable>();
  private readonly fullNames = new RawValueTable();
  private fullNameIds = new Int32Array(3 * 1024);
  private readonly ids: Int32Array;
  private readonly nameFeatures: readonly number[];

  constructor(private readonly dataset: Dataset, private readonly schema: readonly FieldSpec[]) {
    this.ids = new Int32Array(dataset.features.length);
    this.nameFeatures = (['given', 'middle', 'surname'] as const).map((role) => dataset.features.findIndex((f) => f.name === role));
  }

  plan(layout: readonly number[], dateOrder: DateOrder): ReadPlan {
    const positions = this.dataset.features.map((feature) =>
      feature.columns.flatMap((column) => {
        const target = this.schema.findIndex((s) => s.column === column);
        if (target < 0 || this.schema[target].role === 'fullName') return [];
        const p = layout.indexOf(target);
        return p < 0 ? [] : [p];
      }),
    );
    const fullNamePositions = layout.flatMap((target, p) => (target >= 0 && this.schema[target].role === 'fullName' ? [p] : []));
    const tables = this.dataset.features.map((feature) => {
      // Dates read by another order are other values, so they get their own table.
      const key = feature.role === 'dateOfBirth' ? `${feature.name}:${dateOrder}` : feature.name;
      let table = this.tables.get(key);
      if (table === undefined) {
        table = new RawValueTable();
        this.tables.set(key, table);
      }
      return table;
    });
    return { positions, fullNamePositions, tables, dateOrder };
  }

  read(plan: ReadPlan, bytes: Buffer, row: RowSpans): Int32Array {
    const ids = this.ids;
    let fullName = -2;
    for (let f = 0; f < ids.length; f++) {
      let id = -1;
      for (const p of plan.positions[f]) {
        const start = row.starts[p];
        const end = row.ends[p];
        if (start === end) continue;
        const table = plan.tables[f];
        const hash = RawValueTable.hash(bytes, start, end);
        id = table.get(bytes, start, end, hash);
        if (id === -2) {
          id = this.dataset.intern(f, fieldText(bytes, row, p), plan.dateOrder);
          table.set(bytes, start, end, hash, id);
        }
        if (id >= 0) break;
      }
      if (id < 0 && plan.fullNamePositions.length > 0) {
        const part = this.nameFeatures.indexOf(f);
        if (part >= 0) {
          if (fullName === -2) fullName = this.fullName(plan, bytes, row);
          if (fullName >= 0) id = this.fullNameIds[fullName * 3 + part];
        }
      }
      ids[f] = id;
    }
    return ids;
  }

  /** The index of the row's parsed full name (-1 when every full-name field is empty). */
  private fullName(plan: ReadPlan, bytes: Buffer, row: RowSpans): number {
    for (const p of plan.fullNamePositions) {
      const start = row.starts[p];
      const end = row.ends[p];
      if (start === end) continue;
      const hash = RawValueTable.hash(bytes, start, end);
      let index = this.fullNames.get(bytes, start, end, hash);
      if (index === -2) {
        index = this.fullNames.size;
        if (3 * index + 3 > this.fullNameIds.length) {
          const grown = new Int32Array(this.fullNameIds.length * 2);
          grown.set(this.fullNameIds);
          this.fullNameIds = grown;
        }
        this.fullNameIds.set(this.dataset.internFullName(fieldText(bytes, row, p)), 3 * index);
        this.fullNames.set(bytes, start, end, hash, index);
      }
      return index;
    }
    return -1;
  }
}

function openFile(path: string, idColumn: string, overrides: SchemaOverrides | undefined): InputFile {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new DocketError('io', `cannot read ${path}: ${reason}`, { hint: 'check the file name and its permissions', details: { file: path }, cause: error });
  }
  const bytes = utf8Bytes(raw, path);
  let header: string[] = [];
  scanCsv(bytes, path, (row) => {
    header = Array.from({ length: row.count }, (_, k) => fieldText(bytes, row, k).trim());
  }, 0);
  const idPosition = header.indexOf(idColumn);
  if (idPosition < 0) {
    throw new DocketError('invalid-input', `${path}:1: no id column "${idColumn}" in the header (${header.join(', ')})`, {
      hint: 'name the id column with --id',
      details: { file: path, line: 1 },
    });
  }
  const roles = header.map((h) => {
    const override = overrides?.columns.get(h);
    if (override === 'ignore') return undefined;
    return override ?? inferRole(h);
  });
  return { path, source: basename(path), bytes, header, idPosition, roles };
}

/** The file as UTF-8 bytes without a byte-order mark; other encodings are converted or refused with the line. */
function utf8Bytes(raw: Buffer, path: string): Buffer {
  const utf16 = raw.length >= 2 && ((raw[0] === 0xff && raw[1] === 0xfe) || (raw[0] === 0xfe && raw[1] === 0xff));
  if (utf16) return Buffer.from(decodeCsv(raw, path), 'utf8');
  const start = raw.length >= 3 && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? 3 : 0;
  const bytes = raw.subarray(start);
  // decodeCsv names the line of the first bad byte.
  if (!isUtf8(bytes)) decodeCsv(raw, path);
  return bytes;
}

/** Reads a file's first dates of birth to settle whether its 03/04/1980 is March or April. */
function guessDateOrder(file: InputFile, layout: readonly number[], schema: readonly FieldSpec[]): DateOrder {
  const positions = layout.flatMap((target, p) => (target >= 0 && schema[target].role === 'dateOfBirth' ? [p] : []));
  // Only slashed dates are ambiguous; without a slash in the file there is nothing to settle.
  if (positions.length === 0 || !file.bytes.includes(47)) return 'mdy';
  const samples: string[] = [];
  let header = true;
  scanCsv(file.bytes, file.path, (row) => {
    if (header) {
      header = false;
      return;
    }
    for (const p of positions) {
      let slash = false;
      for (let k = row.starts[p]; k < row.ends[p] && !slash; k++) slash = file.bytes[k] === 47;
      if (slash) samples.push(fieldText(file.bytes, row, p));
    }
  }, 1000);
  return inferDateOrder(samples);
}

function countLines(bytes: Uint8Array): number {
  let n = 1;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}
