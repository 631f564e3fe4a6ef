import type { CanonicalField, DateFormat, SourceMappingInput } from '../core/mapping/index.js';
import type { FieldRole } from '../linkage/index.js';
import { inferRole } from '../linkage/index.js';
import { parseMappedDate } from './mapping/index.js';

const explicitFormats: readonly Exclude<DateFormat, 'auto'>[] = ['YYYY-MM-DD', 'YYYYMMDD', 'MM/DD/YYYY', 'DD/MM/YYYY', 'DD.MM.YYYY', 'DD-MON-YYYY'];

/** The layout every sample fits; when both slash orders fit, the one a day above 12 decides. */
export function guessDateFormat(samples: readonly string[]): DateFormat {
  const filled = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (filled.length === 0) return 'auto';
  const fitting = explicitFormats.filter((format) => filled.every((s) => parseMappedDate(s, format) !== undefined));
  return fitting.at(0) ?? 'auto';
}

const fieldOf: Partial<Record<FieldRole, CanonicalField>> = {
  given: 'name.given', middle: 'name.middle', surname: 'name.surname', fullName: 'name.full', dateOfBirth: 'dateOfBirth', sex: 'sex',
  street: 'address.line1', locality: 'address.city', postcode: 'address.postcode', region: 'address.state',
};

/**
 * A first mapping for a data steward to check: canonical fields from header names, date layouts
 * from the sample values, documents from number columns. Events are the steward's to add.
 */
export function suggestMapping(columns: readonly string[], sample: readonly Readonly<Record<string, unknown>>[]): { mapping: Omit<SourceMappingInput, 'version'>; unused: string[] } {
  const fields: Partial<Record<CanonicalField, SourceMappingInput['fields'][CanonicalField]>> = {};
  const documents: NonNullable<SourceMappingInput['documents']> = [];
  const unused: string[] = [];
  let recordKey: string | undefined;
  const values = (column: string): string[] => sample.map((row) => (typeof row[column] === 'string' || typeof row[column] === 'number' ? String(row[column]) : ''));
  for (const column of columns) {
    const role = inferRole(column);
    const lower = column.toLowerCase();
    if (role === 'country') {
      const field: CanonicalField = /citizen|national/.test(lower) ? 'citizenships' : 'countryOfBirth';
      if (fields[field] === undefined) fields[field] = column;
      else unused.push(column);
      continue;
    }
    if (role === 'document' || role === 'nationalId' || role?.startsWith('alien') === true) {
      documents.push({ kind: role.startsWith('alien') || /alien|^a_?n(o|um)/.test(lower) ? 'alien-number' : role === 'document' ? 'passport' : 'other', number: column });
      continue;
    }
    if (role === undefined && recordKey === undefined && /(^|[_\s-])(id|key|record[_\s-]?(id|no|number))$/i.test(column)) {
      recordKey = column;
      continue;
    }
    const field = role === undefined ? undefined : fieldOf[role];
    if (field === undefined || fields[field] !== undefined) {
      if (/date|_dt$|dt$/.test(lower) && field === undefined) unused.push(`${column} (a date: map it to an event)`);
      else unused.push(column);
      continue;
    }
    fields[field] = field === 'dateOfBirth' ? { column, format: guessDateFormat(values(column)) } : column;
  }
  return { mapping: { ...(recordKey === undefined ? {} : { recordKey }), fields, documents, events: [] }, unused };
}
