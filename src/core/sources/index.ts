export { DataCategory, PurposeOfUse } from './data-category.js';
