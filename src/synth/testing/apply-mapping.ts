import type { ColumnRef, FieldSource, SourceMapping } from '../../core/mapping/index.js';
import { PersonRecord } from '../../core/records/index.js';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

const LAYOUTS: Readonly<Partial<Record<string, RegExp>>> = {
  'YYYY-MM-DD': /^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})$/,
  YYYYMMDD: /^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$/,
  'MM/DD/YYYY': /^(?<m>\d{2})\/(?<d>\d{2})\/(?<y>\d{4})$/,
  'DD/MM/YYYY': /^(?<d>\d{2})\/(?<m>\d{2})\/(?<y>\d{4})$/,
  'DD.MM.YYYY': /^(?<d>\d{2})\.(?<m>\d{2})\.(?<y>\d{4})$/,
  'DD-MON-YYYY': /^(?<d>\d{2})-(?<m>[A-Z]{3})-(?<y>\d{4})$/,
};

/** Converts a date in a declared layout to YYYY-MM-DD; a value not in the layout is returned as it is (and fails the schema). */
function toIso(value: string, format: string | undefined): string {
  const groups = (format === undefined ? undefined : LAYOUTS[format])?.exec(value)?.groups;
  if (groups === undefined) return value;
  const month = groups['m'] ?? '';
  const m = /^\d+$/.test(month) ? month : String(MONTHS.indexOf(month) + 1).padStart(2, '0');
  return `${groups['y'] ?? ''}-${m}-${groups['d'] ?? ''}`;
}

function read(row: Readonly<Partial<Record<string, string>>>, ref: ColumnRef): unknown {
  const spec = typeof ref === 'string' ? { column: ref } : ref;
  const raw = row[spec.column] ?? '';
  if (raw === '') return undefined;
  const value = spec.values?.[raw] ?? raw;
  switch (spec.transform) {
    case 'date':
      return toIso(value, spec.format);
    case 'boolean':
      return value === 'true';
    case 'list':
      return value.split(spec.separator ?? ';');
    case 'document-number':
      return value.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
    case 'datetime':
    case 'country':
    case 'sex':
    case 'text':
    case undefined:
      return value;
  }
}

function source(row: Readonly<Partial<Record<string, string>>>, field: FieldSource): unknown {
  return typeof field === 'object' && 'const' in field ? field.const : read(row, field);
}

function defined(entries: [string, unknown][]): Record<string, unknown> {
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}

/**
 * A minimal reading of a SourceMapping, for tests only: turns one row into a canonical record
 * candidate and validates it with the PersonRecord schema, so a wrong column, date layout or
 * code table shows up as a failed row.
 */
export function applyMapping(mapping: SourceMapping, row: Readonly<Partial<Record<string, string>>>): ReturnType<typeof PersonRecord.safeParse> {
  const name: Record<string, unknown> = {};
  const address: Record<string, unknown> = {};
  const record: Record<string, unknown> = { name };
  for (const [field, ref] of Object.entries(mapping.fields)) {
    const value = read(row, ref);
    if (value === undefined) continue;
    if (field.startsWith('name.')) name[field.slice(5)] = value;
    else if (field.startsWith('address.')) address[field.slice(8)] = value;
    else record[field] = value;
  }
  if (Object.keys(address).length > 0) record['addresses'] = [address];
  record['aliases'] = mapping.aliases.map((alias) => defined(Object.entries(alias).map(([key, ref]) => [key, read(row, ref)]))).filter((alias) => Object.keys(alias).length > 0);
  record['documents'] = mapping.documents
    .map((document) => defined([
      ['kind', document.kind], ['number', read(row, document.number)],
      ['issuingCountry', document.issuingCountry === undefined ? undefined : source(row, document.issuingCountry)],
      ['expiresOn', document.expiresOn === undefined ? undefined : read(row, document.expiresOn)],
    ]))
    .filter((document) => document['number'] !== undefined);
  record['events'] = mapping.events
    .filter((event) => event.when === undefined || event.when.in.includes(row[event.when.column] ?? ''))
    .map((event) => defined([['kind', event.kind], ...Object.entries(event.fields).map(([key, field]): [string, unknown] => [key, source(row, field)])]));
  return PersonRecord.safeParse(record);
}
