import { z } from 'zod';

/**
 * The legal-status vocabulary shared by the generator's ground truth and Docket's derivation,
 * so the two can be compared person by person.
 */
export const LegalStatusKind = z.enum([
  /** US citizen by birth, naturalization, derivation (INA 320) or acquisition (INA 301). */
  'citizen',
  'permanent-resident',
  /** Nonimmigrant inside the admitted period, or admitted for duration of status with no violation found. */
  'in-status',
  /** Stay authorized while a timely extension, change of status, adjustment or asylum application is pending. */
  'authorized-pending',
  /** Temporary Protected Status, deferred action, asylum, withholding of removal or CAT protection in effect. */
  'protected',
  /** Unlawfully present with no removal proceedings open. */
  'overstay',
  /** Removal proceedings open, no final order. */
  'in-proceedings',
  /** A voluntary-departure period is running. */
  'voluntary-departure',
  /** A final order of removal, person still present. */
  'final-order',
  /** Has left the United States (last movement is a departure). */
  'departed',
]);
export type LegalStatusKind = z.infer<typeof LegalStatusKind>;
