import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DocketError } from '../../core/errors/index.js';
import type { DateOrder, FieldRole, FieldSpec } from '../../linkage/index.js';
import { Dataset, inferDateOrder } from '../../linkage/index.js';
import { decodeCsv, parseCsv } from './csv.js';
import { inferRole, roleSlot } from './infer-schema.js';
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
  readonly text: string;
  readonly header: readonly string[];
  readonly idPosition: number;
  readonly roles: readonly (FieldRole | undefined)[];
}

/**
 * Reads the CSV files into one dataset: checks each file's encoding, header and rows, infers each
 * column's role from its header (the overrides win), lines the files' columns up by role, and
 * refuses an empty or duplicate record id with the file and line of both.
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
  const capacity = files.reduce((n, f) => n + countLines(f.text), 0);
  const dataset = new Dataset(schema, { dateOrder: dateOrders[0], capacity });
  const lines: number[] = [];
  const seen = new Map<string, number>();
  const values: (string | undefined)[] = new Array<string | undefined>(schema.length);
  files.forEach((file, f) => {
    const layout = layouts[f];
    parseCsv(file.text, file.path, (fields, line) => {
      const id = fields[file.idPosition];
      if (id === '') throw new DocketError('invalid-input', `${file.path}:${line}: the record has no id (column "${idColumn}" is empty)`, { hint: 'give every record an id', details: { file: file.path, line } });
      const first = seen.get(id);
      if (first !== undefined) {
        throw new DocketError('invalid-input', `${file.path}:${line}: duplicate record id "${id}" (first seen in ${dataset.source(first)} line ${lines[first]})`, {
          hint: 'record ids must be unique across all input files',
          details: { file: file.path, line, id },
        });
      }
      values.fill(undefined);
      for (let p = 0; p < layout.length; p++) if (layout[p] >= 0) values[layout[p]] = fields[p];
      seen.set(id, dataset.add(id, file.source, values, dateOrders[f]));
      lines.push(line);
    });
  });
  const unused = files.map((file) => ({ file: file.path, columns: file.header.filter((_, p) => p !== file.idPosition && file.roles[p] === undefined) }));
  return { dataset, lines: Int32Array.from(lines), unused };
}

function openFile(path: string, idColumn: string, overrides: SchemaOverrides | undefined): InputFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new DocketError('io', `cannot read ${path}: ${reason}`, { hint: 'check the file name and its permissions', details: { file: path }, cause: error });
  }
  const text = decodeCsv(bytes, path);
  const header = parseCsv(text, path, () => undefined, 0).map((h) => h.trim());
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
  return { path, source: basename(path), text, header, idPosition, roles };
}

/** Reads a file's first dates of birth to settle whether its 03/04/1980 is March or April. */
function guessDateOrder(file: InputFile, layout: readonly number[], schema: readonly FieldSpec[]): DateOrder {
  const positions = layout.flatMap((target, p) => (target >= 0 && schema[target].role === 'dateOfBirth' ? [p] : []));
  // Only slashed dates are ambiguous; without a slash in the file there is nothing to settle.
  if (positions.length === 0 || !file.text.includes('/')) return 'mdy';
  const samples: string[] = [];
  parseCsv(file.text, file.path, (fields) => {
    for (const p of positions) samples.push(fields[p]);
  }, 5000);
  return inferDateOrder(samples);
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n + 1;
}
