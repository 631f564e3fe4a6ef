import type { WatchState} from '../core/departures/index.js';
import { departureBoard, type DepartureBoard, type DepartureWatch } from '../core/departures/index.js';
import { DocketError } from '../core/errors/index.js';
import type { DeriveOptions } from '../core/status/index.js';
import { CaseStore, type DepartureAlertRow, type Store } from '../store/index.js';
import { CaseAction } from './case-action.js';
import { CaseActor } from './case-actor.js';
import { personName, Visibility } from './case-views.js';
import type { Casework } from './casework.js';
import { PersonLoader, type LoadedPerson } from './person-loader.js';

export interface DeparturesOptions {
  readonly now?: () => Date;
  /** Alert this many days (or fewer) before a deadline. Default 14. */
  readonly alertDays?: number;
  readonly derive?: DeriveOptions;
}

/** The board with each person's name as the reader may see it. */
export interface DepartureBoardView {
  readonly board: DepartureBoard;
  readonly alertDays: number;
  readonly names: Readonly<Record<string, string>>;
}

export type DepartureCounts = Readonly<Record<WatchState | 'alerts', number>>;

export interface SweepReport {
  readonly at: string;
  readonly alertsRaised: readonly DepartureAlertRow[];
  /** Cases closed on a departure the exit records now show. */
  readonly closed: readonly number[];
}

/**
 * Voluntary-departure monitoring over the resolved people: the board of grants due, alerting, verified,
 * departed late, overdue, suspended and ended (the core's `departureBoard`), alerts raised once each, and
 * cases closed automatically when the exit records show the departure.
 */
export class Departures {
  private readonly now: () => Date;
  private readonly alertDays: number;

  constructor(private readonly store: Store, private readonly options: DeparturesOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.alertDays = options.alertDays ?? 14;
    if (!Number.isInteger(this.alertDays) || this.alertDays < 0) throw new DocketError('invalid-input', `alert days must be a whole number of days, not ${this.alertDays}`);
  }

  /** The board as of `at` (a day or an instant; now by default). */
  async board(purpose: string, options: { readonly at?: string; readonly alertDays?: number } = {}): Promise<DepartureBoardView> {
    const people = await this.people();
    const alertDays = options.alertDays ?? this.alertDays;
    const board = departureBoard(people.map((p) => p.person), { at: options.at ?? this.now().toISOString(), alertDays, ...(this.options.derive === undefined ? {} : { derive: this.options.derive }) });
    const names = Object.fromEntries(people.map((p) => [p.person.personId, personName(p.person, Visibility.forPurpose(p, purpose))]));
    return { board, alertDays, names };
  }

  /** How many grants are in each state: figures only, for any dashboard. */
  async counts(at?: string): Promise<DepartureCounts> {
    const { board } = await this.board('oversight-audit', at === undefined ? {} : { at });
    return {
      due: board.due.length, alerts: board.alerts.length, verified: board.verified.length, 'departed-late': board.departedLate.length,
      overdue: board.overdue.length, suspended: board.suspended.length, ended: board.ended.length,
    };
  }

  /**
   * Raises the alerts not raised before (one ledger entry for the batch) and closes the open cases of
   * people whose departure the records now show (each closure its own ledger entry).
   */
  async sweep(casework: Casework): Promise<SweepReport> {
    const at = this.now().toISOString();
    const { board } = await this.board('departure-verification', { at });
    const actor = CaseActor.system('departure-verification');
    const alerts = board.alerts.map((w) => ({ grantRecordId: Number(w.grantRecordId), deadline: w.deadline, entityId: Number(w.personId), daysLeft: w.daysLeft }));
    const alertsRaised = await this.store.audited(actor.audit, CaseAction.departureAlert, 'departures', async (tx) => {
      const raised = await CaseStore.raiseAlerts(tx, alerts);
      return { value: raised, changed: raised.length > 0, details: { alertDays: this.alertDays, alerts: raised.map((a) => ({ person: a.entityId, grantRecord: a.grantRecordId, deadline: a.deadline, daysLeft: a.daysLeft })) } };
    });
    const departed = [...board.verified, ...board.departedLate].map((w: DepartureWatch) => Number(w.personId));
    const { closed } = await casework.recheck([...new Set(departed)]);
    return { at, alertsRaised, closed };
  }

  private async people(): Promise<LoadedPerson[]> {
    const ids = await PersonLoader.withVoluntaryDeparture(this.store.db);
    const band = await PersonLoader.reviewBand(this.store.db);
    const people: LoadedPerson[] = [];
    for (let i = 0; i < ids.length; i += 1000) {
      const page = await PersonLoader.loadMany(this.store.db, ids.slice(i, i + 1000), band);
      people.push(...page.values());
    }
    return people;
  }
}
