import { BusinessCalendar, IsoDay, Moment } from '../calendar/index.js';
import { ApplicationForm, type ApplicationPurpose } from './application-form.js';
import { pendingApplications, type PendingApplication } from './applications.js';
import { citizenshipIndications } from './citizenship.js';
import { analyzeCourtCases } from './court.js';
import type { CriminalDisposition, DerivedStatus, DerivedStatusKind } from './derived-status.js';
import { Finding } from './finding.js';
import { permanentResidence } from './permanent-residence.js';
import { PersonEvidence } from './person-evidence.js';
import { protectionsInEffect } from './protections.js';
import type { ResolvedPerson } from './resolved-person.js';
import { grantedStaysInEffect } from './stays.js';
import { unlawfulPresence, type UnlawfulPresence } from './unlawful-presence.js';
import { recordedDepartures } from './voluntary-departure.js';

export interface DeriveOptions {
  /** Business days for appeal deadlines; federal holidays by default. */
  readonly calendar?: BusinessCalendar;
}

/**
 * Derives a person's legal status at a moment (a day, or an instant for stays) from the resolved records.
 * Citizenship and residence come first: no later rule can turn a citizen or resident into an overstay.
 *
 * @example deriveStatus(person, '2026-03-02').status // 'final-order'
 */
export function deriveStatus(person: ResolvedPerson, at: Moment | string, options: DeriveOptions = {}): DerivedStatus {
  const moment = typeof at === 'string' ? Moment.parse(at) : at;
  const calendar = options.calendar ?? BusinessCalendar.federal();
  const evidence = PersonEvidence.of(person, moment);
  const today = moment.day;

  const residence = permanentResidence(evidence);
  const citizenship = citizenshipIndications(evidence, residence);
  const courtCases = analyzeCourtCases(evidence, calendar);
  const departures = recordedDepartures(evidence);
  const presence = unlawfulPresence({ evidence, residence, departures, proceedingsCommenced: courtCases.map((c) => c.commencedOn) });
  const applications = pendingApplications(evidence);
  const protections = protectionsInEffect(evidence, courtCases);
  const stays = [...grantedStaysInEffect(evidence), ...courtCases.flatMap((c) => c.automaticStays)];
  const voluntaryDepartures = courtCases.flatMap((c) => (c.voluntaryDeparture === undefined ? [] : [c.voluntaryDeparture]));

  // The most recent final order is the operative one.
  const finalRemovalOrder = courtCases
    .flatMap((c) => (c.finalOrder === undefined ? [] : [c.finalOrder]))
    .sort((a, b) => (a.since < b.since ? 1 : -1))
    .at(0);

  // Ended only by a final order later than every record of residence: a later grant restores it.
  const permanentResidenceTerminated = residence?.lastShown !== undefined && finalRemovalOrder !== undefined && finalRemovalOrder.since >= residence.lastShown
    ? Finding.of('permanent-residence.terminated', `Permanent residence (last shown on ${residence.lastShown}) ended when the removal order in case ${finalRemovalOrder.caseNumber} became final on ${finalRemovalOrder.since}.`, [...Finding.recordIds(residence.findings), ...finalRemovalOrder.finding.recordIds])
    : undefined;

  const lastExit = presence.sojourns.at(-1)?.departure;
  const presentSince = lastExit === undefined ? [] : presenceAfter(evidence, lastExit.date);
  const departed = lastExit === undefined || presentSince.length > 0 ? undefined : {
    ...lastExit,
    finding: Finding.of('movement.departed', `Departed on ${lastExit.date} (${lastExit.evidence.replace(/-/g, ' ')}); no later arrival is recorded.`, [lastExit.recordId]),
  };
  const returned = lastExit === undefined || presentSince.length === 0 ? [] : [Finding.of('movement.present-after-departure',
    `Departed on ${lastExit.date}, but later records need presence in the United States: ${presentSince.map((p) => p.what).join('; ')}. The return was not recorded.`,
    [lastExit.recordId, ...presentSince.map((p) => p.recordId)])];

  const dispositions = PersonEvidence.eventsOf(evidence, 'criminal-disposition');
  const toDisposition = ({ recordId, event }: (typeof dispositions)[number]): CriminalDisposition => ({ recordId, date: event.date, offenceCategory: event.offenceCategory });
  const convictions = dispositions.filter((d) => d.event.disposition === 'convicted').map(toDisposition);
  const pendingCharges = dispositions.filter((d) => d.event.disposition === 'pending').map(toDisposition);

  const dob = PersonEvidence.latestDateOfBirth(evidence);
  const age = dob === undefined || dob.value > today ? undefined : { years: IsoDay.yearsBetween(dob.value, today), dateOfBirth: dob.value };

  const conflicts: Finding[] = [];
  const distinctBirthDates = new Set(evidence.datesOfBirth.map((d) => d.value));
  if (distinctBirthDates.size > 1) {
    conflicts.push(Finding.of('record.conflict', `The records give ${distinctBirthDates.size} dates of birth (${[...distinctBirthDates].sort().join(', ')}); the latest is used, which keeps every protection for minors.`, evidence.datesOfBirth.map((d) => d.recordId)));
  }
  const visaFindings = PersonEvidence.eventsOf(evidence, 'visa-issued').map(({ recordId, event }) =>
    Finding.of('admission.visa-validity', `Visa ${event.visaClass} issued on ${event.date}${event.validUntil === undefined ? '' : `, valid until ${event.validUntil}`}; it governs entry only, not the length of stay.`, [recordId]));

  const { status, basis } = headline({
    citizenship: citizenship.map((c) => c.finding).sort((a, b) => rank(a) - rank(b)),
    residence: residence !== undefined && permanentResidenceTerminated === undefined ? residence.findings[0] : undefined,
    departed: departed?.finding,
    protection: protections.at(0)?.finding,
    finalOrder: finalRemovalOrder?.finding,
    voluntaryDeparture: voluntaryDepartures.find((vd) => vd.state === 'running')?.findings.find((f) => f.ruleId === 'voluntary-departure.running'),
    proceedings: courtCases.find((c) => c.posture === 'pending' || c.posture === 'order-not-final'),
    presence,
    applications,
    today,
  });

  const unsettled = courtCases.flatMap((c) => c.unsettled);
  const findings = [
    ...citizenship.map((c) => c.finding),
    ...(residence?.findings ?? []),
    ...(permanentResidenceTerminated === undefined ? [] : [permanentResidenceTerminated]),
    ...visaFindings,
    ...presence.findings,
    ...applications.map((a) => a.finding),
    ...protections.map((p) => p.finding),
    ...courtCases.flatMap((c) => c.findings),
    ...stays,
    ...(departed === undefined ? [] : [departed.finding]),
    ...returned,
    ...conflicts,
    ...unsettled,
  ];
  return {
    kind: 'derived-status', personId: person.personId, moment, status, basis, citizenship, permanentResidence: residence, permanentResidenceTerminated,
    unlawfulPresence: presence, pendingApplications: applications, protections, courtCases, finalRemovalOrder, stays, voluntaryDepartures, departures, departed,
    convictions, pendingCharges, age, unsettled, findings: uniqueFindings(findings),
  };
}

