export { applyMapping } from './apply-mapping.js';
export type { MappingResult } from './apply-mapping.js';
export { checkRecord } from './check-record.js';
export { parseMappedDate } from './parse-mapped-date.js';
