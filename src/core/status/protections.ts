import type { IsoDay } from '../calendar/index.js';
import { ApplicationForm } from './application-form.js';
import type { CourtCase } from './court.js';
import { Finding } from './finding.js';
import { PersonEvidence } from './person-evidence.js';

export const ProtectionType = ['temporary-protected-status', 'deferred-action', 'asylum', 'withholding', 'cat', 'relief-granted'] as const;
export type ProtectionType = (typeof ProtectionType)[number];

/** A protection in effect at the moment. Withholding and CAT protection name the one country they protect from. */
export interface Protection {
  readonly kind: 'protection';
  readonly type: ProtectionType;
  /** For withholding and CAT: removal to this country is forbidden; undefined when the record omits it. */
  readonly protectedCountry: string | undefined;
  readonly until: IsoDay | undefined;
  readonly finding: Finding;
}

export function protectionsInEffect(evidence: PersonEvidence, cases: readonly CourtCase[]): readonly Protection[] {
  const today = evidence.moment.day;
  const found: Protection[] = [];
  const add = (type: ProtectionType, finding: Finding, until?: IsoDay, protectedCountry?: string): void =>
    void found.push({ kind: 'protection', type, protectedCountry, until, finding });

  for (const { recordId, event } of PersonEvidence.eventsOf(evidence, 'temporary-protected-status')) {
    if (event.until !== undefined && event.until < today) continue;
    add('temporary-protected-status', Finding.of('protection.tps', `Temporary Protected Status since ${event.date}${event.until === undefined ? '' : ` until ${event.until}`}${event.country === undefined ? '' : ` (designation: ${event.country})`}.`, [recordId]), event.until);
  }
  for (const { recordId, event } of PersonEvidence.eventsOf(evidence, 'deferred-action')) {
    if (event.until !== undefined && event.until < today) continue;
    add('deferred-action', Finding.of('protection.deferred-action', `Deferred action since ${event.date}${event.until === undefined ? '' : ` until ${event.until}`}.`, [recordId]), event.until);
  }
  // Explicit grant records carry the real periods; an approval alone is read as open-ended.
  const explicitTps = PersonEvidence.eventsOf(evidence, 'temporary-protected-status').length > 0;
  const explicitDeferredAction = PersonEvidence.eventsOf(evidence, 'deferred-action').length > 0;
  for (const { recordId, event } of PersonEvidence.eventsOf(evidence, 'benefit-application')) {
    if (PersonEvidence.decisionAsOf(evidence, event.decision, event.decidedOn) !== 'approved') continue;
    const on = event.decidedOn ?? event.date;
    switch (ApplicationForm.purpose(event.form)) {
      case 'asylum': add('asylum', Finding.of('protection.asylum', `Asylum (${event.form}) granted on ${on}.`, [recordId])); break;
      case 'temporary-protected-status': if (!explicitTps) add('temporary-protected-status', Finding.of('protection.tps', `Temporary Protected Status (${event.form}) approved on ${on}; no end date recorded.`, [recordId])); break;
      case 'deferred-action': if (!explicitDeferredAction) add('deferred-action', Finding.of('protection.deferred-action', `Deferred action (${event.form}) approved on ${on}; no end date recorded.`, [recordId])); break;
      case 'extension-or-change-of-status':
      case 'adjustment-of-status':
      case 'naturalization':
      case 'certificate-of-citizenship':
      case 'removal-of-conditions':
      case 'other':
        break;
    }
  }
  for (const courtCase of cases) {
    const order = courtCase.order;
    if (order === undefined || order.vacatedBy !== undefined) continue;
    if (order.outcome === 'withholding' || order.outcome === 'cat-protection') {
      const type = order.outcome === 'withholding' ? 'withholding' : 'cat';
      const country = order.protectedCountry ?? 'a country the record does not name';
      const name = type === 'withholding' ? 'Withholding of removal' : 'Protection under the Convention Against Torture';
      add(type, Finding.of(type === 'withholding' ? 'protection.withholding' : 'protection.cat', `${name} granted on ${order.date} in case ${order.caseNumber}: no removal to ${country}.`, [order.recordId]), undefined, order.protectedCountry);
    }
    if (order.outcome === 'relief-granted') {
      add('relief-granted', Finding.of('protection.relief-granted', `Relief from removal granted on ${order.date} in case ${order.caseNumber}.`, [order.recordId]));
    }
  }
  return found;
}
