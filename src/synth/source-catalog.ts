import type { SourceMapping } from '../core/mapping/index.js';
import { SourceMapping as SourceMappingSchema } from '../core/mapping/index.js';
import type { SourceId } from './emission.js';
import { appeals } from './sources/appeals.js';
import { arrivalsDepartures } from './sources/arrivals-departures.js';
import { benefitApplications } from './sources/benefit-applications.js';
import { biometricExit } from './sources/biometric-exit.js';
import { courtDockets } from './sources/court-dockets.js';
import { courtOrders } from './sources/court-orders.js';
import { criminalDispositions } from './sources/criminal-dispositions.js';
import { departureManifests } from './sources/departure-manifests.js';
import { lprNaturalization } from './sources/lpr-naturalization.js';
import type { SourceDefinition, SourceRegistration } from './sources/source-definition.js';
import { stays } from './sources/stays.js';
import { studentStatus } from './sources/student-status.js';
import { usPassports } from './sources/us-passports.js';
import { visaIssuance } from './sources/visa-issuance.js';
import { voluntaryDeparture } from './sources/voluntary-departure.js';

export type OutputFormat = 'csv' | 'ndjson';

/** The sources in the order their files are listed. */
export const SOURCE_DEFINITIONS = [
  visaIssuance, arrivalsDepartures, studentStatus, benefitApplications, lprNaturalization, usPassports, courtDockets, courtOrders, appeals,
  stays, voluntaryDeparture, criminalDispositions, departureManifests, biometricExit,
] as const;

/** What ingest needs to register a source and read its file. */
export interface SourceCatalogEntry {
  readonly id: SourceId;
  readonly name: string;
  readonly description: string;
  /** File names in the output folder, by format. */
  readonly file: Readonly<Record<OutputFormat, string>>;
  readonly registration: SourceRegistration;
  /** The header, in file order (NDJSON rows have exactly these keys). */
  readonly columns: readonly string[];
  /** The layout of every date column of this source. */
  readonly dateFormat: SourceDefinition['dateFormat'];
  readonly mapping: SourceMapping;
}

/**
 * Every source system the generator writes, with its registration and the mapping of its
 * columns onto the canonical person record and its events.
 */
export const sourceCatalog: readonly SourceCatalogEntry[] = SOURCE_DEFINITIONS.map((source: SourceDefinition) => ({
  id: source.id,
  name: source.name,
  description: source.description,
  file: { csv: `${source.stem}.csv`, ndjson: `${source.stem}.ndjson` },
  registration: source.registration,
  columns: source.columns,
  dateFormat: source.dateFormat,
  mapping: SourceMappingSchema.parse(source.mapping),
}));

export function catalogEntry(id: SourceId): SourceCatalogEntry {
  const entry = sourceCatalog.find((candidate) => candidate.id === id);
  if (entry === undefined) throw new RangeError(`no source ${id}`);
  return entry;
}
