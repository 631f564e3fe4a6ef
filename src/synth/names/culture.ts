import type { Random } from '../random.js';
import type { PersonName } from './name-token.js';

export type Sex = 'F' | 'M';

/** What a culture's naming customs read when a name is made inside a family. */
export interface NamingFamily {
  readonly father?: PersonName | undefined;
  readonly mother?: PersonName | undefined;
}

/**
 * The naming customs of one culture: how a name is built (from the parents' names when
 * known) and what marriage does to it.
 */
export interface NameCulture {
  readonly id: string;
  /** A name for someone born into `family` (parents unknown: a fresh name). */
  name(random: Random, sex: Sex, family: NamingFamily, region: string): PersonName;
  /** The name a wife uses after marriage (most cultures here: unchanged or the husband's surname). */
  married(random: Random, wife: PersonName, husband: PersonName): PersonName;
}

/** Keeps her own name (Spanish, Chinese, Vietnamese, Arabic customs). */
export function keepsName(_random: Random, wife: PersonName): PersonName {
  return wife;
}

/** Takes the husband's surname with probability `p` (English, Indian, Nigerian customs). */
export function takesSurname(p: number) {
  return (random: Random, wife: PersonName, husband: PersonName): PersonName =>
    random.chance(p) ? { given: wife.given, middle: wife.middle, surname: husband.surname } : wife;
}
