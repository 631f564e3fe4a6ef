import type { Day } from '../calendar.js';
import { addYears, dayOf, yearsBetween } from '../calendar.js';
import type { Origin, Pathway } from '../origins.js';
import type { Random } from '../random.js';
import { Life } from './life.js';
import type { Departure, Travel } from './life.js';
import { OFFENCES, SCHOOLS } from './places.js';

/** The lives of one household, principal first. */
export interface HouseholdLives {
  readonly all: readonly Life[];
  readonly principal: Life;
  readonly spouse: Life | undefined;
  readonly children: readonly Life[];
  readonly origin: Origin;
  readonly random: Random;
  readonly asOf: Day;
  /** The day the household's story may start: every member born, the principal an adult, records kept. */
  readonly start: Day;
  /** The earliest day a long-ago entry may have happened (every member born, the principal 16 or older). */
  readonly earliest: Day;
}

const YEAR = 365;

function travelMode(random: Random, origin: Origin): Travel {
  if (origin.landBorder === 'MEX' && random.chance(0.45)) return 'land-mex';
  if (origin.landBorder === 'CAN' && random.chance(0.55)) return 'land-can';
  return 'air';
}

function isMinor(life: Life, day: Day): boolean {
  return yearsBetween(life.person.dob, day) < 18;
}

/** A visitor's class and authorized stay for one entry. */
function visitorAdmission(random: Random, origin: Origin, travel: Travel): { readonly cls: string; readonly days: number } {
  if (origin.visaWaiver && origin.landBorder !== 'CAN') return { cls: random.chance(0.85) ? 'WT' : 'WB', days: 90 };
  if (travel === 'land-mex') return { cls: 'B2', days: 30 };
  return { cls: random.chance(0.85) ? 'B2' : 'B1', days: 180 };
}

/** Canadians need no visa for most classes; visa-waiver countries need none only to visit. */
function needsVisa(origin: Origin, visiting: boolean): boolean {
  return origin.code !== 'CAN' && !(visiting && origin.visaWaiver);
}

/** Issues a visa to everyone travelling; a few were refused first. */
function visas(h: HouseholdLives, date: Day, cls: (life: Life) => string, years: number): void {
  for (const life of h.all) {
    if (h.random.chance(0.04)) life.visa(date - h.random.between(30, 400), cls(life), years, true);
    life.visa(date, cls(life), years);
  }
}

/** Everyone arrives together. */
/** Everyone arrives together, on the same flight or at the same crossing. */
function arriveAll(h: HouseholdLives, lives: readonly Life[], date: Day, cls: (life: Life) => string, until: Day | undefined, travel: Travel): boolean {
  let any = false;
  const recorded = travel !== 'land-can' || h.random.chance(0.3);
  const trip = h.principal.trip(travel);
  for (const life of lives) any = life.arrive(date, cls(life), until, travel, recorded, trip) || any;
  return any;
}

/** Everyone leaves together, boarding within minutes of each other. */
function departAll(lives: readonly Life[], date: Day, travel: Departure): void {
  const first = lives.at(0);
  if (first === undefined) return;
  const trip = first.trip(travel);
  const boarding = first.random.between(6 * 60, 23 * 60 + 30);
  for (const life of lives) life.depart(date, travel, trip, boarding);
}

/** The visitor route: one to several short trips; a few stay on, extend, change status, or seek asylum. */
function visitor(h: HouseholdLives): void {
  const r = h.random;
  let day = r.between(h.start, h.asOf - 20);
  if (needsVisa(h.origin, true)) visas(h, day - r.between(20, 120), () => 'B1/B2', h.origin.code === 'NGA' || h.origin.code === 'VEN' ? 2 * YEAR : 10 * YEAR);
  const trips = r.chance(0.5) ? 1 : r.between(2, 6);
  for (let trip = 0; trip < trips; trip++) {
    const travel = travelMode(r, h.origin);
    const { cls, days } = visitorAdmission(r, h.origin, travel);
    const until = day + days;
    if (!arriveAll(h, h.all, day, () => cls, until, travel)) return;
    const last = trip === trips - 1;
    if (last && lastTripOutcome(h, day, until, cls)) return;
    const stay = r.chance(0.9) ? r.between(3, 30) : r.between(31, days);
    departAll(h.all, day + stay, travel);
    day += stay + r.between(60, 900);
    if (day > h.asOf) return;
  }
}

