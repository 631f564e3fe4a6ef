import type { IsoDay } from '../calendar/index.js';
import { ApplicationForm } from './application-form.js';
import { Finding } from './finding.js';
import { PersonEvidence } from './person-evidence.js';

/** Evidence of lawful permanent residence, and since when, where a record says. */
export interface PermanentResidence {
  readonly kind: 'permanent-residence';
  /** The earliest dated grant, when any evidence carries a date. */
  readonly since: IsoDay | undefined;
  /**
   * The latest day the records show residence (a grant, or a filing only residents can make); undefined
   * when some evidence has no date, which could be later than anything, so an end cannot be shown.
   */
  readonly lastShown: IsoDay | undefined;
  readonly findings: readonly Finding[];
}

/** Every record that shows permanent residence: a grant, a card, an approved adjustment, or an application only residents can file. */
export function permanentResidence(evidence: PersonEvidence): PermanentResidence | undefined {
  const findings: Finding[] = [];
  const dates: IsoDay[] = [];
  const shown: IsoDay[] = [];
  let undated = false;
  for (const { recordId, event } of PersonEvidence.eventsOf(evidence, 'permanent-residence')) {
    dates.push(event.date);
    findings.push(Finding.of('permanent-residence.evidence', `Lawful permanent residence granted on ${event.date}.`, [recordId]));
  }
  for (const { recordId, value } of evidence.documents) {
    if (value.kind === 'permanent-resident-card') {
      undated = true;
      findings.push(Finding.of('permanent-residence.evidence', `A permanent resident card (${value.number}) is on file.`, [recordId]));
    }
  }
  for (const { recordId, event } of PersonEvidence.eventsOf(evidence, 'benefit-application')) {
    const purpose = ApplicationForm.purpose(event.form);
    const decision = PersonEvidence.decisionAsOf(evidence, event.decision, event.decidedOn);
    if (purpose === 'adjustment-of-status' && decision === 'approved') {
      const on = event.decidedOn ?? event.date;
      dates.push(on);
      findings.push(Finding.of('permanent-residence.evidence', `Adjustment of status (${event.form}) approved on ${on}.`, [recordId]));
    }
    if (purpose === 'naturalization' || purpose === 'removal-of-conditions') {
      shown.push(event.date);
      findings.push(Finding.of('permanent-residence.evidence', `An application only a permanent resident can file (${event.form}) was filed on ${event.date}.`, [recordId]));
    }
  }
  if (findings.length === 0) return undefined;
  const since = dates.length === 0 ? undefined : dates.reduce((a, b) => (a <= b ? a : b));
  const all = [...dates, ...shown];
  const lastShown = undated || all.length === 0 ? undefined : all.reduce((a, b) => (a >= b ? a : b));
  return { kind: 'permanent-residence', since, lastShown, findings };
}
