import { Finding } from './finding.js';
import { PersonEvidence } from './person-evidence.js';

/**
 * Stays granted by a court or the agency and in effect at the moment. The evidence already holds only
 * stays granted by then, to the minute when the grant's time is known. A stay is taken to last through
 * the whole day it is lifted or expires, since the hour is not recorded.
 */
export function grantedStaysInEffect(evidence: PersonEvidence): readonly Finding[] {
  const today = evidence.moment.day;
  return PersonEvidence.eventsOf(evidence, 'stay')
    .filter(({ event }) => (event.lifted === undefined || event.lifted >= today) && (event.until === undefined || event.until >= today))
    .map(({ recordId, event }) => {
      const granted = event.at ?? event.date;
      const forCase = event.caseNumber === undefined ? '' : ` in case ${event.caseNumber}`;
      const until = event.until === undefined ? '' : ` until ${event.until}`;
      return Finding.of('stay.granted', `A stay of removal granted by the ${event.grantedBy.replace(/-/g, ' ')}${forCase} at ${granted}${until} is in effect.`, [recordId]);
    });
}