/** How a visitor's last trip ends when it does not end in an ordinary departure; true if it did not. */
function lastTripOutcome(h: HouseholdLives, arrived: Day, until: Day, cls: string): boolean {
  const r = h.random;
  const roll = r.below(1000);
  if (roll < 40) {
    // Overstay: stays on past the admission and no one files anything.
    for (const life of h.all) life.truth.facts.add('visa-overstay');
    return true;
  }
  if (roll < 65) {
    // Extension of stay (I-539), most filed in time; decisions take many months.
    const timely = r.chance(0.8);
    const filed = timely ? r.between(Math.max(arrived + 1, until - 60), until - 1) : until + r.between(5, 90);
    const outcome = r.below(10);
    const decidedOn = filed + r.between(120, 540);
    const extended = Math.max(until + 180, decidedOn + 30);
    for (const life of h.all) {
      if (outcome < 4 || !life.happened(decidedOn)) {
        if (!life.file('I-539', filed, 'PENDING', { timely, currentClass: cls, requestedClass: cls })) return true;
        if (timely) life.truth.pending = { form: 'I-539', filed };
        else life.truth.facts.add('untimely-extension');
      } else if (outcome < 8 && timely) {
        life.file('I-539', filed, 'APPROVED', { decidedOn, timely, currentClass: cls, requestedClass: cls });
        life.newAdmission(decidedOn, cls, extended);
      } else {
        life.file('I-539', filed, 'DENIED', { decidedOn, timely, currentClass: cls, requestedClass: cls });
        if (!timely) life.truth.facts.add('untimely-extension');
      }
    }
    if (outcome < 4 || !h.principal.happened(decidedOn)) return true;
    // After the decision most leave: within the extended stay, or soon after a denial.
    const approved = outcome < 8 && timely;
    if (r.chance(approved ? 0.8 : 0.6)) departAll(h.all, approved ? r.between(decidedOn + 5, extended) : decidedOn + r.between(10, 90), 'air');
    return true;
  }
  if (roll < 80) {
    // Affirmative asylum, filed within a year of arrival; the backlog leaves most pending.
    const filed = arrived + r.between(30, 360);
    asylumApplication(h, filed);
    return true;
  }
  if (roll < 88) {
    // Change of status to student, then the student route.
    const filed = r.between(Math.max(arrived + 1, until - 90), until - 1);
    const decided = filed + r.between(90, 300);
    for (const life of h.all) {
      if (!life.file('I-539', filed, 'APPROVED', { decidedOn: decided, timely: true, grant: 'COS', currentClass: cls, requestedClass: life === h.principal ? 'F1' : 'F2' })) return true;
      life.truth.pending = { form: 'I-539', filed };
      if (life.happened(decided)) life.newAdmission(decided, life === h.principal ? 'F1' : 'F2', undefined);
    }
    if (h.principal.happened(decided)) studentYears(h, decided, 'F1');
    return true;
  }
  if (roll < 100) {
    // Married a US citizen and adjusted status.
    adjustment(h, r.between(Math.max(arrived + 1, until - 60), until), 'IR6');
    return true;
  }
  if (roll < 106) {
    // Stayed on and was later placed in proceedings.
    for (const life of h.all) life.truth.facts.add('visa-overstay');
    courtCase(h, h.all, until + r.between(200, 2000));
    return true;
  }
  return false;
}

/** An I-589 for the principal with family members as derivatives. */
function asylumApplication(h: HouseholdLives, filed: Day): void {
  const r = h.random;
  const roll = r.below(10);
  const decided = filed + r.between(300, 2200);
  for (const life of h.all) {
    if (roll < 6 || !life.happened(decided)) {
      if (!life.file('I-589', filed, 'PENDING')) return;
      life.truth.pending = { form: 'I-589', filed };
    } else if (roll < 8) {
      life.file('I-589', filed, 'APPROVED', { decidedOn: decided });
      life.truth.protection = { kind: 'asylum', until: undefined };
      life.truth.facts.add('asylum-granted');
    } else {
      // Not approved by the asylum office: referred to the immigration court.
      life.file('I-589', filed, 'DENIED', { decidedOn: decided });
    }
  }
  if (roll >= 8 && r.chance(0.8)) courtCase(h, h.all, decided + r.between(10, 120));
  else if (roll >= 6 && roll < 8) {
    for (const life of h.all) adjustmentAfterAsylum(life, decided);
  }
}

