import { foundation } from './0001-foundation.js';
import { ingest } from './0002-ingest.js';
import { accounts } from './0003-accounts.js';
import { quarantineFingerprint } from './0004-quarantine-fingerprint.js';
import { distributedIngest } from './0005-distributed-ingest.js';
import { lighterIngestConstraints } from './0006-lighter-ingest-constraints.js';
import { cases } from './0007-cases.js';
import { rawContentJson } from './0010-raw-content-json.js';
import { ledgerAppend } from './0011-ledger-append.js';
import { jsonLinks } from './0012-json-links.js';
import { lighterEntityWrites } from './0013-lighter-entity-writes.js';
import type { Migration } from './migration.js';

export { migrationChecksum } from './migration.js';
export type { Migration } from './migration.js';

/** Every migration, oldest first. A new one is appended here and never edited once released. */
export const migrations: readonly Migration[] = [foundation, ingest, accounts, quarantineFingerprint, distributedIngest, lighterIngestConstraints, cases, rawContentJson, ledgerAppend, jsonLinks, lighterEntityWrites];