/**
 * Records after `day` that need the person in the United States: a hearing attended, or a filing that
 * requires physical presence. Convictions are left out: a disposition can be entered through counsel.
 */
function presenceAfter(evidence: PersonEvidence, day: IsoDay): { recordId: string; what: string }[] {
  const inCountryForms: readonly ApplicationPurpose[] = ['asylum', 'adjustment-of-status', 'extension-or-change-of-status', 'temporary-protected-status', 'deferred-action'];
  return [
    ...PersonEvidence.eventsOf(evidence, 'hearing').filter(({ event }) => event.attended === true && event.date > day).map(({ recordId, event }) => ({ recordId, what: `a hearing attended on ${event.date}` })),
    ...PersonEvidence.eventsOf(evidence, 'benefit-application').filter(({ event }) => event.date > day && inCountryForms.includes(ApplicationForm.purpose(event.form))).map(({ recordId, event }) => ({ recordId, what: `${event.form} filed on ${event.date}` })),
  ];
}

/** Documentary proof before weaker indications, for the headline basis. */
function rank(finding: Finding): number {
  const order = ['citizenship.us-passport', 'citizenship.naturalization', 'citizenship.certificate', 'citizenship.derivation-ina-320'];
  const index = order.indexOf(finding.ruleId);
  return index === -1 ? order.length : index;
}

