import type { Random } from '../random.js';
import { WeightedTable } from '../weighted-table.js';
import type { NameCulture, NamingFamily, Sex } from './culture.js';
import type { NamePart, PersonName } from './name-token.js';
import { NameToken, part, tokens } from './name-token.js';
import { NICKNAMES } from './nicknames.js';

const male = WeightedTable.zipf(tokens(`Jose, Juan, Mark, John Paul, Michael, Christian, Jerome, Ronald, Rodrigo, Ramon, Eduardo,
  Romeo, Rolando, Ernesto, Danilo, Reynaldo, Arnel, Rommel, Jericho, Joel, Jayson, Jomar, Rafael, Antonio, Manuel, Ferdinand,
  Emmanuel, Noel, Rey, Dante, Efren, Renato, Edgardo, Carlo, Paolo, Angelo, Kenneth, Jeffrey, Marvin, Bienvenido`, NICKNAMES));
const female = WeightedTable.zipf(tokens(`Maria|Ma.|Ma, Mary Grace, Marites, Rowena, Maricel, Jocelyn, Rosalie, Cristina, Analyn, Lorna,
  Rosario, Erlinda, Leonora, Teresita, Marilou, Jennifer, Michelle, Angelica, Kimberly, Princess, Mary Joy, Ma. Theresa,
  Lovely, Rhea, Catherine, Janet, Evangeline, Imelda, Corazon, Remedios, Luzviminda, Divina, Mylene, Arlene, Gemma, Ligaya`, NICKNAMES));
const surnames = WeightedTable.zipf(tokens(`Santos, Reyes, Cruz, Bautista, Ocampo, Garcia, Mendoza, Torres, Tomas, Andrada,
  Castillo, Flores, Villanueva, Ramos, Castro, Rivera, Aquino, Navarro, Salazar, Mercado, Aguilar, Gonzales, Lopez,
  Fernandez, de la Cruz|Dela Cruz|Delacruz, de los Santos|Delos Santos, de Guzman|De Guzman|Deguzman, Dizon, Pascual, Manalo, Macaraeg,
  Dimaculangan, Soriano, Gutierrez, Domingo, Valdez, Marquez, Padilla, Morales, Tolentino, Panganiban, Sison, Lacson,
  Magbanua, Cabrera, Manalastas, Dimagiba, Maglaya, Tan, Lim, Sy, Co, Yap`), 2);

/** "Jun" (Junior) and "Boy" are everyday Filipino names that reach official records. */
const everyday = new NameToken(['Jun'], []);

/**
 * Filipino naming: given names (often compound, Maria written "Ma."), the mother's maiden
 * surname as the middle name, and the father's surname. A wife's maiden surname becomes her
 * middle name when she takes her husband's surname.
 */
export const filipino: NameCulture = {
  id: 'filipino',
  name(random: Random, sex: Sex, family: NamingFamily): PersonName {
    const given: NamePart[] = [part((sex === 'M' ? male : female).sample(random))];
    const mothersMaiden = family.mother === undefined ? part(surnames.sample(random)) : maidenName(family.mother, family.father);
    const surname = family.father?.surname ?? [part(surnames.sample(random))];
    if (sex === 'M' && family.father !== undefined && random.chance(0.08)) given.push(part(everyday));
    return { given, middle: [mothersMaiden], surname };
  },
  married(random: Random, wife: PersonName, husband: PersonName): PersonName {
    if (!random.chance(0.9)) return wife;
    return { given: wife.given, middle: [maidenName(wife, undefined)], surname: husband.surname };
  },
};

/** A married woman's maiden surname is her middle name; otherwise it is her surname. */
function maidenName(name: PersonName, husband: PersonName | undefined): NamePart {
  const surname = name.surname[0];
  const married = husband !== undefined && husband.surname[0]?.token === surname.token;
  return married ? (name.middle[0] ?? surname) : surname;
}
