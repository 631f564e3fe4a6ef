import { z } from 'zod';
import { CountryCode, IsoDate, RecordEvent } from './record-event.js';

export const PersonName = z.object({
  given: z.string().optional(),
  middle: z.string().optional(),
  surname: z.string().optional(),
  /** A single full-name field, when the source does not split names. */
  full: z.string().optional(),
});
export type PersonName = z.infer<typeof PersonName>;

export const DocumentKind = z.enum([
  'passport', 'alien-number', 'visa-foil', 'arrival-record', 'us-passport',
  'naturalization-certificate', 'citizenship-certificate', 'permanent-resident-card', 'court-case', 'other',
]);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const IdentityDocument = z.object({
  kind: DocumentKind,
  number: z.string().min(1),
  issuingCountry: CountryCode.optional(),
  expiresOn: IsoDate.optional(),
});
export type IdentityDocument = z.infer<typeof IdentityDocument>;

export const Address = z.object({
  line1: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  postcode: z.string().optional(),
  country: CountryCode.optional(),
});
export type Address = z.infer<typeof Address>;

/**
 * One source row mapped onto Docket's canonical person record. Protected attributes beyond
 * what identification needs (race, ethnicity, religion, political opinion) have no field here:
 * they cannot be mapped, stored or used.
 */
export const PersonRecord = z.object({
  name: PersonName,
  aliases: z.array(PersonName).default([]),
  dateOfBirth: IsoDate.optional(),
  sex: z.enum(['F', 'M', 'X']).optional(),
  countryOfBirth: CountryCode.optional(),
  citizenships: z.array(CountryCode).default([]),
  documents: z.array(IdentityDocument).default([]),
  addresses: z.array(Address).default([]),
  /** Preferred language for notices (BCP 47, e.g. "es", "ar"). */
  language: z.string().optional(),
  events: z.array(RecordEvent).default([]),
});
export type PersonRecord = z.infer<typeof PersonRecord>;
