import type { z } from 'zod';
import type { ColumnRef, DateFormat, FieldSource, SourceMapping, ValueTransform } from '../../core/mapping/index.js';
import { PersonRecord } from '../../core/records/index.js';
import { standardizeCountry } from '../../linkage/standardize/country.js';
import { eventFieldKinds, type FieldKind } from './field-kind.js';
import { parseMappedDate } from './parse-mapped-date.js';

export type MappingResult =
  | { readonly kind: 'mapped'; readonly record: PersonRecord; readonly lineage: Readonly<Record<string, string>> }
  | { readonly kind: 'rejected'; readonly reason: string };

/** Thrown inside the mapping to stop at the first problem; turned into a `rejected` result. */
class Rejection extends Error {}

type Row = Readonly<Record<string, unknown>>;

function cell(row: Row, column: string): string {
  let value: unknown = row[column];
  if (value === undefined && column.includes('.')) {
    value = column.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Row)[key] : undefined), row);
  }
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Rejection(`column ${column} holds ${Array.isArray(value) ? 'a list' : 'an object'} where a single value belongs`);
}

const sexWords: Readonly<Partial<Record<string, 'F' | 'M' | 'X'>>> = { f: 'F', female: 'F', woman: 'F', m: 'M', male: 'M', man: 'M', x: 'X', other: 'X', unspecified: 'X' };
const booleanWords: Readonly<Partial<Record<string, boolean>>> = { y: true, yes: true, true: true, t: true, '1': true, n: false, no: false, false: false, f: false, '0': false };

function convert(text: string, transform: ValueTransform | FieldKind, format: DateFormat, where: string): string | boolean | undefined {
  if (text === '') return undefined;
  switch (transform) {
    case 'text':
    case 'list':
      return text;
    case 'date': {
      const date = parseMappedDate(text, format);
      if (date === undefined) throw new Rejection(`${where}: "${text}" is not a date${format === 'auto' ? ' that can be read without doubt (day and month could be swapped)' : ` in the form ${format}`}`);
      return date;
    }
    case 'datetime': {
      const time = Date.parse(text);
      if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}T/.test(text)) throw new Rejection(`${where}: "${text}" is not a date and time (ISO 8601 with an offset)`);
      return new Date(time).toISOString();
    }
    case 'country': {
      const code = standardizeCountry(text);
      if (!/^[A-Z]{3}$/.test(code)) throw new Rejection(`${where}: "${text}" is not a country name or ISO code`);
      return code;
    }
    case 'sex': {
      const sex = sexWords[text.toLowerCase()];
      if (sex === undefined) throw new Rejection(`${where}: "${text}" is not a sex marker (F, M or X)`);
      return sex;
    }
    case 'boolean': {
      const flag = booleanWords[text.toLowerCase()];
      if (flag === undefined) throw new Rejection(`${where}: "${text}" is not yes or no`);
      return flag;
    }
    case 'document-number':
      return text.toUpperCase().replace(/[\s-]/g, '');
  }
}

interface Resolved {
  readonly value: string | boolean | number | undefined;
  readonly column: string | undefined;
}

function read(row: Row, source: FieldSource, defaultKind: ValueTransform | FieldKind, where: string): Resolved {
  if (typeof source === 'object' && 'const' in source) return { value: source.const, column: undefined };
  const ref: Exclude<ColumnRef, string> = typeof source === 'string' ? { column: source } : source;
  let text = cell(row, ref.column);
  if (ref.values !== undefined && text !== '') {
    const codes: Partial<Record<string, string>> = ref.values;
    text = codes[text] ?? codes[text.toUpperCase()] ?? text;
  }
  return { value: convert(text, ref.transform ?? defaultKind, ref.format ?? 'auto', `${where} (column ${ref.column})`), column: ref.column };
}

function readList(row: Row, ref: ColumnRef, kind: FieldKind, where: string): { values: string[]; column: string } {
  const spec = typeof ref === 'string' ? { column: ref } : ref;
  const separator = spec.separator ?? ';';
  const text = cell(row, spec.column);
  const values = text === '' ? [] : text.split(separator).map((part) => part.trim()).filter((part) => part !== '');
  return { values: values.map((part) => String(convert(part, kind, 'auto', `${where} (column ${spec.column})`))), column: spec.column };
}

const fieldKinds: Readonly<Partial<Record<string, ValueTransform | FieldKind>>> = {
  dateOfBirth: 'date', sex: 'sex', countryOfBirth: 'country', 'address.country': 'country',
};

function put(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, tail] = path.split('.', 2) as [string, string | undefined];
  if (tail === undefined) {
    target[head] = value;
    return;
  }
  const child = (target[head] ??= {}) as Record<string, unknown>;
  child[tail] = value;
}