function adjustmentAfterAsylum(life: Life, granted: Day): void {
  const r = life.random;
  if (!r.chance(0.6)) return;
  const filed = granted + YEAR + r.between(0, 400);
  const decided = filed + r.between(240, 900);
  if (!life.file('I-485', filed, life.happened(decided) ? 'APPROVED' : 'PENDING', { decidedOn: decided })) return;
  if (life.happened(decided)) {
    life.permanentResidence(decided, 'AS6');
    naturalization(life, decided);
  }
}

/** Adjustment of status to permanent residence (I-485), then perhaps naturalization. */
function adjustment(h: HouseholdLives, filed: Day, classCode: string): void {
  const r = h.random;
  const decided = filed + r.between(200, 1400);
  const denied = r.chance(0.06);
  for (const life of h.all) {
    if (!life.file('I-485', filed, denied ? 'DENIED' : 'APPROVED', { decidedOn: decided })) return;
    if (!life.happened(decided)) {
      life.truth.pending = { form: 'I-485', filed };
    } else if (!denied) {
      life.permanentResidence(decided, classCode);
    }
  }
  if (!denied && h.principal.happened(decided)) naturalizations(h, decided);
}

/** Naturalization of the adults who apply, and citizenship derived by their minor children. */
function naturalizations(h: HouseholdLives, lprSince: Day): void {
  const r = h.random;
  const parent = h.all.find((life) => !isMinor(life, lprSince + 5 * YEAR) && life.truth.permanentResidentSince !== undefined);
  if (parent === undefined) return;
  const oath = naturalization(parent, lprSince);
  if (oath === undefined) return;
  if (h.spouse !== undefined && h.spouse !== parent && r.chance(0.6)) naturalization(h.spouse, lprSince);
  for (const child of h.children) {
    if (child.truth.permanentResidentSince === undefined || !isMinor(child, oath)) continue;
    // INA 320: a permanent-resident child under 18 in the citizen parent's custody becomes a citizen automatically.
    child.truth.citizenSince = Math.max(oath, child.truth.permanentResidentSince);
    child.truth.facts.add('derived-citizenship');
    const evidence = r.below(10);
    let on: Day | undefined;
    if (evidence < 3) on = evidenceDay(oath + r.between(60, 1500), (day) => child.citizenshipCertificate(day, 'DERIVATION'));
    else if (evidence < 6) on = evidenceDay(oath + r.between(30, 900), (day) => child.usPassport(day, false));
    else if (evidence < 8) on = evidenceDay(oath + r.between(0, 60), (day) => child.parentCitizenship(day, oath, true, false));
    if (on === undefined) child.truth.facts.add('citizenship-unrecorded');
  }
}

/** N-400 after the residence period; returns the oath day if it happened. */
function naturalization(life: Life, lprSince: Day): Day | undefined {
  const r = life.random;
  if (!r.chance(0.55)) return undefined;
  const filed = lprSince + r.between(5 * YEAR - 90, 9 * YEAR);
  const decided = filed + r.between(180, 600);
  const denied = r.chance(0.08);
  if (!life.file('N-400', filed, denied ? 'DENIED' : 'APPROVED', { decidedOn: decided })) return undefined;
  if (denied || !life.happened(decided)) return undefined;
  life.naturalize(decided);
  if (r.chance(0.5)) life.usPassport(decided + r.between(20, 700), false);
  return decided;
}

