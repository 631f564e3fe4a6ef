import type { UsAddress } from './address.js';
import type { Day } from './calendar.js';
import type { Emission } from './emission.js';
import type { Sex } from './names/culture.js';
import type { NameToken, PersonName } from './names/name-token.js';
import type { Origin } from './origins.js';

export interface Passport {
  readonly number: string;
  readonly country: string;
  readonly issued: Day;
  readonly expires: Day;
  /** The name form this passport prints (romanization tables change between passport generations); -1 for the person's own. */
  readonly nameForm: number;
}

/** A household: the people who share a surname custom, an address and a route through the system. */
export interface Household {
  readonly index: number;
  readonly id: string;
  readonly origin: Origin;
  readonly region: string;
  /** Addresses in order; each holds from its `since` day. */
  readonly addresses: readonly { readonly since: Day; readonly address: UsAddress }[];
}

/** One synthetic person: who they truly are, and every record the systems hold about them. */
export interface Person {
  readonly index: number;
  readonly id: string;
  readonly household: Household;
  readonly role: 'principal' | 'spouse' | 'child';
  readonly sex: Sex;
  readonly dob: Day;
  readonly name: PersonName;
  /** An adopted English given name some records carry instead. */
  readonly englishName: NameToken | undefined;
  readonly countryOfBirth: string;
  readonly citizenships: string[];
  readonly passports: Passport[];
  readonly mother: Person | undefined;
  readonly father: Person | undefined;
  twin: Person | undefined;
  aNumber: string | undefined;
  readonly emissions: Emission[];
}

/** The passport in use on `day`: the latest issued on or before it (or the first, for earlier records). */
export function passportOn(person: Person, day: Day): Passport | undefined {
  let found: Passport | undefined;
  for (const passport of person.passports) {
    if (passport.issued <= day) found = passport;
    else break;
  }
  return found ?? person.passports[0];
}

export function addressOn(person: Person, day: Day): UsAddress | undefined {
  let found: UsAddress | undefined;
  for (const entry of person.household.addresses) {
    if (entry.since <= day) found = entry.address;
    else break;
  }
  return found;
}
