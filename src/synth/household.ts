import type { LegalStatusKind } from '../core/records/index.js';
import { randomAddress } from './address.js';
import type { UsAddress } from './address.js';
import type { Day } from './calendar.js';
import { addYears, dayOf, yearOf, yearsBetween } from './calendar.js';
import { Life } from './life/life.js';
import type { World } from './life/life.js';
import { runPathway } from './life/pathways.js';
import type { TruthFact } from './life/truth-fact.js';
import { ICAO, OLD_PASSPORT } from './names/cyrillic.js';
import type { NamingFamily, Sex } from './names/culture.js';
import { englishGiven } from './names/european.js';
import type { PersonName } from './names/name-token.js';
import type { Origin, Pathway } from './origins.js';
import { originTable } from './origins.js';
import type { Household, Passport, Person } from './person.js';
import { Random } from './random.js';

const YEAR = 365;
const STORY_START = dayOf(2008, 1, 1);

/** What is decided about a household before its people are made: enough to know its size. */
export interface HouseholdPlan {
  readonly index: number;
  readonly origin: Origin;
  readonly region: string;
  readonly pathway: Pathway;
  readonly spouse: boolean;
  readonly children: number;
}

/** A simulated person with the truth about them. */
export interface SimulatedPerson {
  readonly person: Person;
  readonly pathway: Pathway;
  readonly status: LegalStatusKind;
  readonly facts: readonly TruthFact[];
}

/** A household's own generator: everything about household `index` follows from the seed and the index alone. */
export function householdRandom(seed: number, index: number): Random {
  return Random.derive(seed, index);
}

/** Draws the household's origin, route and composition (the first draws of its generator). */
export function planHousehold(random: Random, index: number): HouseholdPlan {
  const origin = originTable.sample(random);
  const region = origin.regions.sample(random);
  const pathway = origin.pathways.sample(random);
  let spouse = false;
  let children = 0;
  const roll = random.below(100);
  switch (pathway) {
    case 'visitor':
      spouse = roll >= 55;
      children = roll >= 75 ? random.between(1, 3) : 0;
      break;
    case 'student':
      spouse = roll >= 85;
      children = roll >= 92 ? random.between(1, 2) : 0;
      break;
    case 'worker':
      spouse = roll >= 50;
      children = roll >= 65 ? random.between(1, 3) : 0;
      break;
    case 'immigrant':
      spouse = roll >= 25;
      children = roll >= 40 ? random.between(1, 4) : 0;
      break;
    case 'humanitarian':
      spouse = roll >= 50;
      children = roll >= 45 ? random.between(1, 4) : 0;
      break;
    case 'undocumented':
      break;
    case 'citizen-abroad':
      spouse = roll >= 70;
      break;
  }
  return { index, origin, region, pathway, spouse, children };
}

export function householdSize(plan: HouseholdPlan): number {
  return 1 + (plan.spouse ? 1 : 0) + plan.children;
}

const PRINCIPAL_AGE: Readonly<Record<Pathway, readonly [number, number]>> = {
  visitor: [20, 80], student: [19, 40], worker: [22, 62], immigrant: [22, 80], humanitarian: [18, 65], undocumented: [18, 60], 'citizen-abroad': [18, 60],
};

function birthday(random: Random, asOf: Day, minAge: number, maxAge: number): Day {
  const latest = addYears(asOf, -minAge);
  const earliest = addYears(asOf, -maxAge - 1) + 1;
  return random.between(earliest, latest);
}

/** A chain of passports: renewed every ten years (five for children), each with a new number. */
function passports(world: World, random: Random, origin: Origin, personIndex: number, dob: Day, from: Day): Passport[] {
  const list: Passport[] = [];
  let issued = Math.max(dob + 30, from - random.between(0, 9 * YEAR));
  for (let k = 0; k < 8 && issued <= world.asOf; k++) {
    const years = yearsBetween(dob, issued) < 16 ? 5 : 10;
    const expires = addYears(issued, years);
    const year = yearOf(issued);
    const nameForm = origin.code === 'RUS' ? (year >= 2013 ? ICAO : OLD_PASSPORT) : origin.code === 'UKR' ? (year >= 2010 ? ICAO : OLD_PASSPORT) : -1;
    list.push({ number: world.numbering.passport(origin.passport, origin.code, personIndex, k), country: origin.code, issued, expires, nameForm });
    issued = expires - random.between(0, 200);
  }
  return list;
}

