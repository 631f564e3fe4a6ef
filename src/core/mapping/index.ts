export { AliasMapping, CanonicalField, ColumnRef, ConstantValue, DateFormat, DocumentMapping, EventMapping, FieldSource, SourceMapping, ValueTransform } from './source-mapping.js';
export type { SourceMappingInput } from './source-mapping.js';
