import type { SourceItem } from './source-item.js';

interface Place {
  readonly line: number;
  readonly offset: number;
  readonly end: number;
  readonly nextLine: number;
}

/** Parses one JSON text that must be an object (a record); anything else is a bad row. */
export function toRecordItem(raw: string, place: Place): SourceItem {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { kind: 'bad', ...place, raw, reason: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { kind: 'bad', ...place, raw, reason: `expected a JSON object for a record, found ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}` };
  }
  return { kind: 'row', ...place, raw, values: value as Record<string, unknown> };
}
