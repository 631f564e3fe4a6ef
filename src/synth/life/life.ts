import type { Day } from '../calendar.js';
import { isoDay, yearOf } from '../calendar.js';
import type { Emission } from '../emission.js';
import type { Numbering } from '../numbering.js';
import type { Person } from '../person.js';
import { addressOn } from '../person.js';
import type { Random } from '../random.js';
import { AIRPORTS, CANADIAN_BORDER, courtFor, criminalCourtFor, MEXICAN_BORDER, POSTS, flightTo, removalFlight } from './places.js';
import { TruthState } from './truth-state.js';

/**
 * Citizenship documents are kept for good, whatever their age: the Department of State holds passport
 * records from 1925 and every Consular Report of Birth Abroad, and USCIS keeps naturalization and
 * citizenship certificates (and the notes of a citizen parent on a child's file) in the permanent
 * A-file. The other systems hold nothing older than `World.recordsFrom`.
 */
export function isPermanentRecord(emission: Emission): boolean {
  return emission.source === 'us-passports' || (emission.source === 'lpr-naturalization' && emission.recordType !== 'LPR');
}

/** What every life in one run shares. */
export interface World {
  readonly asOf: Day;
  /** The first day records may carry: the systems' data starts here (citizenship documents excepted). */
  readonly recordsFrom: Day;
  readonly numbering: Numbering;
}

export type Travel = 'air' | 'land-mex' | 'land-can';
export type Departure = Travel | 'removal';

/** Where and how one crossing happens. */
export interface Trip {
  readonly port: string;
  readonly carrier: string;
  readonly flight: string;
}

/**
 * One person's way through the system: each step updates the true state and writes what the
 * systems record about it. Steps dated after the as-of date do nothing and return false, so a
 * narrative simply stops at the present.
 */
export class Life {
  readonly truth = new TruthState();
  private readonly counts = { i94: 0, foil: 0, sevis: 0, receipt: 0, courtCase: 0, criminalCase: 0, certificate: 0, usPassport: 0 };
  private currentI94 = '';
  caseNumber: string | undefined;
  court = '';
  /** A US-citizen parent lives in the United States, so visa applications name them as a citizen. */
  citizenParentInUs = false;

  constructor(readonly person: Person, readonly world: World, readonly random: Random) {}

  /** Whether `day` has happened by the as-of date. */
  happened(day: Day): boolean {
    return day <= this.world.asOf;
  }

  private emit(emission: Emission): void {
    if (emission.date >= this.world.recordsFrom || isPermanentRecord(emission)) this.person.emissions.push(emission);
  }

  ensureANumber(): void {
    this.person.aNumber ??= this.world.numbering.aNumber(this.person.index);
  }

  visa(requested: Day, visaClass: string, validDays: number, refused = false): boolean {
    // A baby's visa cannot predate the birth: it is issued in the first weeks of life.
    const date = Math.max(requested, this.person.dob + 14);
    if (!this.happened(date)) return false;
    const origin = this.person.household.origin.code;
    this.emit({
      source: 'visa-issuance', date, visaClass, validUntil: date + validDays,
      foil: refused ? '' : this.world.numbering.foil(this.person.index, this.counts.foil++),
      post: this.random.pick(POSTS[origin] ?? ['OTT']), outcome: refused ? 'REFUSED' : 'ISSUED', parentInUs: this.citizenParentInUs ? 'US_CITIZEN' : undefined,
    });
    return true;
  }

  /** A port, carrier and flight for one crossing, drawn once so a family travelling together shares them. */
  trip(travel: Departure): Trip {
    const destination = this.person.household.origin.code;
    if (travel === 'removal') return { port: this.random.pick(['AEX', 'ELP', 'HRL', 'MIA', 'SAT']), ...removalFlight(this.random) };
    if (travel === 'air') return { port: AIRPORTS.sample(this.random), ...flightTo(this.random, destination) };
    return { port: travel === 'land-can' ? CANADIAN_BORDER.sample(this.random) : MEXICAN_BORDER.sample(this.random), carrier: '', flight: '' };
  }

  /** An inspected admission: `until` undefined for duration of status; `recorded` false for land entries that leave no I-94. */
  arrive(date: Day, cls: string, until: Day | undefined, travel: Travel, recorded = true, trip: Trip = this.trip(travel)): boolean {
    if (!this.happened(date)) return false;
    this.truth.present = true;
    this.truth.admission = { cls, until };
    this.truth.lastArrivalRecorded = recorded;
    if (recorded) {
      this.currentI94 = this.world.numbering.i94(this.person.index, this.counts.i94++);
      this.emit({
        source: 'arrivals-departures', date, movement: 'A', classOfAdmission: cls, admitUntil: until, durationOfStatus: until === undefined && cls !== 'LPR',
        port: trip.port, i94: this.currentI94, carrier: trip.carrier,
      });
    }
    return true;
  }