/** Runs one household: `random` has already drawn `plan`. */
export function runHousehold(world: World, plan: HouseholdPlan, random: Random, firstPerson: number, limit: number): SimulatedPerson[] {
  const { origin, region } = plan;
  const culture = origin.culture;
  const [minAge, maxAge] = PRINCIPAL_AGE[plan.pathway];
  const principalSex: Sex = random.chance(plan.pathway === 'worker' || plan.pathway === 'humanitarian' ? 0.62 : 0.5) ? 'M' : 'F';
  const principalDob = birthday(random, world.asOf, minAge, maxAge);
  const principalAge = yearsBetween(principalDob, world.asOf);

  interface Draft { sex: Sex; dob: Day; name: PersonName; role: Person['role']; mother?: number; father?: number; twin?: number }
  const drafts: Draft[] = [];
  const principalName = culture.name(random, principalSex, {}, region);
  drafts.push({ sex: principalSex, dob: principalDob, name: principalName, role: 'principal' });
  if (plan.spouse) {
    const sex: Sex = principalSex === 'M' ? 'F' : 'M';
    const age = Math.max(18, Math.min(90, principalAge + (sex === 'F' ? -random.between(0, 6) : random.between(0, 6))));
    const own = culture.name(random, sex, {}, region);
    const name = sex === 'F' ? culture.married(random, own, principalName) : own;
    if (sex === 'M') drafts[0] = { ...(drafts[0]), name: culture.married(random, principalName, own) };
    drafts.push({ sex, dob: birthday(random, world.asOf, age, age), name, role: 'spouse' });
  }
  const father = drafts.find((draft) => draft.sex === 'M' && draft.role !== 'child');
  const mother = drafts.find((draft) => draft.sex === 'F' && draft.role !== 'child');
  const family: NamingFamily = { father: father?.name, mother: mother?.name };
  const fatherIndex = father === undefined ? undefined : drafts.indexOf(father);
  const motherIndex = mother === undefined ? undefined : drafts.indexOf(mother);
  const youngestParentAge = Math.min(...drafts.map((draft) => yearsBetween(draft.dob, world.asOf)));
  for (let i = 0; i < plan.children; i++) {
    const ageAtAsOf = random.between(Math.max(0, youngestParentAge - 42), Math.max(0, youngestParentAge - 19));
    const sex: Sex = random.chance(0.5) ? 'M' : 'F';
    const dob = Math.min(birthday(random, world.asOf, ageAtAsOf, ageAtAsOf), world.asOf - 400);
    drafts.push({ sex, dob, name: culture.name(random, sex, family, region), role: 'child', ...(fatherIndex === undefined ? {} : { father: fatherIndex }), ...(motherIndex === undefined ? {} : { mother: motherIndex }) });
    if (random.chance(0.03) && i + 1 < plan.children) {
      // Twins: the same birthday, parents and surname; their given names are drawn like any sibling's.
      const twinSex: Sex = random.chance(0.5) ? sex : sex === 'M' ? 'F' : 'M';
      drafts.push({ sex: twinSex, dob, name: culture.name(random, twinSex, family, region), role: 'child', twin: drafts.length - 1, ...(fatherIndex === undefined ? {} : { father: fatherIndex }), ...(motherIndex === undefined ? {} : { mother: motherIndex }) });
      i++;
    }
  }

  const youngest = Math.max(...drafts.map((draft) => draft.dob));
  // Visas are issued up to half a year before the journey, so the story starts well after the youngest birth.
  const start = Math.min(world.asOf - 60, Math.max(STORY_START, addYears(principalDob, 18), youngest + 240));
  // Someone living here without status may have been brought as a small child; everyone else came as an adult.
  const earliest = Math.min(start, plan.pathway === 'undocumented' ? youngest + 2 * YEAR : Math.max(youngest + 240, addYears(principalDob, 16)));
  const addresses: { since: Day; address: UsAddress }[] = [{ since: earliest, address: randomAddress(random) }];
  const moves = random.chance(0.35) ? random.between(1, 2) : 0;
  for (let i = 0; i < moves; i++) addresses.push({ since: random.between((addresses[addresses.length - 1]?.since ?? earliest) + 200, world.asOf), address: randomAddress(random) });
  addresses.sort((a, b) => a.since - b.since);
  const household: Household = { index: plan.index, id: `H${plan.index}`, origin, region, addresses };

  const count = Math.min(limit, drafts.length);
  const people: Person[] = [];
  for (let i = 0; i < count; i++) {
    const draft = drafts[i];
    const index = firstPerson + i;
    let name = draft.name;
    if (origin.code === 'IND' && region === 'south' && random.chance(0.05)) name = { given: [], middle: [], surname: name.given };
    const citizenships = plan.pathway === 'citizen-abroad' && draft.role === 'principal' ? [origin.code, 'USA'] : [origin.code];
    people.push({
      index, id: `P${index}`, household, role: draft.role, sex: draft.sex, dob: draft.dob, name,
      englishName: origin.englishName > 0 && yearsBetween(draft.dob, world.asOf) >= 14 && random.chance(origin.englishName) ? englishGiven(random, draft.sex) : undefined,
      countryOfBirth: origin.code, citizenships,
      passports: passports(world, random, origin, index, draft.dob, start),
      mother: draft.mother === undefined ? undefined : people[draft.mother],
      father: draft.father === undefined ? undefined : people[draft.father],
      twin: undefined, aNumber: undefined, emissions: [],
    });
  }
  for (let i = 0; i < count; i++) {
    const twin = drafts[i]?.twin;
    if (twin !== undefined && twin < count) {
      (people[i]).twin = people[twin];
      (people[twin]).twin = people[i];
    }
  }

  const lives = people.map((person) => new Life(person, world, random));
  const principal = lives[0];
  runPathway(plan.pathway, {
    all: lives, principal, spouse: plan.spouse ? lives[1] : undefined, children: lives.filter((life) => life.person.role === 'child'),
    origin, random, asOf: world.asOf, start, earliest,
  });
  return lives.map((life) => {
    life.truth.settle(world.asOf, yearsBetween(life.person.dob, world.asOf) < 18);
    if (life.person.twin !== undefined) life.truth.facts.add('twin');
    return { person: life.person, pathway: plan.pathway, status: life.truth.status(world.asOf), facts: [...life.truth.facts].sort() };
  });
}