/** Student years under duration of status, and what follows. */
function studentYears(h: HouseholdLives, start: Day, cls: 'F1' | 'J1'): void {
  const r = h.random;
  const student = h.principal;
  const school = SCHOOLS.sample(r);
  const end = start + r.between(2, 5) * YEAR;
  student.student(start, 'ACTIVE', school, start, end, cls, 0);
  const roll = r.below(100);
  if (roll < 6) {
    const on = start + r.between(120, end - start);
    if (!student.student(on, r.chance(0.8) ? 'TERMINATED' : 'VIOLATION', school, start, end, cls, 0)) return;
    for (const life of h.all) {
      if (life.truth.admission !== undefined) life.truth.admission.until = on;
      life.truth.facts.add('status-violation');
    }
    if (r.chance(0.5)) departAll(h.all, on + r.between(10, 200), 'air');
    return;
  }
  if (!student.student(end, 'COMPLETED', school, start, end, cls, 0)) return;
  // Duration of status ends after the grace period: 60 days for F students, 30 for J exchange visitors.
  for (const life of h.all) if (life.truth.admission !== undefined) life.truth.admission.until = end + (cls === 'F1' ? 60 : 30);
  if (roll < 50) {
    departAll(h.all, end + r.between(5, 60), 'air');
    return;
  }
  if (roll < 85 && cls === 'F1') {
    // Practical training, then an H-1B change of status.
    const ead = end - r.between(30, 90);
    student.file('I-765', ead, 'APPROVED', { decidedOn: ead + r.between(60, 120) });
    const optEnd = end + YEAR + (r.chance(0.5) ? 2 * YEAR : 0);
    for (const life of h.all) if (life.truth.admission !== undefined) life.truth.admission.until = optEnd + 60;
    if (r.chance(0.6)) {
      const filed = optEnd - r.between(60, 200);
      const decided = filed + r.between(30, 200);
      // The employer petitions for the student; the family files for H-4 beside it.
      for (const life of h.all) {
        const to = life === student ? 'H1B' : 'H4';
        if (!life.file(life === student ? 'I-129' : 'I-539', filed, 'APPROVED', { decidedOn: decided, timely: true, grant: 'COS', currentClass: life === student ? 'F1' : 'F2', requestedClass: to })) return;
        if (life.happened(decided)) life.newAdmission(decided, to, decided + 3 * YEAR);
        else life.truth.pending = { form: life === student ? 'I-129' : 'I-539', filed };
      }
      if (student.happened(decided)) workerYears(h, decided, 'H1B', decided + 3 * YEAR);
    } else {
      departAll(h.all, optEnd + r.between(5, 60), 'air');
    }
    return;
  }
  if (roll < 95) {
    for (const life of h.all) life.truth.facts.add('visa-overstay');
    return;
  }
  departAll(h.all, end + r.between(5, 60), 'land-mex');
}

function student(h: HouseholdLives): void {
  const r = h.random;
  const cls = r.chance(0.85) ? 'F1' : 'J1';
  const start = r.between(h.start, h.asOf - 30);
  const dependent = cls === 'F1' ? 'F2' : 'J2';
  if (needsVisa(h.origin, false)) visas(h, start - r.between(30, 120), (life) => (life === h.principal ? cls : dependent), 5 * YEAR);
  if (!arriveAll(h, h.all, start - r.between(0, 30), (life) => (life === h.principal ? cls : dependent), undefined, 'air')) return;
  studentYears(h, start, cls);
}

/** Temporary work: extensions filed by the employer, often a green card, sometimes a denial. */
function workerYears(h: HouseholdLives, start: Day, cls: string, until: Day): void {
  const r = h.random;
  let end = until;
  for (let round = 0; round < 3; round++) {
    if (r.chance(0.45)) {
      adjustment(h, start + r.between(YEAR, Math.max(YEAR + 1, end - start)), 'E21');
      return;
    }
    const filed = end - r.between(30, 180);
    if (filed > h.asOf) return;
    const decided = filed + r.between(60, 400);
    const roll = r.below(100);
    if (roll < 80) {
      for (const life of h.all) {
        life.file(life === h.principal ? 'I-129' : 'I-539', filed, 'APPROVED', { decidedOn: decided, timely: true, currentClass: cls, requestedClass: cls });
        if (!life.happened(decided)) {
          life.truth.pending = { form: life === h.principal ? 'I-129' : 'I-539', filed };
        } else life.newAdmission(decided, life === h.principal ? cls : 'H4', decided + 3 * YEAR);
      }
      if (!h.principal.happened(decided)) return;
      start = decided;
      end = decided + 3 * YEAR;
    } else {
      for (const life of h.all) {
        life.file(life === h.principal ? 'I-129' : 'I-539', filed, 'DENIED', { decidedOn: decided, timely: true, currentClass: cls, requestedClass: cls });
        // Until the denial comes, the timely request keeps the stay authorized.
        if (!life.happened(decided)) life.truth.pending = { form: life === h.principal ? 'I-129' : 'I-539', filed };
      }
      if (r.chance(0.8)) departAll(h.all, Math.max(end, decided) + r.between(5, 60), 'air');
      else for (const life of h.all) life.truth.facts.add('visa-overstay');
      return;
    }
  }
  departAll(h.all, end + r.between(0, 30), 'air');
}