  /** A new I-94 from an approved extension or change of status. */
  newAdmission(date: Day, cls: string, until: Day | undefined): void {
    this.truth.admission = { cls, until };
    this.truth.pending = undefined;
    this.currentI94 = this.world.numbering.i94(this.person.index, this.counts.i94++);
    this.emit({ source: 'arrivals-departures', date, movement: 'U', classOfAdmission: cls, admitUntil: until, durationOfStatus: until === undefined, port: '', i94: this.currentI94, carrier: '' });
  }

  enterWithoutInspection(date: Day): boolean {
    if (!this.happened(date)) return false;
    this.truth.present = true;
    this.truth.admission = undefined;
    this.truth.lastArrivalRecorded = true;
    this.truth.facts.add('entered-without-inspection');
    return true;
  }

  /** A departure and whatever evidence of it the systems caught: manifests, the I-94 record, biometric exit. */
  depart(date: Day, how: Departure, trip: Trip = this.trip(how), boarding = this.random.between(6 * 60, 23 * 60 + 30)): boolean {
    if (!this.happened(date)) return false;
    this.truth.present = false;
    this.truth.pending = undefined;
    const destination = this.person.household.origin.code;
    let recorded = false;
    if (how === 'air' || how === 'removal') {
      if (this.random.chance(how === 'removal' ? 1 : 0.97)) {
        recorded = true;
        this.emit({ source: 'departure-manifests', date, carrier: trip.carrier, flight: trip.flight, port: trip.port, destination });
        if (this.random.chance(0.95)) this.departureRecord(date, trip.port);
        if (how === 'air' && this.random.chance(0.35)) {
          const minutes = boarding + this.random.below(4);
          const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
          this.emit({ source: 'biometric-exit', date, time, port: trip.port, flight: trip.flight, score: this.random.between(880, 999) });
        }
      }
    } else if (this.random.chance(how === 'land-can' ? 0.85 : 0.05)) {
      // Canada shares its entry records (a US exit); Mexico does not, so land exits south mostly go unrecorded.
      recorded = true;
      this.departureRecord(date, trip.port);
    }
    this.truth.lastDepartureRecorded = recorded;
    return true;
  }

  private departureRecord(date: Day, port: string): void {
    const admission = this.truth.admission;
    this.emit({
      source: 'arrivals-departures', date, movement: 'D', classOfAdmission: admission?.cls ?? '', admitUntil: admission?.until,
      durationOfStatus: false, port, i94: this.currentI94 === '' ? this.world.numbering.i94(this.person.index, this.counts.i94++) : this.currentI94, carrier: '',
    });
  }

  student(date: Day, status: 'ACTIVE' | 'COMPLETED' | 'TERMINATED' | 'VIOLATION', school: string, programStart: Day, programEnd: Day, visaClass: string, slot: number): boolean {
    if (!this.happened(date)) return false;
    this.emit({ source: 'student-status', date, sevisId: this.world.numbering.sevis(this.person.index, slot), status, school, programStart, programEnd, visaClass });
    return true;
  }

  /** A benefit application as USCIS records it; the narrative applies its effect on the true status. */
  file(form: string, date: Day, decision: 'PENDING' | 'APPROVED' | 'DENIED' | 'WITHDRAWN', details: {
    readonly decidedOn?: Day; readonly timely?: boolean; readonly grant?: 'COS' | 'TPS' | 'DEFERRED_ACTION'; readonly validUntil?: Day;
    readonly currentClass?: string; readonly requestedClass?: string; readonly tpsCountry?: string;
  } = {}): boolean {
    if (!this.happened(date)) return false;
    if (form !== 'I-129' && form !== 'I-539' && form !== 'I-765') this.ensureANumber();
    const decided = details.decidedOn !== undefined && this.happened(details.decidedOn);
    const center = this.random.pick(['IOE', 'EAC', 'WAC', 'LIN', 'SRC', 'MSC', 'NBC']);
    this.emit({
      source: 'benefit-applications', date, form, receipt: this.world.numbering.receipt(this.person.index, this.counts.receipt++, center),
      decision: decided ? decision : 'PENDING', decidedOn: decided ? details.decidedOn : undefined, timely: details.timely,
      grant: decided && decision === 'APPROVED' ? details.grant : undefined, validUntil: decided && decision === 'APPROVED' ? details.validUntil : undefined,
      currentClass: details.currentClass, requestedClass: details.requestedClass, tpsCountry: details.tpsCountry,
    });
    return true;
  }

