import { readFileSync } from 'node:fs';
import { DocketError } from '../../core/errors/index.js';
import type { DateOrder, FieldRole } from '../../linkage/index.js';
import { fieldRoles, isFieldRole } from '../../linkage/index.js';

/** What `--schema FILE` may say: a role (or "ignore") per column, and how to read slashed dates. */
export interface SchemaOverrides {
  readonly columns: ReadonlyMap<string, FieldRole | 'ignore'>;
  readonly dateOrder: DateOrder | undefined;
}

/**
 * Reads a schema file: `{"columns": {"HEADER": "ROLE" | "ignore", ...}, "dateOrder": "mdy" | "dmy"}`,
 * the roles being those of `FieldRole`.
 */
export function readSchemaFile(file: string): SchemaOverrides {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DocketError('io', `cannot read the schema file ${file}: ${(error as Error).message}`, { hint: 'check the path given to --schema', cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DocketError('invalid-input', `${file}: not valid JSON (${(error as Error).message})`, { hint: 'write the schema as {"columns": {"HEADER": "ROLE"}}', cause: error });
  }
  const bad = (what: string) =>
    new DocketError('invalid-input', `${file}: ${what}`, { hint: `write {"columns": {"HEADER": "ROLE"}} with ROLE one of ${fieldRoles.join(', ')} or ignore; "dateOrder" is "mdy" or "dmy"` });
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw bad('the schema must be a JSON object');
  const { columns, dateOrder } = json as { columns?: unknown; dateOrder?: unknown };
  if (columns === null || typeof columns !== 'object' || Array.isArray(columns)) throw bad('"columns" must be an object of header → role');
  const roles = new Map<string, FieldRole | 'ignore'>();
  for (const [header, role] of Object.entries(columns as Record<string, unknown>)) {
    if (typeof role !== 'string' || (role !== 'ignore' && !isFieldRole(role))) throw bad(`column "${header}" has an unknown role ${JSON.stringify(role)}`);
    roles.set(header.trim(), role);
  }
  if (dateOrder !== undefined && dateOrder !== 'mdy' && dateOrder !== 'dmy') throw bad(`"dateOrder" must be "mdy" or "dmy", not ${JSON.stringify(dateOrder)}`);
  return { columns: roles, dateOrder };
}