function mapRow(row: Row, mapping: SourceMapping, lineage: Record<string, string>): PersonRecord {
  const record: Record<string, unknown> = { name: {}, aliases: [], citizenships: [], documents: [], addresses: [], events: [] };
  const address: Record<string, unknown> = {};
  for (const [field, ref] of Object.entries(mapping.fields)) {
    if (field === 'citizenships') {
      const list = readList(row, ref, 'country', field);
      record['citizenships'] = list.values;
      if (list.values.length > 0) lineage[field] = list.column;
      continue;
    }
    const { value, column } = read(row, ref, fieldKinds[field] ?? 'text', field);
    if (value === undefined) continue;
    if (field.startsWith('address.')) address[field.slice('address.'.length)] = value;
    else put(record, field, value);
    if (column !== undefined) lineage[field] = column;
  }
  if (Object.keys(address).length > 0) {
    record['addresses'] = [address];
  }
  record['aliases'] = mapping.aliases.flatMap((alias, index) => {
    const name: Record<string, unknown> = {};
    for (const part of ['given', 'surname', 'full'] as const) {
      const ref = alias[part];
      if (ref === undefined) continue;
      const { value, column } = read(row, ref, 'text', `aliases[${index}].${part}`);
      if (value === undefined) continue;
      name[part] = value;
      if (column !== undefined) lineage[`aliases[${index}].${part}`] = column;
    }
    return Object.keys(name).length === 0 ? [] : [name];
  });
  record['documents'] = mapping.documents.flatMap((doc, index) => {
    const number = read(row, doc.number, 'document-number', `documents[${index}].number (${doc.kind})`);
    if (number.value === undefined) return [];
    if (number.column !== undefined) lineage[`documents[${index}].number`] = number.column;
    const result: Record<string, unknown> = { kind: doc.kind, number: number.value };
    if (doc.issuingCountry !== undefined) {
      const country = read(row, doc.issuingCountry, 'country', `documents[${index}].issuingCountry`);
      if (country.value !== undefined) result['issuingCountry'] = country.value;
    }
    if (doc.expiresOn !== undefined) {
      const expires = read(row, doc.expiresOn, 'date', `documents[${index}].expiresOn`);
      if (expires.value !== undefined) result['expiresOn'] = expires.value;
    }
    return [result];
  });
  const events: Record<string, unknown>[] = [];
  for (const eventMapping of mapping.events) {
    if (eventMapping.when !== undefined && !eventMapping.when.in.includes(cell(row, eventMapping.when.column))) continue;
    if (eventMapping.whenPresent !== undefined && cell(row, eventMapping.whenPresent) === '') continue;
    const kinds = eventFieldKinds.get(eventMapping.kind);
    if (kinds === undefined) throw new Rejection(`the mapping names an event kind "${eventMapping.kind}" that Docket does not know`);
    const event: Record<string, unknown> = { kind: eventMapping.kind };
    for (const [name, source] of Object.entries(eventMapping.fields)) {
      const kind = kinds.get(name);
      if (kind === undefined) throw new Rejection(`the mapping gives ${eventMapping.kind} a field "${name}" it does not have`);
      const { value, column } = read(row, source, kind, `${eventMapping.kind}.${name}`);
      if (value === undefined) continue;
      event[name] = value;
      if (column !== undefined) lineage[`events[${events.length}].${name}`] = column;
    }
    events.push(event);
  }
  record['events'] = events;
  const parsed = PersonRecord.safeParse(record);
  if (!parsed.success) throw new Rejection(describeIssue(parsed.error, record));
  return parsed.data;
}

function describeIssue(error: z.ZodError, record: Record<string, unknown>): string {
  const issue = error.issues.at(0);
  if (issue === undefined) return 'the record does not fit the canonical person record';
  const path = issue.path.map(String);
  if (path[0] === 'events' && path.length > 1) {
    const event = (record['events'] as ({ kind?: unknown } | undefined)[])[Number(path[1])];
    const kind = typeof event?.kind === 'string' ? event.kind : 'event';
    return `${kind}.${path.slice(2).join('.') || '(event)'}: ${issue.code === 'invalid_type' && issue.message.includes('undefined') ? 'is required but the row has no value for it' : issue.message}`;
  }
  return `${path.join('.') || 'record'}: ${issue.message}`;
}

/**
 * Maps one source row onto the canonical person record with the source's declared mapping.
 * Returns the record and, for every value, the column it came from; or the first problem, said
 * so that a data steward can find it in the file.
 */
export function applyMapping(row: Row, mapping: SourceMapping): MappingResult {
  const lineage: Record<string, string> = {};
  try {
    return { kind: 'mapped', record: mapRow(row, mapping, lineage), lineage };
  } catch (error) {
    if (error instanceof Rejection) return { kind: 'rejected', reason: error.message };
    throw error;
  }
}