  permanentResidence(date: Day, classCode: string): boolean {
    if (!this.happened(date)) return false;
    this.ensureANumber();
    this.truth.permanentResidentSince = date;
    this.truth.pending = undefined;
    this.emit({ source: 'lpr-naturalization', date, recordType: 'LPR', classCode, certificate: undefined, basis: undefined, parentCitizenSince: undefined, custody: undefined, bornAbroadToCitizen: undefined });
    return true;
  }

  naturalize(date: Day): boolean {
    if (!this.happened(date)) return false;
    this.truth.citizenSince = date;
    this.truth.facts.add('naturalized');
    this.emit({ source: 'lpr-naturalization', date, recordType: 'NATZ', classCode: undefined, certificate: this.world.numbering.certificate(this.person.index, this.counts.certificate++), basis: undefined, parentCitizenSince: undefined, custody: undefined, bornAbroadToCitizen: undefined });
    return true;
  }

  citizenshipCertificate(date: Day, basis: 'DERIVATION' | 'ACQUISITION'): boolean {
    if (!this.happened(date)) return false;
    this.ensureANumber();
    this.emit({ source: 'lpr-naturalization', date, recordType: 'CERT', classCode: undefined, certificate: this.world.numbering.certificate(this.person.index, this.counts.certificate++), basis, parentCitizenSince: undefined, custody: undefined, bornAbroadToCitizen: undefined });
    return true;
  }

  /** A record on the child's file that a parent is (or was at the birth) a US citizen. */
  parentCitizenship(date: Day, parentSince: Day | undefined, custody: boolean | undefined, bornAbroad: boolean): boolean {
    if (!this.happened(date)) return false;
    this.emit({ source: 'lpr-naturalization', date, recordType: 'PARENT', classCode: undefined, certificate: undefined, basis: undefined, parentCitizenSince: parentSince, custody, bornAbroadToCitizen: bornAbroad });
    return true;
  }

  usPassport(date: Day, crba: boolean): boolean {
    if (!this.happened(date)) return false;
    const number = this.world.numbering.usPassport(this.person.index, this.counts.usPassport++);
    this.emit({ source: 'us-passports', date, recordType: crba ? 'CRBA' : 'PASSPORT', number, expires: crba ? undefined : date + (yearOf(date) - yearOf(this.person.dob) < 16 ? 5 : 10) * 365 });
    return true;
  }

  openCase(date: Day): boolean {
    if (!this.happened(date)) return false;
    this.ensureANumber();
    this.caseNumber = this.world.numbering.courtCase(this.person.index, this.counts.courtCase++);
    this.court = courtFor(this.random, addressOn(this.person, date)?.city);
    this.truth.court = { open: true, finalFrom: undefined, vdDeadline: undefined };
    this.emit({ source: 'court-dockets', date, caseNumber: this.caseNumber, rowType: 'NTA', attended: undefined, court: this.court });
    return true;
  }

  hearing(date: Day, kind: 'MASTER' | 'INDIVIDUAL', attended: boolean): boolean {
    if (!this.happened(date) || this.caseNumber === undefined) return false;
    this.emit({ source: 'court-dockets', date, caseNumber: this.caseNumber, rowType: kind, attended, court: this.court });
    return true;
  }

  order(date: Day, outcome: 'RM' | 'VD' | 'RL' | 'TR' | 'WH' | 'CAT', inAbsentia = false, appealWaived = false): boolean {
    if (!this.happened(date) || this.caseNumber === undefined) return false;
    const origin = this.person.household.origin.code;
    const protects = outcome === 'WH' || outcome === 'CAT';
    this.emit({
      source: 'court-orders', date, caseNumber: this.caseNumber, outcome, inAbsentia, appealWaived,
      protectedCountry: protects ? origin : undefined, destination: outcome === 'RM' || protects ? origin : undefined, court: this.court,
    });
    const court = this.truth.court ?? { open: true, finalFrom: undefined, vdDeadline: undefined };
    this.truth.court = court;
    court.open = false;
    // An order is final once appeal is waived or the 30 days to appeal run out; one in absentia cannot be appealed.
    const final = inAbsentia || appealWaived ? date : date + 30;
    switch (outcome) {
      case 'RM':
        court.finalFrom = final;
        if (inAbsentia) this.truth.facts.add('in-absentia-order');
        break;
      case 'VD':
        break;
      case 'RL':
        break;
      case 'TR':
        this.truth.court = undefined;
        break;
      case 'WH':
        court.finalFrom = final;
        this.truth.protection = { kind: 'withholding', until: undefined };
        this.truth.facts.add('withholding-of-removal');
        break;
      case 'CAT':
        court.finalFrom = final;
        this.truth.protection = { kind: 'cat', until: undefined };
        this.truth.facts.add('cat-protection');
        break;
    }
    return true;
  }

