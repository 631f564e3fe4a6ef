import type { RecordEvent } from '../../core/records/index.js';

const at = (port: string | undefined): string => (port === undefined ? '' : ` at ${port}`);

/** One sentence for a life event on the profile's timeline. */
export function describeEvent(event: RecordEvent): string {
  switch (event.kind) {
    case 'visa-issued':
      return `Visa ${event.visaClass} issued${event.validUntil === undefined ? '' : `, valid until ${event.validUntil}`}`;
    case 'arrival':
      return `Arrived${at(event.port)}, admitted as ${event.classOfAdmission}${event.durationOfStatus ? ' for duration of status' : event.admitUntil === undefined ? '' : ` until ${event.admitUntil}`}`;
    case 'departure':
      return `Departed${at(event.port)} (evidence: ${event.evidence.replace(/-/g, ' ')})`;
    case 'student-status':
      return `Student status ${event.status.replace(/-/g, ' ')}${event.school === undefined ? '' : ` at ${event.school}`}`;
    case 'status-change':
      return `Status changed${event.fromClass === undefined ? '' : ` from ${event.fromClass}`} to ${event.toClass}`;
    case 'benefit-application':
      return `Application ${event.form} filed, ${event.decision}${event.decidedOn === undefined ? '' : ` on ${event.decidedOn}`}`;
    case 'permanent-residence':
      return 'Became a lawful permanent resident';
    case 'naturalization':
      return 'Naturalized as a US citizen';
    case 'citizenship-certificate':
      return `Certificate of citizenship issued${event.basis === undefined ? '' : ` (${event.basis})`}`;
    case 'us-passport':
      return 'US passport issued';
    case 'parent-citizenship':
      return 'A parent is a US citizen';
    case 'deferred-action':
      return `Deferred action granted${event.until === undefined ? '' : ` until ${event.until}`}`;
    case 'temporary-protected-status':
      return `Temporary Protected Status${event.until === undefined ? '' : ` until ${event.until}`}`;
    case 'court-case-opened':
      return `Removal proceedings opened (case ${event.caseNumber})`;
    case 'hearing':
      return `Hearing in case ${event.caseNumber}${event.attended === undefined ? '' : event.attended ? ', attended' : ', not attended'}`;
    case 'order':
      return `Order in case ${event.caseNumber}: ${event.outcome.replace(/-/g, ' ')}${event.inAbsentia ? ' (in absentia)' : ''}`;
    case 'voluntary-departure-grant':
      return `Voluntary departure granted, leave by ${event.deadline}`;
    case 'appeal':
      return `Appeal in case ${event.caseNumber}: ${event.decision}`;
    case 'motion-to-reopen':
      return `Motion to reopen case ${event.caseNumber}: ${event.decision}`;
    case 'petition-for-review':
      return `Petition for review in case ${event.caseNumber}: ${event.decision}`;
    case 'stay':
      return `Stay of removal granted by the ${event.grantedBy.replace(/-/g, ' ')}${event.lifted === undefined ? '' : `, lifted ${event.lifted}`}`;
    case 'criminal-disposition':
      return `Criminal case (${event.offenceCategory}): ${event.disposition}`;
  }
}
