import type { PersonRecord } from '../../core/records/index.js';
import type { LinkageSchema } from '../schema/field-role.js';

/**
 * The columns the engine reads from a canonical person record, in the order
 * `personRecordValues` gives them. Ingest and search feed records to a `Dataset` built on it.
 */
export const personRecordSchema: LinkageSchema = [
  { column: 'given', role: 'given' },
  { column: 'middle', role: 'middle' },
  { column: 'surname', role: 'surname' },
  { column: 'full_name', role: 'fullName' },
  { column: 'date_of_birth', role: 'dateOfBirth' },
  { column: 'sex', role: 'sex' },
  { column: 'country_of_birth', role: 'country' },
  { column: 'citizenship', role: 'country' },
  { column: 'passport', role: 'document' },
  { column: 'alien_number', role: 'alienNumber' },
  { column: 'street', role: 'street' },
  { column: 'city', role: 'locality' },
  { column: 'state', role: 'region' },
  { column: 'postcode', role: 'postcode' },
];

/**
 * A person record as the engine's raw values (see `personRecordSchema`): the first passport,
 * A-number, citizenship and address are used.
 * @example dataset.add(recordId, source, personRecordValues(record))
 */
export function personRecordValues(record: PersonRecord): (string | undefined)[] {
  const document = (kind: string) => record.documents.find((d) => d.kind === kind)?.number;
  const address = record.addresses.at(0);
  return [
    record.name.given,
    record.name.middle,
    record.name.surname,
    record.name.full,
    record.dateOfBirth,
    record.sex,
    record.countryOfBirth,
    record.citizenships.at(0),
    document('passport'),
    document('alien-number'),
    address?.line1,
    address?.city,
    address?.state,
    address?.postcode,
  ];
}