interface HeadlineInputs {
  readonly citizenship: readonly Finding[];
  readonly residence: Finding | undefined;
  readonly departed: Finding | undefined;
  readonly protection: Finding | undefined;
  readonly finalOrder: Finding | undefined;
  readonly voluntaryDeparture: Finding | undefined;
  readonly proceedings: { readonly caseNumber: string; readonly findings: readonly Finding[]; readonly recordIds: readonly string[] } | undefined;
  readonly presence: UnlawfulPresence;
  readonly applications: readonly PendingApplication[];
  readonly today: IsoDay;
}

/** The headline, in strict precedence: the first rule that applies decides. */
function headline(inputs: HeadlineInputs): { status: DerivedStatusKind; basis: Finding } {
  const { citizenship, residence, departed, protection, finalOrder, voluntaryDeparture, proceedings, presence, applications, today } = inputs;
  const first = citizenship.at(0);
  if (first !== undefined) return { status: 'citizen', basis: first };
  if (residence !== undefined) return { status: 'permanent-resident', basis: residence };
  if (departed !== undefined) return { status: 'departed', basis: departed };
  if (protection !== undefined) return { status: 'protected', basis: protection };
  if (finalOrder !== undefined) return { status: 'final-order', basis: finalOrder };
  if (voluntaryDeparture !== undefined) return { status: 'voluntary-departure', basis: voluntaryDeparture };
  if (proceedings !== undefined) {
    return { status: 'in-proceedings', basis: proceedings.findings.at(-1) ?? Finding.of('finality.not-final', `Removal proceedings in case ${proceedings.caseNumber} are open.`, proceedings.recordIds) };
  }

  const activeToday = presence.tolling.filter((p) => (p.from === undefined || p.from <= today) && (p.to === undefined || p.to >= today));
  const extended = activeToday.find((p) => p.reason === 'stay-extended');
  const authorizing = activeToday.find((p) => p.reason === 'extension-pending' || p.reason === 'asylum-pending' || p.reason === 'adjustment-pending');
  const current = presence.current;
  if (current?.authorizedStayEnded === true) {
    if (extended !== undefined) return { status: 'in-status', basis: extended.finding };
    if (authorizing !== undefined) return { status: 'authorized-pending', basis: authorizing.finding };
    return { status: 'overstay', basis: current.stayEndedBy ?? Finding.of('unlawful-presence.start', `The authorized stay has ended (${current.authorizedUntil ?? current.unlawfulPresenceFrom ?? today}).`) };
  }
  if (current !== undefined && (current.authorizedUntil !== undefined || current.durationOfStatus)) {
    return { status: 'in-status', basis: current.findings.find((f) => f.ruleId === 'admission.period') ?? Finding.of('admission.period', 'Inside the authorized stay.') };
  }
  if (extended !== undefined) return { status: 'in-status', basis: extended.finding };
  if (authorizing !== undefined) return { status: 'authorized-pending', basis: authorizing.finding };
  const pendingSummary = applications.length === 0 ? '' : ` Pending: ${applications.map((a) => a.form).join(', ')}.`;
  const why = current === undefined ? 'No arrival in the United States is recorded.' : 'The arrival record gives no authorized period.';
  return { status: 'undetermined', basis: Finding.of('status.undetermined', `${why}${pendingSummary} No status is concluded.`, current?.arrival === undefined ? [] : [current.arrival.recordId]) };
}

function uniqueFindings(findings: readonly Finding[]): readonly Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.ruleId}|${finding.explanation}|${finding.recordIds.join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
