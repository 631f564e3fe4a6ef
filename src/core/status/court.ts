import { BusinessCalendar, IsoDay } from '../calendar/index.js';
import type { RecordEvent } from '../records/index.js';
import { Finding } from './finding.js';
import { PersonEvidence, type SourcedEvent } from './person-evidence.js';
import { analyzeVoluntaryDeparture, type VoluntaryDeparture } from './voluntary-departure.js';

type OrderOutcome = Extract<RecordEvent, { kind: 'order' }>['outcome'];
type AppealDecision = Extract<RecordEvent, { kind: 'appeal' }>['decision'];

export type Finality =
  | { readonly kind: 'final'; readonly since: IsoDay; readonly finding: Finding }
  | { readonly kind: 'not-final'; readonly finding: Finding };

/** The appeal that governs an order, as it stood at the moment. */
export interface AppealReading {
  readonly recordId: string;
  readonly filedOn: IsoDay;
  /** Received by the deadline; undefined where the order cannot be appealed. */
  readonly timely: boolean | undefined;
  readonly decision: AppealDecision;
}

/** The latest order of a case, read against 8 CFR 1003.38 and 1241.1. */
export interface CourtOrder {
  readonly kind: 'court-order';
  readonly caseNumber: string;
  readonly recordId: string;
  readonly date: IsoDay;
  readonly outcome: OrderOutcome;
  readonly inAbsentia: boolean;
  readonly appealWaived: boolean;
  readonly destination: string | undefined;
  readonly protectedCountry: string | undefined;
  /** The last day an appeal can be received; none for an order made in absentia or with appeal waived. */
  readonly appealDeadline: IsoDay | undefined;
  readonly appeal: AppealReading | undefined;
  readonly vacatedBy: Finding | undefined;
  readonly finality: Finality;
}

/**
 * Where a case stands: `pending` (no operative order), `order-not-final`, `final-order`,
 * `voluntary-departure` (period running), `departed-under-grant`, or `concluded` (relief or termination).
 */
export const CasePosture = ['pending', 'order-not-final', 'final-order', 'voluntary-departure', 'departed-under-grant', 'concluded'] as const;
export type CasePosture = (typeof CasePosture)[number];

/** A removal order that is final: its own, or the alternate order of a failed voluntary departure. */
export interface FinalRemovalOrder {
  readonly caseNumber: string;
  readonly since: IsoDay;
  readonly destination: string | undefined;
  readonly finding: Finding;
}

export interface CourtCase {
  readonly kind: 'court-case';
  readonly caseNumber: string;
  readonly commencedOn: IsoDay;
  readonly posture: CasePosture;
  /** Set exactly when the posture is `final-order`. */
  readonly finalOrder: FinalRemovalOrder | undefined;
  readonly order: CourtOrder | undefined;
  readonly voluntaryDeparture: VoluntaryDeparture | undefined;
  /** Stays the law applies without anyone asking: appeal period, appeal pending, in absentia reopening. */
  readonly automaticStays: readonly Finding[];
  /** A timely appeal or one whose fate is unsettled, still pending. */
  readonly pendingAppeal: Finding | undefined;
  /** The appeal period, while it is open. */
  readonly openAppealPeriod: { readonly deadline: IsoDay; readonly finding: Finding } | undefined;
  readonly findings: readonly Finding[];
  readonly unsettled: readonly Finding[];
  readonly recordIds: readonly string[];
}

/** The events of one case, by kind, each in date order. */
interface CaseEvents {
  readonly opened: readonly SourcedEvent<'court-case-opened'>[];
  readonly hearings: readonly SourcedEvent<'hearing'>[];
  readonly orders: readonly SourcedEvent<'order'>[];
  readonly grants: readonly SourcedEvent<'voluntary-departure-grant'>[];
  readonly appeals: readonly SourcedEvent<'appeal'>[];
  readonly motions: readonly SourcedEvent<'motion-to-reopen'>[];
  readonly petitions: readonly SourcedEvent<'petition-for-review'>[];
}

/** Every immigration-court case in the records, read as of the evidence's moment. */
export function analyzeCourtCases(evidence: PersonEvidence, calendar: BusinessCalendar): readonly CourtCase[] {
  const all: CaseEvents = {
    opened: PersonEvidence.eventsOf(evidence, 'court-case-opened'),
    hearings: PersonEvidence.eventsOf(evidence, 'hearing'),
    orders: PersonEvidence.eventsOf(evidence, 'order'),
    grants: PersonEvidence.eventsOf(evidence, 'voluntary-departure-grant'),
    appeals: PersonEvidence.eventsOf(evidence, 'appeal'),
    motions: PersonEvidence.eventsOf(evidence, 'motion-to-reopen'),
    petitions: PersonEvidence.eventsOf(evidence, 'petition-for-review'),
  };
  const caseNumbers = new Set(flatten(all).map((e) => e.event.caseNumber));
  return [...caseNumbers].sort().map((caseNumber) => {
    const mine = <E extends { readonly event: { readonly caseNumber: string } }>(list: readonly E[]): readonly E[] => list.filter((e) => e.event.caseNumber === caseNumber);
    const events: CaseEvents = {
      opened: mine(all.opened), hearings: mine(all.hearings), orders: mine(all.orders), grants: mine(all.grants),
      appeals: mine(all.appeals), motions: mine(all.motions), petitions: mine(all.petitions),
    };
    return analyzeCase(evidence, calendar, caseNumber, events);
  });
}