function worker(h: HouseholdLives): void {
  const r = h.random;
  const seasonal = (h.origin.code === 'MEX' || h.origin.code === 'GTM' || h.origin.code === 'HND') && r.chance(0.6);
  if (seasonal) {
    // H-2A and H-2B: a visa and an entry each season, alone; leaving by land often leaves no record.
    const cls = r.chance(0.6) ? 'H2A' : 'H2B';
    const worker = h.principal;
    let day = r.between(h.start, h.asOf - 60);
    const seasons = r.between(1, 6);
    for (let season = 0; season < seasons && day <= h.asOf; season++) {
      worker.visa(day - r.between(20, 60), cls, YEAR);
      const travel: Travel = h.origin.code === 'MEX' ? 'land-mex' : 'air';
      const length = r.between(120, 300);
      if (!worker.arrive(day, cls, day + length, travel)) return;
      if (season === seasons - 1 && r.chance(0.08)) {
        worker.truth.facts.add('visa-overstay');
        return;
      }
      worker.depart(day + length - r.between(0, 20), travel);
      day += YEAR + r.between(-30, 30);
    }
    return;
  }
  const cls = h.origin.code === 'CAN' || (h.origin.code === 'MEX' && r.chance(0.5)) ? 'TN' : r.chance(0.75) ? 'H1B' : 'L1A';
  const dependent = cls === 'TN' ? 'TD' : cls === 'H1B' ? 'H4' : 'L2';
  const start = r.between(h.start, h.asOf - 30);
  if (needsVisa(h.origin, false)) visas(h, start - r.between(20, 90), (life) => (life === h.principal ? cls : dependent), 3 * YEAR);
  const travel = cls === 'TN' ? travelMode(r, h.origin) : 'air';
  const until = start + 3 * YEAR;
  if (!arriveAll(h, h.all, start, (life) => (life === h.principal ? cls : dependent), until, travel)) return;
  workerYears(h, start, cls, until);
}

/** Immigrant visa, admission as a permanent resident, trips abroad, naturalization. */
function immigrant(h: HouseholdLives): void {
  const r = h.random;
  const arrival = r.between(Math.max(h.earliest, h.start - 5 * YEAR), h.asOf - 30);
  const classes = r.chance(0.5) ? ['CR1', 'CR2'] : r.chance(0.5) ? ['F21', 'F22'] : ['E21', 'E22'];
  const classOf = (life: Life): string => (life === h.principal ? (classes[0]) : (classes[1]));
  for (const life of h.all) life.visa(arrival - r.between(30, 180), classOf(life), 180);
  for (const life of h.all) {
    if (!life.arrive(arrival, 'LPR', undefined, 'air')) return;
    life.permanentResidence(arrival, classOf(life));
  }
  // Permanent residents travel; their trips are in the entry–exit records too.
  let day = arrival + r.between(200, 1500);
  while (day < h.asOf && r.chance(0.6)) {
    const travel = travelMode(r, h.origin);
    departAll(h.all, day, travel);
    const back = day + r.between(7, 60);
    arriveAll(h, h.all, back, () => 'LPR', undefined, travel);
    day = back + r.between(300, 1500);
  }
  naturalizations(h, arrival);
  if (r.chance(0.01)) {
    // A permanent resident convicted of a removable offence is placed in proceedings.
    h.principal.criminal(arrival + r.between(YEAR, 8 * YEAR), 'drug-trafficking', 'CONVICTED');
  }
}

