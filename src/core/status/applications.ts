import type { IsoDay } from '../calendar/index.js';
import { ApplicationForm, type ApplicationPurpose } from './application-form.js';
import { Finding } from './finding.js';
import { PersonEvidence } from './person-evidence.js';

/** A benefit application undecided at the moment. */
export interface PendingApplication {
  readonly kind: 'pending-application';
  readonly recordId: string;
  readonly form: string;
  readonly purpose: ApplicationPurpose;
  readonly filedOn: IsoDay;
  readonly timelyFiled: boolean | undefined;
  readonly finding: Finding;
}

export function pendingApplications(evidence: PersonEvidence): readonly PendingApplication[] {
  return PersonEvidence.eventsOf(evidence, 'benefit-application')
    .filter(({ event }) => PersonEvidence.decisionAsOf(evidence, event.decision, event.decidedOn) === 'pending')
    .map(({ recordId, event }) => ({
      kind: 'pending-application', recordId, form: event.form, purpose: ApplicationForm.purpose(event.form), filedOn: event.date, timelyFiled: event.timelyFiled,
      finding: Finding.of('application.pending', `${event.form} filed on ${event.date} is pending${event.receipt === undefined ? '' : ` (receipt ${event.receipt})`}.`, [recordId]),
    }));
}
