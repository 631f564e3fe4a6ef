import { z } from 'zod';
import { DocumentKind } from '../records/person-record.js';

/** Date layouts a source may use; `auto` accepts the unambiguous ones and refuses the rest. */
export const DateFormat = z.enum(['YYYY-MM-DD', 'YYYYMMDD', 'MM/DD/YYYY', 'DD/MM/YYYY', 'DD.MM.YYYY', 'DD-MON-YYYY', 'auto']);
export type DateFormat = z.infer<typeof DateFormat>;

/** How a source value is turned into a canonical one. */
export const ValueTransform = z.enum(['text', 'date', 'datetime', 'country', 'sex', 'boolean', 'document-number', 'list']);
export type ValueTransform = z.infer<typeof ValueTransform>;

/** A source column, optionally with a format, a transform, or a table of value codes. */
export const ColumnRef = z.union([
  z.string().min(1),
  z.object({
    column: z.string().min(1),
    transform: ValueTransform.optional(),
    format: DateFormat.optional(),
    /** Source codes to canonical values, e.g. { "1": "M", "2": "F" }. */
    values: z.record(z.string(), z.string()).optional(),
    /** Separator for `list` values (citizenships "MEX;USA"). */
    separator: z.string().optional(),
  }),
]);
export type ColumnRef = z.infer<typeof ColumnRef>;

/** A constant, for event fields the source implies rather than states (every row of a manifest is a departure). */
export const ConstantValue = z.object({ const: z.union([z.string(), z.number(), z.boolean()]) });
export const FieldSource = z.union([ColumnRef, ConstantValue]);
export type FieldSource = z.infer<typeof FieldSource>;

export const CanonicalField = z.enum([
  'name.given', 'name.middle', 'name.surname', 'name.full',
  'dateOfBirth', 'sex', 'countryOfBirth', 'citizenships', 'language',
  'address.line1', 'address.city', 'address.state', 'address.postcode', 'address.country',
]);
export type CanonicalField = z.infer<typeof CanonicalField>;

export const DocumentMapping = z.object({
  kind: DocumentKind,
  number: ColumnRef,
  issuingCountry: FieldSource.optional(),
  expiresOn: ColumnRef.optional(),
});

export const AliasMapping = z.object({
  given: ColumnRef.optional(),
  surname: ColumnRef.optional(),
  full: ColumnRef.optional(),
});

/**
 * One event per row, or per row matching `when`, or per row where `whenPresent` is not empty.
 * `fields` maps the event's own fields (see RecordEvent) to columns or constants; `kind` is
 * fixed by the mapping.
 */
export const EventMapping = z.object({
  kind: z.string().min(1),
  when: z.object({ column: z.string().min(1), in: z.array(z.string()).min(1) }).optional(),
  /** A column whose emptiness means the row has no such event (an appeal column left blank). */
  whenPresent: z.string().min(1).optional(),
  fields: z.record(z.string(), FieldSource),
});
export type EventMapping = z.infer<typeof EventMapping>;

/**
 * A versioned mapping of one source's columns onto the canonical person record.
 * Ingest stores the version with every record, so lineage names the mapping that produced it.
 */
export const SourceMapping = z.object({
  version: z.number().int().positive(),
  /** The source's own key for a row, if it has one (kept for lineage, never compared). */
  recordKey: z.string().optional(),
  fields: z.partialRecord(CanonicalField, ColumnRef),
  aliases: z.array(AliasMapping).default([]),
  documents: z.array(DocumentMapping).default([]),
  events: z.array(EventMapping).default([]),
});
export type SourceMapping = z.infer<typeof SourceMapping>;
export type SourceMappingInput = z.input<typeof SourceMapping>;