/** Arrival at the border to seek protection: paroled or apprehended, then years in immigration court. */
function humanitarian(h: HouseholdLives): void {
  const r = h.random;
  const entry = r.between(Math.max(h.start, h.asOf - 11 * YEAR), h.asOf - 10);
  const how = r.below(10);
  if (how < 4) {
    for (const life of h.all) life.enterWithoutInspection(entry);
  } else if (how < 7) {
    arriveAll(h, h.all, entry, () => 'DT', entry + r.between(1, 2) * YEAR, 'land-mex');
    for (const life of h.all) life.truth.facts.add('parolee');
  } else {
    if (needsVisa(h.origin, true)) visas(h, entry - r.between(30, 200), () => 'B1/B2', 5 * YEAR);
    arriveAll(h, h.all, entry, () => 'B2', entry + 180, 'air');
    asylumApplication(h, entry + r.between(30, 360));
    return;
  }
  courtCase(h, h.all, entry + r.between(3, 90));
  // TPS needs presence: only those still here apply.
  if (h.origin.tps !== undefined && h.principal.truth.present && r.chance(0.3)) tps(h, h.origin, entry);
}

/** Removal proceedings for each person, family members on the same calendar. */
function courtCase(h: HouseholdLives, lives: readonly Life[], opened: Day): void {
  const r = h.random;
  for (const life of lives) if (!life.openCase(opened)) return;
  let day = opened + r.between(60, 540);
  const masters = r.between(1, 4);
  const absconds = r.chance(0.14);
  for (let i = 0; i < masters; i++) {
    const attended = !(absconds && i === masters - 1);
    for (const life of lives) life.hearing(day, 'MASTER', attended);
    if (!attended) {
      for (const life of lives) life.order(day, 'RM', true);
      afterInAbsentia(h, lives, day);
      return;
    }
    day += r.between(90, 540);
  }
  if (!h.principal.happened(day)) return;
  for (const life of lives) life.hearing(day, 'INDIVIDUAL', true);
  const roll = r.below(100);
  if (roll < 25) {
    for (const life of lives) {
      life.order(day, 'RL', false, true);
      life.truth.protection = { kind: 'asylum', until: undefined };
      life.truth.facts.add('asylum-granted');
      adjustmentAfterAsylum(life, day);
    }
  } else if (roll < 31) {
    for (const life of lives) life.order(day, 'WH', false, true);
  } else if (roll < 33) {
    for (const life of lives) life.order(day, 'CAT', false, true);
  } else if (roll < 46) {
    voluntaryDeparture(h, lives, day);
  } else if (roll < 51) {
    for (const life of lives) life.order(day, 'TR');
  } else {
    for (const life of lives) life.order(day, 'RM');
    afterRemovalOrder(h, lives, day);
  }
}

function voluntaryDeparture(h: HouseholdLives, lives: readonly Life[], day: Day): void {
  const r = h.random;
  const stage = r.chance(0.3) ? 'PRE' : 'POST';
  const deadline = day + (stage === 'PRE' ? r.between(60, 120) : 60);
  for (const life of lives) {
    life.order(day, 'VD', false, true);
    life.voluntaryDeparture(day, deadline, stage);
  }
  const roll = r.below(10);
  if (roll < 6) {
    const travel: Travel = h.origin.landBorder === 'MEX' || h.origin.code === 'GTM' ? (r.chance(0.7) ? 'land-mex' : 'air') : 'air';
    departAll(lives, r.between(day + 10, deadline), travel);
  } else if (h.principal.happened(deadline + 1)) {
    for (const life of lives) life.voluntaryDepartureMissed();
  }
}

function afterInAbsentia(h: HouseholdLives, lives: readonly Life[], day: Day): void {
  const r = h.random;
  if (r.chance(0.25)) {
    const filed = day + r.between(30, 700);
    const decided = filed + r.between(60, 300);
    const granted = r.chance(0.45);
    for (const life of lives) life.motionToReopen(filed, granted ? 'GRANTED' : 'DENIED', decided);
    return;
  }
  removalOrStay(h, lives, day);
}

