export { CountryCode, IsoDate, RecordEvent } from './record-event.js';
export type { RecordEventKind } from './record-event.js';
export { LegalStatusKind } from './legal-status.js';
export { Address, DocumentKind, IdentityDocument, PersonName, PersonRecord } from './person-record.js';