type CourtEvent = CaseEvents[keyof CaseEvents][number];

function flatten(events: CaseEvents): readonly CourtEvent[] {
  return [...events.opened, ...events.hearings, ...events.orders, ...events.grants, ...events.appeals, ...events.motions, ...events.petitions];
}

/** The appeal deadline of a decision: 30 calendar days, rolled to the next business day (8 CFR 1003.38(b)). */
export function appealDeadline(decidedOn: IsoDay, calendar: BusinessCalendar): IsoDay {
  return BusinessCalendar.onOrNextBusinessDay(calendar, IsoDay.addDays(decidedOn, 30));
}

function analyzeCase(evidence: PersonEvidence, calendar: BusinessCalendar, caseNumber: string, events: CaseEvents): CourtCase {
  const commencedOn = events.opened.at(0)?.event.date ?? flatten(events).map((e) => e.event.date).reduce((first, day) => IsoDay.min(first, day));
  const latestOrder = events.orders.at(-1);
  const latestGrant = events.grants.at(-1);

  const findings: Finding[] = [];
  const unsettled: Finding[] = [];
  const automaticStays: Finding[] = [];
  let pendingAppeal: Finding | undefined;
  let openAppealPeriod: CourtCase['openAppealPeriod'];

  // A grant governs when it is the latest word in the case, or when the latest order is the grant itself
  // (its grant record may carry another date): voluntary departure ends proceedings without a removal order.
  const vdGoverns = latestGrant !== undefined
    && (latestOrder === undefined || latestGrant.event.date >= latestOrder.event.date || latestOrder.event.outcome === 'voluntary-departure');
  const voluntaryDeparture = vdGoverns ? analyzeVoluntaryDeparture(evidence, latestGrant) : undefined;
  if (voluntaryDeparture !== undefined) {
    findings.push(...voluntaryDeparture.findings);
    unsettled.push(...voluntaryDeparture.unsettled);
  }
  if (latestOrder?.event.outcome === 'voluntary-departure' && !vdGoverns) {
    unsettled.push(Finding.of('law.unsettled', `Voluntary departure was granted on ${latestOrder.event.date} but no deadline is recorded.`, [latestOrder.recordId]));
  }

  let order: CourtOrder | undefined;
  if (latestOrder !== undefined) {
    const read = readOrder(evidence, calendar, latestOrder, events, voluntaryDeparture);
    order = read.order;
    findings.push(...read.findings);
    unsettled.push(...read.unsettled);
    automaticStays.push(...read.automaticStays);
    pendingAppeal = read.pendingAppeal;
    openAppealPeriod = read.openAppealPeriod;
  }

  const posture = postureOf(order, voluntaryDeparture);
  const recordIds = [...new Set(flatten(events).map((e) => e.recordId))].sort();
  if (posture === 'pending') findings.push(Finding.of('finality.not-final', `Removal proceedings in case ${caseNumber} commenced on ${commencedOn}; no operative order.`, recordIds));
  const finalOrder = posture === 'final-order' ? finalOrderOf(caseNumber, order, voluntaryDeparture) : undefined;
  return { kind: 'court-case', caseNumber, commencedOn, posture, finalOrder, order, voluntaryDeparture, automaticStays, pendingAppeal, openAppealPeriod, findings, unsettled, recordIds };
}

function finalOrderOf(caseNumber: string, order: CourtOrder | undefined, vd: VoluntaryDeparture | undefined): FinalRemovalOrder | undefined {
  if (order?.finality.kind === 'final') return { caseNumber, since: order.finality.since, destination: order.destination, finding: order.finality.finding };
  if (vd?.alternateOrderFinalSince === undefined) return undefined;
  const finding = vd.findings.find((f) => f.ruleId === 'voluntary-departure.overstayed' || f.ruleId === 'voluntary-departure.terminated');
  return { caseNumber, since: vd.alternateOrderFinalSince, destination: undefined, finding: finding ?? Finding.of('finality.voluntary-departure-overstayed', `The alternate removal order became final on ${vd.alternateOrderFinalSince}.`, [vd.recordId]) };
}