function afterRemovalOrder(h: HouseholdLives, lives: readonly Life[], day: Day): void {
  const r = h.random;
  if (r.chance(0.4)) {
    const filed = day + r.between(5, 30);
    const decided = filed + r.between(180, 900);
    const roll = r.below(10);
    const decision = roll < 7 ? 'DISMISSED' : roll < 9 ? 'REMANDED' : 'SUSTAINED';
    for (const life of lives) life.appeal(filed, decision, decided);
    if (decision !== 'DISMISSED' || !h.principal.happened(decided)) return;
    if (r.chance(0.25)) {
      for (const life of lives) life.petitionForReview(decided + r.between(10, 30), 'PENDING');
      if (r.chance(0.4)) for (const life of lives) life.stay(decided + r.between(30, 90), 'FED', undefined, undefined);
      return;
    }
    removalOrStay(h, lives, decided);
    return;
  }
  removalOrStay(h, lives, day);
}

/** After a final order: removal, a stay (sometimes hours before the flight), or nothing yet. */
function removalOrStay(h: HouseholdLives, lives: readonly Life[], final: Day): void {
  const r = h.random;
  const roll = r.below(100);
  const scheduled = final + r.between(30, 900);
  if (roll < 25) {
    departAll(lives, scheduled, 'removal');
    for (const life of lives) if (life.happened(scheduled)) life.truth.facts.add('removed');
  } else if (roll < 31) {
    // Granted the evening before the removal flight, on an emergency motion to reopen or a petition for review filed that day.
    const at = Life.timestamp(scheduled - 1, r.between(17 * 60, 23 * 60 + 50));
    const court = r.chance(0.5) ? 'FED' : 'BIA';
    for (const life of lives) {
      if (court === 'FED') life.petitionForReview(scheduled - 1, 'PENDING');
      else life.motionToReopen(scheduled - 1, 'PENDING', undefined);
      if (life.stay(scheduled - 1, court, at, undefined)) life.truth.facts.add('last-minute-stay');
    }
  } else if (roll < 37) {
    for (const life of lives) life.stay(scheduled - r.between(10, 200), 'ICE', undefined, scheduled + YEAR);
  } else if (roll < 45) {
    departAll(lives, scheduled, h.origin.code === 'MEX' || h.origin.code === 'GTM' ? 'land-mex' : 'air');
  }
}

function tps(h: HouseholdLives, origin: Origin, entered: Day): void {
  const designation = origin.tps;
  if (designation === undefined) return;
  const r = h.random;
  const filed = Math.max(entered, designation.since) + r.between(30, 365);
  const decided = filed + r.between(90, 400);
  for (const life of h.all) {
    if (!life.file('I-821', filed, 'APPROVED', { decidedOn: decided, grant: 'TPS', validUntil: designation.until, tpsCountry: origin.code })) return;
    if (life.happened(decided)) {
      life.truth.protection = { kind: 'tps', until: designation.until };
      life.truth.facts.add('temporary-protected-status');
    }
  }
}

/** Living here without status: records come from criminal courts, DACA, TPS, late asylum claims, or proceedings. */
function undocumented(h: HouseholdLives): void {
  const r = h.random;
  const entry = r.between(Math.max(h.earliest, h.start - 15 * YEAR), h.asOf - 60);
  for (const life of h.all) life.enterWithoutInspection(entry);
  const roll = r.below(100);
  const principal = h.principal;
  const arrivedAge = yearsBetween(principal.person.dob, entry);
  if (roll < 30 && arrivedAge < 16 && entry < DACA_ARRIVED_BY) {
    deferredAction(principal, entry);
  } else if (roll < 40 && h.origin.tps !== undefined && entry < h.origin.tps.since + YEAR) {
    tps(h, h.origin, entry);
  } else if (roll < 60) {
    const day = entry + r.between(YEAR, 10 * YEAR);
    principal.criminal(day, OFFENCES.sample(r), r.chance(0.6) ? 'CONVICTED' : 'DISMISSED');
    if (r.chance(0.3)) courtCase(h, [principal], day + r.between(10, 200));
  } else if (roll < 70) {
    asylumApplication(h, entry + r.between(YEAR, 5 * YEAR));
  } else {
    courtCase(h, h.all, entry + r.between(30, 6 * YEAR));
  }
  // A few go home across the land border, after everything else on their record.
  if (r.chance(0.05) && principal.truth.present) {
    const last = Math.max(entry, ...principal.person.emissions.map((emission) => emission.date));
    departAll(h.all, r.between(last + 30, last + 6 * YEAR), 'land-mex');
  }
}

