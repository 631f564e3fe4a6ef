export { DataCategory, PurposeOfUse } from './data-category.js';
export { DeclinedCategory, findDeclinedCategory } from './declined-category.js';
export { parseRetention, SourceName, validateRegistration } from './source-registration.js';
export type { SourceRegistration, SourceRegistrationInput } from './source-registration.js';