  voluntaryDeparture(date: Day, deadline: Day, stage: 'PRE' | 'POST'): boolean {
    if (!this.happened(date) || this.caseNumber === undefined) return false;
    this.emit({ source: 'voluntary-departure', date, caseNumber: this.caseNumber, deadline, stage });
    if (this.truth.court !== undefined) this.truth.court.vdDeadline = deadline;
    return true;
  }

  /** The voluntary-departure period ran out with the person still here: the alternate removal order takes effect. */
  voluntaryDepartureMissed(): void {
    const court = this.truth.court;
    if (court === undefined) return;
    court.finalFrom = (court.vdDeadline ?? this.world.asOf) + 1;
    court.vdDeadline = undefined;
    this.truth.facts.add('voluntary-departure-missed');
  }

  appeal(date: Day, decision: 'PENDING' | 'DISMISSED' | 'SUSTAINED' | 'REMANDED', decidedOn: Day | undefined): boolean {
    if (!this.happened(date) || this.caseNumber === undefined) return false;
    const decided = decidedOn !== undefined && this.happened(decidedOn);
    this.emit({ source: 'appeals', date, caseNumber: this.caseNumber, filing: 'APPEAL', decision: decided ? decision : 'PENDING', decidedOn: decided ? decidedOn : undefined });
    const court = this.truth.court;
    if (court === undefined) return true;
    if (!decided) {
      court.finalFrom = undefined;
      court.open = true;
      this.truth.facts.add('appeal-pending');
    } else if (decision === 'DISMISSED') {
      court.finalFrom = decidedOn;
      court.open = false;
    } else {
      court.finalFrom = undefined;
      court.open = true;
    }
    return true;
  }

  motionToReopen(date: Day, decision: 'PENDING' | 'GRANTED' | 'DENIED', decidedOn: Day | undefined): boolean {
    if (!this.happened(date) || this.caseNumber === undefined) return false;
    const decided = decidedOn !== undefined && this.happened(decidedOn);
    this.emit({ source: 'appeals', date, caseNumber: this.caseNumber, filing: 'MTR', decision: decided ? decision : 'PENDING', decidedOn: decided ? decidedOn : undefined });
    if (decided && decision === 'GRANTED' && this.truth.court !== undefined) {
      this.truth.court.finalFrom = undefined;
      this.truth.court.open = true;
      this.truth.facts.add('motion-to-reopen-granted');
    }
    return true;
  }

  petitionForReview(date: Day, decision: 'PENDING' | 'GRANTED' | 'DENIED'): boolean {
    if (!this.happened(date) || this.caseNumber === undefined) return false;
    this.emit({ source: 'appeals', date, caseNumber: this.caseNumber, filing: 'PFR', decision, decidedOn: undefined });
    return true;
  }

  /** A stay of removal; `at` is the moment it was granted when that matters (hours before a flight). */
  stay(date: Day, by: 'IJ' | 'BIA' | 'FED' | 'ICE', at: string | undefined, until: Day | undefined): boolean {
    if (!this.happened(date)) return false;
    this.emit({ source: 'stays', date, caseNumber: this.caseNumber ?? '', grantedBy: by, at, until, lifted: undefined });
    this.truth.facts.add('stay-of-removal');
    return true;
  }

  criminal(date: Day, offence: string, disposition: 'CONVICTED' | 'ACQUITTED' | 'DISMISSED' | 'PENDING'): boolean {
    if (!this.happened(date)) return false;
    const caseNumber = this.world.numbering.criminalCase(this.person.index, this.counts.criminalCase++, yearOf(date));
    this.emit({ source: 'criminal-dispositions', date, caseNumber, offence, disposition, court: criminalCourtFor(addressOn(this.person, date)?.city) });
    if (disposition === 'CONVICTED') this.truth.facts.add('criminal-conviction');
    return true;
  }

  /** An ISO timestamp with the Eastern offset, for stays granted at a given hour. */
  static timestamp(day: Day, minutes: number): string {
    return `${isoDay(day)}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00-05:00`;
  }
}
