import type { Moment, IsoDay } from '../calendar/index.js';
import { LegalStatusKind } from '../records/index.js';
import type { PendingApplication } from './applications.js';
import type { CitizenshipIndication } from './citizenship.js';
import type { CourtCase, FinalRemovalOrder } from './court.js';
import type { Finding } from './finding.js';
import type { PermanentResidence } from './permanent-residence.js';
import type { Protection } from './protections.js';
import type { UnlawfulPresence } from './unlawful-presence.js';
import type { RecordedDeparture, VoluntaryDeparture } from './voluntary-departure.js';

/** The shared status vocabulary, plus `undetermined` when the records establish none. */
export const DerivedStatusKind: readonly DerivedStatusKind[] = [...LegalStatusKind.options, 'undetermined'];
export type DerivedStatusKind = LegalStatusKind | 'undetermined';

export interface CriminalDisposition {
  readonly recordId: string;
  readonly date: IsoDay;
  readonly offenceCategory: string;
}

/**
 * Everything Docket concludes about a person's legal position at one moment, each part with the
 * findings (rule, citation, records) it rests on. Gates, policy and review all read this one value.
 */
export interface DerivedStatus {
  readonly kind: 'derived-status';
  readonly personId: string;
  readonly moment: Moment;
  readonly status: DerivedStatusKind;
  /** Why the headline status is what it is. */
  readonly basis: Finding;
  readonly citizenship: readonly CitizenshipIndication[];
  readonly permanentResidence: PermanentResidence | undefined;
  /** Set when a final removal order entered after residence began ended it (8 CFR 1001.1(p)). */
  readonly permanentResidenceTerminated: Finding | undefined;
  readonly unlawfulPresence: UnlawfulPresence;
  readonly pendingApplications: readonly PendingApplication[];
  readonly protections: readonly Protection[];
  readonly courtCases: readonly CourtCase[];
  readonly finalRemovalOrder: FinalRemovalOrder | undefined;
  /** Stays in effect: granted by a court or the agency, and automatic ones. */
  readonly stays: readonly Finding[];
  readonly voluntaryDepartures: readonly VoluntaryDeparture[];
  /** Every recorded exit, strongest evidence first, then by date. */
  readonly departures: readonly RecordedDeparture[];
  /** The last movement, when it is a departure. */
  readonly departed: (RecordedDeparture & { readonly finding: Finding }) | undefined;
  readonly convictions: readonly CriminalDisposition[];
  readonly pendingCharges: readonly CriminalDisposition[];
  /** Age from the latest recorded date of birth. */
  readonly age: { readonly years: number; readonly dateOfBirth: IsoDay } | undefined;
  /** Questions the rules do not settle: every gate holds while any is open, and a person decides. */
  readonly unsettled: readonly Finding[];
  /** The whole trail of findings, for the profile and the reviewer. */
  readonly findings: readonly Finding[];
}
