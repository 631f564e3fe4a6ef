import type { LegalStatusKind } from '../../core/records/index.js';
import type { Day } from '../calendar.js';
import type { TruthFact } from './truth-fact.js';

const DERIVATIVE_CLASSES: ReadonlySet<string> = new Set(['F2', 'J2', 'H4', 'L2', 'TD']);

/** A person's true situation as the simulation moves through time. */
export class TruthState {
  present = false;
  /** The current nonimmigrant admission or parole: its class and last authorized day (undefined while D/S runs). */
  admission: { readonly cls: string; until: Day | undefined } | undefined;
  permanentResidentSince: Day | undefined;
  citizenSince: Day | undefined;
  /** An application that authorizes the stay while pending (timely extension, adjustment, asylum). */
  pending: { readonly form: string; readonly filed: Day } | undefined;
  protection: { readonly kind: 'tps' | 'deferred-action' | 'asylum' | 'withholding' | 'cat'; until: Day | undefined } | undefined;
  /** Removal proceedings: open, and the day an order became (or becomes) final, after the appeal period unless waived. */
  court: { open: boolean; finalFrom: Day | undefined; vdDeadline: Day | undefined } | undefined;
  /** Whether the latest arrival left a record (land entries from Canada often do not). */
  lastArrivalRecorded = true;
  /** Whether the latest departure left a record anywhere. */
  lastDepartureRecorded = true;
  readonly facts = new Set<TruthFact>();

  /**
   * Settles the facts that describe the situation on `asOf` rather than the path to it:
   * what is pending, whether duration of status runs, whether the last exit left a record.
   */
  settle(asOf: Day, minor: boolean): void {
    const facts = this.facts;
    const pending = this.pending?.form;
    const status = this.status(asOf);
    if (minor) facts.add('minor');
    if (status === 'authorized-pending' && (pending === 'I-539' || pending === 'I-129')) facts.add('timely-extension-pending');
    if (pending === 'I-589') facts.add('asylum-pending');
    if (pending === 'I-485') facts.add('adjustment-pending');
    if (status === 'in-status' && this.admission?.until === undefined) facts.add('duration-of-status');
    else facts.delete('duration-of-status');
    if (status !== 'overstay') facts.delete('visa-overstay');
    if (!this.present && !this.lastDepartureRecorded) facts.add('unrecorded-departure');
    if (this.present && !this.lastArrivalRecorded) facts.add('unrecorded-arrival');
    // A spouse's or child's F-2, J-2, H-4, L-2 or TD status ends with the principal's, which their own records may not show.
    if (status === 'in-status' || status === 'overstay' || status === 'authorized-pending') {
      if (this.admission !== undefined && DERIVATIVE_CLASSES.has(this.admission.cls)) facts.add('derivative-status');
    }
  }

  /**
   * The status on `asOf`. Precedence, most protective first: citizenship, permanent residence,
   * absence, protection in effect, a running voluntary-departure period, a final order, open
   * proceedings, a lawful admission, a pending application that authorizes the stay, overstay.
   */
  status(asOf: Day): LegalStatusKind {
    if (this.citizenSince !== undefined && this.citizenSince <= asOf) return 'citizen';
    if (this.permanentResidentSince !== undefined) return 'permanent-resident';
    if (!this.present) return 'departed';
    if (this.protection !== undefined && (this.protection.until === undefined || this.protection.until >= asOf)) return 'protected';
    if (this.court !== undefined) {
      if (this.court.vdDeadline !== undefined && this.court.vdDeadline >= asOf) return 'voluntary-departure';
      if (this.court.finalFrom !== undefined && this.court.finalFrom <= asOf) return 'final-order';
      // An order still open to appeal is not final: the proceedings go on.
      if (this.court.open || this.court.finalFrom !== undefined) return 'in-proceedings';
    }
    if (this.admission !== undefined && (this.admission.until === undefined || this.admission.until >= asOf)) return 'in-status';
    if (this.pending !== undefined) return 'authorized-pending';
    return 'overstay';
  }
}
