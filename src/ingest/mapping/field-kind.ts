import { z } from 'zod';
import { CountryCode, IsoDate, RecordEvent } from '../../core/records/index.js';

/** How a mapped value must be read to fit its canonical field. */
export type FieldKind = 'text' | 'date' | 'datetime' | 'country' | 'boolean';

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap();
  return current;
}

function kindOf(schema: z.core.$ZodType): FieldKind {
  const base = unwrap(schema);
  if (base === IsoDate) return 'date';
  if (base === CountryCode) return 'country';
  if (base instanceof z.ZodBoolean) return 'boolean';
  if (base instanceof z.ZodISODateTime) return 'datetime';
  return 'text';
}

/**
 * For each event kind, the kind of each of its fields, read off the event schema itself so a
 * field added there is read the right way here without a second list to keep in step.
 */
export const eventFieldKinds: ReadonlyMap<string, ReadonlyMap<string, FieldKind>> = new Map(
  RecordEvent.options.map((option) => [
    option.shape.kind.value,
    new Map(Object.entries(option.shape as Record<string, z.core.$ZodType>).filter(([name]) => name !== 'kind').map(([name, schema]) => [name, kindOf(schema)])),
  ]),
);
