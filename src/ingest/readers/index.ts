export { FileFormat, openSourceFile } from './source-file.js';
export type { SourceFile } from './source-file.js';
export type { BadItem, ReadPosition, RowItem, SourceItem, TextEncoding } from './source-item.js';
