export { Role } from './role.js';
