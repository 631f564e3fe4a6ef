import type { Random } from '../random.js';
import type { WeightedTable } from '../weighted-table.js';
import type { NameCulture, NamingFamily, Sex } from './culture.js';
import { takesSurname } from './culture.js';
import type { NamePart, NameToken, PersonName } from './name-token.js';
import { part } from './name-token.js';

/** The name tables of one region of a culture. */
export interface NameTables {
  readonly male: WeightedTable<NameToken>;
  readonly female: WeightedTable<NameToken>;
  readonly surnames: WeightedTable<NameToken>;
}

export interface PatrilinealOptions {
  /** Chance of a middle name, drawn from the given names. */
  readonly middleChance: number;
  /** Chance a wife's records carry her husband's surname. */
  readonly wifeTakesSurname: number;
}

/**
 * A culture where children take the father's surname (English, French, German, Polish, Italian,
 * Haitian, Nigerian, Indian customs): a given name, sometimes a middle name, a surname.
 */
export function patrilineal(id: string, tables: (region: string) => NameTables, options: PatrilinealOptions): NameCulture {
  return {
    id,
    name(random: Random, sex: Sex, family: NamingFamily, region: string): PersonName {
      const table = tables(region);
      const given = (sex === 'M' ? table.male : table.female).sample(random);
      const middle: NamePart[] = [];
      if (random.chance(options.middleChance)) {
        const second = (sex === 'M' ? table.male : table.female).sample(random);
        if (second !== given) middle.push(part(second));
      }
      const surname = family.father?.surname ?? [part(table.surnames.sample(random))];
      return { given: [part(given)], middle, surname };
    },
    married: takesSurname(options.wifeTakesSurname),
  };
}