/** Deferred action for those brought as children (renewed every two years, some lapse). */
function deferredAction(life: Life, entry: Day): void {
  const r = life.random;
  let filed = Math.max(entry + YEAR, DACA_START) + r.between(0, 3 * YEAR);
  let until = 0;
  for (let renewal = 0; renewal < 8; renewal++) {
    const decided = filed + r.between(60, 200);
    if (!life.file('I-821D', filed, 'APPROVED', { decidedOn: decided, grant: 'DEFERRED_ACTION', validUntil: decided + 2 * YEAR })) break;
    if (!life.happened(decided)) break;
    until = decided + 2 * YEAR;
    life.truth.protection = { kind: 'deferred-action', until };
    life.truth.facts.add('deferred-action');
    if (r.chance(0.12)) {
      life.truth.facts.add('deferred-action-lapsed');
      break;
    }
    filed = until - r.between(60, 150);
  }
}

/** The first DACA filings were accepted on 15 August 2012. */
const DACA_START = dayOf(2012, 8, 15);
/** DACA required continuous residence since 15 June 2007. */
const DACA_ARRIVED_BY = dayOf(2007, 6, 15);

/** Born abroad to a US citizen parent: a citizen from birth who may travel on a foreign passport. */
function citizenAbroad(h: HouseholdLives): void {
  const r = h.random;
  const life = h.principal;
  life.truth.citizenSince = life.person.dob;
  life.truth.facts.add('born-abroad-to-citizen');
  const evidence = r.below(20);
  const days: (Day | undefined)[] = [];
  if (evidence < 10) {
    days.push(evidenceDay(life.person.dob + r.between(30, 300), (day) => life.usPassport(day, true)));
    if (r.chance(0.6)) days.push(evidenceDay(addYears(life.person.dob, r.between(18, 40)), (day) => life.usPassport(day, false)));
  } else if (evidence < 13) days.push(evidenceDay(addYears(life.person.dob, r.between(18, 40)), (day) => life.citizenshipCertificate(day, 'ACQUISITION')));
  else if (evidence < 16) days.push(evidenceDay(addYears(life.person.dob, r.between(18, 40)), (day) => life.parentCitizenship(day, undefined, undefined, true)));
  if (!days.some((day) => day !== undefined)) life.truth.facts.add('citizenship-unrecorded');
  // Half have the citizen parent living in the United States, and the visa application asks about such a parent.
  life.citizenParentInUs = r.chance(0.5);
  // They visit on the foreign passport, so the entry records show a visitor who never left.
  visitor(h);
}

/** Runs a step that leaves evidence on `day`; the day if it happened by the as-of date. */
function evidenceDay(day: Day, step: (day: Day) => boolean): Day | undefined {
  return step(day) ? day : undefined;
}

export function runPathway(pathway: Pathway, h: HouseholdLives): void {
  switch (pathway) {
    case 'visitor': visitor(h); break;
    case 'student': student(h); break;
    case 'worker': worker(h); break;
    case 'immigrant': immigrant(h); break;
    case 'humanitarian': humanitarian(h); break;
    case 'undocumented': undocumented(h); break;
    case 'citizen-abroad': citizenAbroad(h); break;
  }
  const r = h.random;
  for (const life of h.all) {
    // Criminal records touch a few adults on every route.
    if (!isMinor(life, h.asOf) && r.chance(0.025)) {
      life.criminal(r.between(Math.max(h.start, life.person.dob + 18 * YEAR), h.asOf), OFFENCES.sample(r), r.chance(0.55) ? 'CONVICTED' : r.chance(0.5) ? 'DISMISSED' : r.chance(0.5) ? 'PENDING' : 'ACQUITTED');
    }
  }
}
