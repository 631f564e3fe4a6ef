/**
 * Voluntary-departure monitoring. `watchVoluntaryDepartures` and `departureBoard` list grants due, alerting,
 * verified, late, overdue and ended; `verifyDeparture` reads the exit records; `closeOnVerifiedDeparture`
 * closes a case with that evidence.
 */
export { closeOnVerifiedDeparture } from './close-on-departure.js';
export type { DepartureClosure } from './close-on-departure.js';
export { exitSince, verificationOf, verifyDeparture } from './departure-verification.js';
export type { DepartureVerification } from './departure-verification.js';
export { departureBoard, watchVoluntaryDepartures, WatchState } from './departure-watch.js';
export type { DepartureBoard, DepartureWatch, WatchOptions } from './departure-watch.js';