function postureOf(order: CourtOrder | undefined, vd: VoluntaryDeparture | undefined): CasePosture {
  if (order?.vacatedBy !== undefined) return 'pending';
  if (order !== undefined && (order.outcome === 'relief-granted' || order.outcome === 'terminated')) return 'concluded';
  if (order?.appeal?.decision === 'pending' && order.appeal.timely === true) return 'order-not-final';
  if (vd !== undefined) {
    switch (vd.state) {
      case 'running': return 'voluntary-departure';
      case 'suspended': return order?.finality.kind === 'final' ? 'final-order' : 'order-not-final';
      case 'complied': return 'departed-under-grant';
      case 'overstayed':
      case 'terminated': return 'final-order';
    }
  }
  if (order === undefined) return 'pending';
  return order.finality.kind === 'final' ? 'final-order' : 'order-not-final';
}

interface OrderReading {
  readonly order: CourtOrder;
  readonly findings: readonly Finding[];
  readonly unsettled: readonly Finding[];
  readonly automaticStays: readonly Finding[];
  readonly pendingAppeal: Finding | undefined;
  readonly openAppealPeriod: CourtCase['openAppealPeriod'];
}

function readOrder(evidence: PersonEvidence, calendar: BusinessCalendar, sourced: SourcedEvent<'order'>, events: CaseEvents, vd: VoluntaryDeparture | undefined): OrderReading {
  const { recordId, event } = sourced;
  const today = evidence.moment.day;
  const findings: Finding[] = [];
  const unsettled: Finding[] = [];
  const automaticStays: Finding[] = [];
  let pendingAppeal: Finding | undefined;
  let openAppealPeriod: CourtCase['openAppealPeriod'];
  const following = <E extends { readonly event: { readonly date: IsoDay } }>(list: readonly E[]): readonly E[] => list.filter((e) => e.event.date >= event.date);
  const appeals = following(events.appeals).map((e) => ({ ...e, decision: PersonEvidence.decisionAsOf(evidence, e.event.decision, e.event.decidedOn) }));
  const motions = following(events.motions).map((e) => ({ ...e, decision: PersonEvidence.decisionAsOf(evidence, e.event.decision, e.event.decidedOn) }));
  // A petition's decision date is not recorded: the decision is known once the record says so.
  const petitions = following(events.petitions).map((e) => ({ ...e, decision: e.event.decision }));

  const base = {
    kind: 'court-order' as const, caseNumber: event.caseNumber, recordId, date: event.date, outcome: event.outcome,
    inAbsentia: event.inAbsentia, appealWaived: event.appealWaived, destination: event.destination, protectedCountry: event.protectedCountry,
  };

  // Set aside: appeal sustained or remanded, reopening granted, or petition granted.
  const vacating = [
    ...appeals.filter((e) => e.decision === 'sustained' || e.decision === 'remanded'),
    ...motions.filter((e) => e.decision === 'granted'),
    ...petitions.filter((e) => e.decision === 'granted'),
  ].at(0);
  if (vacating !== undefined) {
    const vacatedBy = Finding.of('court.order-vacated', `The order of ${event.date} was set aside (${vacating.event.kind.replace(/-/g, ' ')} ${vacating.decision}).`, [recordId, vacating.recordId]);
    findings.push(vacatedBy);
    const finality = { kind: 'not-final' as const, finding: vacatedBy };
    return { order: { ...base, appealDeadline: undefined, appeal: undefined, vacatedBy, finality }, findings, unsettled, automaticStays, pendingAppeal, openAppealPeriod };
  }
  if (event.outcome === 'relief-granted' || event.outcome === 'terminated') {
    const finding = Finding.of('court.relief-or-termination', `Proceedings ended on ${event.date}: ${event.outcome === 'terminated' ? 'terminated' : 'relief granted'}; there is no removal order.`, [recordId]);
    findings.push(finding);
    return { order: { ...base, appealDeadline: undefined, appeal: undefined, vacatedBy: undefined, finality: { kind: 'not-final', finding } }, findings, unsettled, automaticStays, pendingAppeal, openAppealPeriod };
  }

  const deadline = event.inAbsentia || event.appealWaived ? undefined : appealDeadline(event.date, calendar);
  if (deadline !== undefined) findings.push(Finding.of('court.appeal-deadline', `Decision of ${event.date}: an appeal must be received by ${deadline}.`, [recordId]));

  // A pending appeal governs over a decided one: it is the live question.
  const governing = appeals.find((a) => a.decision === 'pending') ?? appeals.at(-1);
  const appeal: AppealReading | undefined = governing === undefined ? undefined : {
    recordId: governing.recordId, filedOn: governing.event.date,
    timely: deadline === undefined ? undefined : governing.event.date <= deadline,
    decision: governing.decision,
  };
  if (event.inAbsentia) {
    findings.push(Finding.of('court.in-absentia-not-appealable', `The order of ${event.date} was made in absentia: it cannot be appealed; a motion to reopen is the remedy.`, [recordId]));
  }

  let finality: Finality;
  if (event.inAbsentia) {
    finality = { kind: 'final', since: event.date, finding: Finding.of('finality.in-absentia', `Made in absentia on ${event.date}: final at once.`, [recordId]) };
    if (appeal?.decision === 'pending') {
      unsettled.push(Finding.of('law.unsettled', `An appeal filed on ${appeal.filedOn} against an in absentia order is pending; the Board must rule on it.`, [recordId, appeal.recordId]));
    }
  } else if (event.appealWaived) {
    finality = { kind: 'final', since: event.date, finding: Finding.of('finality.appeal-waived', `Appeal waived on ${event.date}: final at once.`, [recordId]) };
    if (appeal?.decision === 'pending') {
      unsettled.push(Finding.of('law.unsettled', `An appeal filed on ${appeal.filedOn} despite the waiver is pending; whether the waiver was valid is for a person.`, [recordId, appeal.recordId]));
    }
  } else if (appeal?.decision === 'pending' && appeal.timely === true) {
    finality = { kind: 'not-final', finding: Finding.of('finality.not-final', `An appeal received on ${appeal.filedOn} is pending.`, [recordId, appeal.recordId]) };
    pendingAppeal = Finding.of('stay.automatic.appeal-pending', `An appeal received on ${appeal.filedOn} is pending: removal is stayed.`, [recordId, appeal.recordId]);
    automaticStays.push(pendingAppeal);
  } else if (appeal?.decision === 'dismissed' && appeal.timely === true) {
    const on = governing?.event.decidedOn ?? appeal.filedOn;
    finality = { kind: 'final', since: on, finding: Finding.of('finality.appeal-dismissed', `The Board dismissed the appeal on ${on}: final.`, [recordId, appeal.recordId]) };
  } else if (deadline !== undefined && today <= deadline) {
    finality = { kind: 'not-final', finding: Finding.of('finality.not-final', `The appeal period runs until ${deadline}.`, [recordId]) };
    const stay = Finding.of('stay.automatic.appeal-period', `The appeal period runs until ${deadline}: the decision is not executed meanwhile.`, [recordId]);
    automaticStays.push(stay);
    openAppealPeriod = { deadline, finding: stay };
  } else {
    const expiry = IsoDay.addDays(deadline ?? event.date, 1);
    finality = { kind: 'final', since: expiry, finding: Finding.of('finality.appeal-period-expired', `No timely appeal by ${deadline ?? event.date}: final on ${expiry}.`, [recordId]) };
    if (appeal !== undefined && appeal.timely === false) {
      const late = Finding.of('law.unsettled', `An appeal received on ${appeal.filedOn}, after the deadline ${deadline ?? ''}, is ${appeal.decision}; the Board decides whether to accept it.`, [recordId, appeal.recordId]);
      if (appeal.decision === 'pending') {
        unsettled.push(late);
        pendingAppeal = late;
      } else findings.push(late);
    }
  }

  // The removal order of a voluntary-departure case is only an alternate order (8 CFR 1241.1(f)).
  if (vd !== undefined && finality.kind === 'final' && !(appeal?.decision === 'pending')) {
    finality = vd.alternateOrderFinalSince === undefined
      ? { kind: 'not-final', finding: Finding.of('finality.not-final', `The removal order is an alternate order to voluntary departure (${vd.state}).`, [recordId, vd.recordId]) }
      : { kind: 'final', since: vd.alternateOrderFinalSince, finding: Finding.of(vd.state === 'overstayed' ? 'finality.voluntary-departure-overstayed' : 'voluntary-departure.terminated', `The alternate removal order became final on ${vd.alternateOrderFinalSince}.`, [recordId, vd.recordId]) };
  }
  findings.push(finality.finding);

  for (const motion of motions) {
    if (motion.decision !== 'pending') continue;
    if (event.inAbsentia) {
      automaticStays.push(Finding.of('stay.automatic.in-absentia-reopening', `A motion to reopen the in absentia order, filed on ${motion.event.date}, is pending: removal is stayed.`, [recordId, motion.recordId]));
    } else {
      findings.push(Finding.of('stay.granted', `A motion to reopen filed on ${motion.event.date} is pending; it stays removal only if a stay is granted.`, [recordId, motion.recordId]));
    }
  }
  for (const petition of petitions) {
    if (petition.decision !== 'pending') continue;
    findings.push(Finding.of('stay.petition-for-review', `A petition for review filed on ${petition.event.date} is pending; it does not stay removal unless the court orders a stay.`, [recordId, petition.recordId]));
  }

  return { order: { ...base, appealDeadline: deadline, appeal, vacatedBy: undefined, finality }, findings, unsettled, automaticStays, pendingAppeal, openAppealPeriod };
}
