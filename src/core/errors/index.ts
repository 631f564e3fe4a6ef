export { DocketError, ErrorCode } from './docket-error.js';
export type { DocketErrorOptions } from './docket-error.js';
