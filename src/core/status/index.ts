/**
 * Legal status derived from a resolved person. `deriveStatus(person, at)` returns a `DerivedStatus`: the
 * headline status in the shared vocabulary (or `undetermined`), and every finding behind it, each with its
 * rule id, citation and record ids (`LegalRule` lists them all). Gates, policy and review read this value.
 */
export { ApplicationForm, ApplicationPurpose } from './application-form.js';
export { pendingApplications } from './applications.js';
export type { PendingApplication } from './applications.js';
export { citizenshipIndications } from './citizenship.js';
export type { CitizenshipIndication } from './citizenship.js';
export { analyzeCourtCases, appealDeadline, CasePosture } from './court.js';
export type { AppealReading, CourtCase, CourtOrder, Finality, FinalRemovalOrder } from './court.js';
export { deriveStatus } from './derive-status.js';
export type { DeriveOptions } from './derive-status.js';
export { DerivedStatusKind } from './derived-status.js';
export type { CriminalDisposition, DerivedStatus } from './derived-status.js';
export { Finding } from './finding.js';
export { LegalRule } from './legal-rule.js';
export type { LegalRuleId } from './legal-rule.js';
export { permanentResidence } from './permanent-residence.js';
export type { PermanentResidence } from './permanent-residence.js';
export { PersonEvidence } from './person-evidence.js';
export type { SourcedEvent, SourcedValue } from './person-evidence.js';
export { protectionsInEffect, ProtectionType } from './protections.js';
export type { Protection } from './protections.js';
export { LinkBand, RecordLink, ResolvedPerson, SourcedRecord, unconfirmedUncertainLinks } from './resolved-person.js';
export { grantedStaysInEffect } from './stays.js';
export { TollingReason, tollingPeriods, unlawfulPresence } from './unlawful-presence.js';
export type { BarKind, ReentryBar, Sojourn, TollingPeriod, UnlawfulPresence } from './unlawful-presence.js';
export { analyzeVoluntaryDeparture, recordedDepartures, VoluntaryDepartureState } from './voluntary-departure.js';
export type { DepartureEvidenceKind, RecordedDeparture, VoluntaryDeparture } from './voluntary-departure.js';
