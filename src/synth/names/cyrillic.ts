import type { Random } from '../random.js';
import { WeightedTable } from '../weighted-table.js';
import type { NameCulture, NamingFamily, Sex } from './culture.js';
import type { PersonName } from './name-token.js';
import { NameToken, part } from './name-token.js';
import { NICKNAMES } from './nicknames.js';

/**
 * Form indexes of Cyrillic names. Each name is kept in Cyrillic and romanized by every system
 * a record may have used: the popular English spelling, the ICAO 9303 table of today's passports,
 * the older passport table, and the French-style spellings of Soviet-era documents.
 */
export const POPULAR = 0;
export const ICAO = 1;
export const OLD_PASSPORT = 2;
export const FRENCH = 3;

type Table = Readonly<Partial<Record<string, string>>>;

const common: Table = {
  а: 'a', б: 'b', в: 'v', д: 'd', з: 'z', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ъ: '',
};

/** Russian: ICAO 9303 (passports since 2013). */
const ruIcao: Table = { ...common, г: 'g', е: 'e', ё: 'e', ж: 'zh', и: 'i', й: 'i', ы: 'y', э: 'e', ю: 'iu', я: 'ia', ъ: 'ie' };
/** Russian: the table of passports issued 1997–2010. */
const ruOld: Table = { ...common, г: 'g', е: 'e', ё: 'e', ж: 'zh', и: 'i', й: 'y', ы: 'y', э: 'e', ю: 'yu', я: 'ya' };
/** Russian: the popular English spelling (BGN/PCGN without diacritics). */
const ruPopular: Table = { ...common, г: 'g', е: 'e', ё: 'yo', ж: 'zh', и: 'i', й: 'y', ы: 'y', э: 'e', ю: 'yu', я: 'ya' };
/** Russian and Ukrainian: French-style spellings (Iouri, Chtcherbakov, Tchernov). */
const french: Table = {
  ...common, г: 'g', е: 'e', ё: 'io', ж: 'j', и: 'i', й: 'ï', ы: 'y', э: 'e', ю: 'iou', я: 'ia', у: 'ou', х: 'kh', ч: 'tch',
  ш: 'ch', щ: 'chtch', і: 'i', ї: 'ï', є: 'ie', ґ: 'g',
};
/** Ukrainian: the national table of 2010 (passports), word-initial forms handled separately. */
const ukNational: Table = { ...common, г: 'h', ґ: 'g', е: 'e', є: 'ie', ж: 'zh', и: 'y', і: 'i', ї: 'i', й: 'i', ю: 'iu', я: 'ia' };
const ukInitial: Table = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };
/** Ukrainian: the popular English spelling. */
const ukPopular: Table = { ...common, г: 'h', ґ: 'g', е: 'e', є: 'ye', ж: 'zh', и: 'y', і: 'i', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };

const VOWELS = 'аеёиоуыэюяіїє';

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function romanize(cyrillic: string, table: Table, rules: 'ru-popular' | 'uk-national' | 'french' | 'plain'): string {
  const lower = cyrillic.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const char = lower.charAt(i);
    const previous = i === 0 ? '' : lower.charAt(i - 1);
    const initial = i === 0 || previous === '-' || previous === ' ';
    if (rules === 'ru-popular') {
      // е is "ye" at the start of a word and after a vowel or a soft or hard sign (Yelena, Sergeyev); final -ий is "-y" (Dmitry, Yuri).
      if (char === 'е' && (initial || (previous !== '' && VOWELS.includes(previous)) || previous === 'ь' || previous === 'ъ')) { out += 'ye'; continue; }
      if (char === 'и' && lower.charAt(i + 1) === 'й' && i + 2 === lower.length) { out += 'y'; i++; continue; }
    }
    if (rules === 'french') {
      // Final -ий is "-i" (Iouri), -ия is "-ia" (Ioulia), and s between vowels doubles so it is not voiced (Vassili).
      if (char === 'и' && lower.charAt(i + 1) === 'й' && i + 2 === lower.length) { out += 'i'; i++; continue; }
      if (char === 'и' && lower.charAt(i + 1) === 'я') { out += 'ia'; i++; continue; }
      if (char === 'с' && previous !== '' && VOWELS.includes(previous) && i + 1 < lower.length && VOWELS.includes(lower.charAt(i + 1))) { out += 'ss'; continue; }
    }
    if (rules === 'uk-national' && initial && ukInitial[char] !== undefined) { out += ukInitial[char]; continue; }
    if (rules === 'uk-national' && char === 'з' && lower.charAt(i + 1) === 'г') { out += 'zgh'; i++; continue; }
    out += table[char] ?? char;
  }
  return out.split('-').map(capitalize).join('-');
}

/** A Russian name token: popular, ICAO, old passport and French spellings. */
function russian(cyrillic: string): NameToken {
  const popular = capitalize(romanize(cyrillic, ruPopular, 'ru-popular'));
  return new NameToken(
    [popular, romanize(cyrillic, ruIcao, 'plain'), romanize(cyrillic, ruOld, 'plain'), romanize(cyrillic, french, 'french')],
    NICKNAMES[popular] ?? NICKNAMES[romanize(cyrillic, ruOld, 'plain')] ?? [],
  );
}

/** A Ukrainian name token: popular, national (passport) and French spellings; the old-passport slot repeats the popular form. */
function ukrainian(cyrillic: string): NameToken {
  const popular = romanize(cyrillic, ukPopular, 'plain');
  const national = romanize(cyrillic, ukNational, 'uk-national');
  return new NameToken([popular, national, popular, romanize(cyrillic, french, 'french')], NICKNAMES[popular] ?? []);
}

/** The Russian feminine of a surname: -ов/-ев/-ин take -а, -ский becomes -ская, others do not change. */
function feminineRu(surname: string): string {
  if (surname.endsWith('ский') || surname.endsWith('цкий')) return `${surname.slice(0, -2)}ая`;
  if (/(ов|ев|ёв|ин|ын)$/.test(surname)) return `${surname}а`;
  return surname;
}

/** The Ukrainian feminine: -ський becomes -ська, -ов/-ев/-ин take -а; -енко, -ук, -чук and the rest do not change. */
function feminineUk(surname: string): string {
  if (surname.endsWith('ський') || surname.endsWith('цький')) return `${surname.slice(0, -2)}а`;
  if (/(ов|ев|ін|ин)$/.test(surname)) return `${surname}а`;
  return surname;
}

const ruPatronymicExceptions: Readonly<Partial<Record<string, readonly [string, string]>>> = {
  Илья: ['Ильич', 'Ильинична'], Никита: ['Никитич', 'Никитична'], Пётр: ['Петрович', 'Петровна'], Павел: ['Павлович', 'Павловна'],
  Лев: ['Львович', 'Львовна'], Дмитрий: ['Дмитриевич', 'Дмитриевна'], Георгий: ['Георгиевич', 'Георгиевна'], Фёдор: ['Фёдорович', 'Фёдоровна'],
};
const ukPatronymicExceptions: Readonly<Partial<Record<string, readonly [string, string]>>> = {
  Микола: ['Миколайович', 'Миколаївна'], Ілля: ['Ілліч', 'Іллівна'], Дмитро: ['Дмитрович', 'Дмитрівна'], Петро: ['Петрович', 'Петрівна'],
  Павло: ['Павлович', 'Павлівна'], Григорій: ['Григорович', 'Григорівна'],
};

/** A Russian patronymic from the father's given name (Сергей → Сергеевич, Юрий → Юрьевич). */
function patronymicRu(father: string, sex: Sex): string {
  const exception = ruPatronymicExceptions[father];
  if (exception !== undefined) return sex === 'M' ? exception[0] : exception[1];
  if (father.endsWith('ий')) return father.slice(0, -2) + (sex === 'M' ? 'ьевич' : 'ьевна');
  if (father.endsWith('й')) return father.slice(0, -1) + (sex === 'M' ? 'евич' : 'евна');
  if (father.endsWith('а')) return father.slice(0, -1) + (sex === 'M' ? 'ич' : 'ична');
  return father + (sex === 'M' ? 'ович' : 'овна');
}

/** A Ukrainian patronymic (Андрій → Андрійович, Андріївна; Олександр → Олександрович, Олександрівна). */
function patronymicUk(father: string, sex: Sex): string {
  const exception = ukPatronymicExceptions[father];
  if (exception !== undefined) return sex === 'M' ? exception[0] : exception[1];
  if (father.endsWith('й')) return sex === 'M' ? `${father}ович` : `${father.slice(0, -1)}ївна`;
  if (father.endsWith('о')) return father.slice(0, -1) + (sex === 'M' ? 'ович' : 'івна');
  return father + (sex === 'M' ? 'ович' : 'івна');
}

function words(list: string): string[] {
  return list.split(',').map((word) => word.trim()).filter((word) => word.length > 0);
}

interface Language {
  readonly token: (cyrillic: string) => NameToken;
  readonly feminine: (surname: string) => string;
  readonly patronymic: (father: string, sex: Sex) => string;
  readonly male: WeightedTable<string>;
  readonly female: WeightedTable<string>;
  readonly surnames: WeightedTable<string>;
}

const ru: Language = {
  token: russian, feminine: feminineRu, patronymic: patronymicRu,
  male: WeightedTable.zipf(words(`Александр, Сергей, Дмитрий, Андрей, Алексей, Максим, Евгений, Иван, Михаил, Артём, Владимир,
    Николай, Денис, Павел, Игорь, Олег, Роман, Юрий, Виктор, Константин, Антон, Кирилл, Никита, Илья, Вадим, Григорий,
    Борис, Станислав, Вячеслав, Фёдор, Егор, Тимур, Руслан, Анатолий, Валерий, Геннадий, Пётр, Степан, Даниил, Георгий`)),
  female: WeightedTable.zipf(words(`Елена, Ольга, Наталья, Татьяна, Ирина, Светлана, Екатерина, Анна, Мария, Юлия, Анастасия,
    Марина, Людмила, Галина, Надежда, Валентина, Ксения, Дарья, Алина, Виктория, Евгения, Оксана, Вера, Любовь, Полина,
    Софья, Елизавета, Кристина, Алёна, Яна`)),
  surnames: WeightedTable.zipf(words(`Иванов, Смирнов, Кузнецов, Попов, Васильев, Петров, Соколов, Михайлов, Новиков, Фёдоров,
    Морозов, Волков, Алексеев, Лебедев, Семёнов, Егоров, Павлов, Козлов, Степанов, Николаев, Орлов, Андреев, Макаров,
    Никитин, Захаров, Зайцев, Соловьёв, Борисов, Яковлев, Григорьев, Романов, Воробьёв, Сергеев, Кузьмин, Фролов,
    Александров, Дмитриев, Королёв, Гусев, Киселёв, Ильин, Максимов, Поляков, Сорокин, Виноградов, Ковалёв, Белов,
    Медведев, Антонов, Тарасов, Жуков, Баранов, Филиппов, Комаров, Давыдов, Беляев, Герасимов, Богданов, Осипов,
    Сидоров, Матвеев, Титов, Марков, Миронов, Крылов, Куликов, Карпов, Власов, Мельников, Денисов, Щербаков, Чернышёв,
    Покровский, Никольский, Вознесенский, Журавлёв, Хохлов, Юдин, Ерёмин, Шевцов`), 3),
};

const uk: Language = {
  token: ukrainian, feminine: feminineUk, patronymic: patronymicUk,
  male: WeightedTable.zipf(words(`Олександр, Андрій, Сергій, Володимир, Дмитро, Олексій, Іван, Максим, Юрій, Михайло, Віталій,
    Василь, Микола, Богдан, Тарас, Віктор, Ігор, Олег, Петро, Роман, Ярослав, Назар, Остап, Євген, Артем, Денис, Павло,
    Степан, Григорій, Анатолій`)),
  female: WeightedTable.zipf(words(`Олена, Наталія, Тетяна, Ірина, Оксана, Юлія, Світлана, Катерина, Марія, Ольга, Анна,
    Людмила, Галина, Надія, Вікторія, Софія, Анастасія, Дарина, Ганна, Христина, Валентина, Лариса, Віра, Любов, Зоряна,
    Соломія, Богдана, Мирослава, Алла, Інна, Єлизавета, Яна`)),
  surnames: WeightedTable.zipf(words(`Шевченко, Коваленко, Бондаренко, Ткаченко, Кравченко, Олійник, Шевчук, Коваль, Поліщук,
    Бондар, Ткачук, Мельник, Марченко, Руденко, Савченко, Петренко, Клименко, Павленко, Савчук, Кузьменко, Лисенко, Мороз,
    Левченко, Кравчук, Гончаренко, Литвиненко, Іваненко, Карпенко, Романенко, Мартинюк, Ковальчук, Білоус, Гаврилюк,
    Костенко, Тимошенко, Яковенко, Кушнір, Захарченко, Сидоренко, Федоренко, Василенко, Приходько, Бойко, Кириленко,
    Панченко, Кондратенко, Стасюк, Гуменюк, Ковальов, Яворський, Григорович, Зозуля, Юрченко, Єременко`), 3),
};

const tokenCache = new Map<string, NameToken>();
function cached(language: Language, cyrillic: string): NameToken {
  const key = `${language === ru ? 'ru' : 'uk'}:${cyrillic}`;
  let token = tokenCache.get(key);
  if (token === undefined) {
    token = language.token(cyrillic);
    tokenCache.set(key, token);
  }
  return token;
}

/** The Cyrillic spelling behind a token made here, so children's patronymics and wives' surnames derive from it. */
const cyrillicOf = new WeakMap<NameToken, { readonly text: string; readonly language: Language }>();
function tokenOf(language: Language, cyrillic: string): NameToken {
  const token = cached(language, cyrillic);
  cyrillicOf.set(token, { text: cyrillic, language });
  return token;
}

/**
 * Russian and Ukrainian naming: given name, patronymic from the father's given name, and a
 * surname with masculine and feminine forms; a wife takes her husband's surname. Region `ua`
 * uses Ukrainian names and romanization.
 */
export const cyrillic: NameCulture = {
  id: 'cyrillic',
  name(random: Random, sex: Sex, family: NamingFamily, region: string): PersonName {
    const language = region === 'ua' ? uk : ru;
    const given = (sex === 'M' ? language.male : language.female).sample(random);
    const fathersGiven = family.father?.given.at(0);
    const fathersSurname = family.father?.surname.at(0);
    const fatherGiven = fathersGiven === undefined ? undefined : cyrillicOf.get(fathersGiven.token)?.text;
    const fatherSurname = fathersSurname === undefined ? undefined : cyrillicOf.get(fathersSurname.token)?.text;
    const father = fatherGiven ?? language.male.sample(random);
    const masculine = fatherSurname ?? language.surnames.sample(random);
    const surname = sex === 'F' ? language.feminine(masculine) : masculine;
    return {
      given: [part(tokenOf(language, given))],
      middle: [part(tokenOf(language, language.patronymic(father, sex)))],
      surname: [part(tokenOf(language, surname))],
    };
  },
  married(_random: Random, wife: PersonName, husband: PersonName): PersonName {
    const surname = husband.surname.at(0);
    const husbands = surname === undefined ? undefined : cyrillicOf.get(surname.token);
    if (husbands === undefined) return wife;
    return { given: wife.given, middle: wife.middle, surname: [part(tokenOf(husbands.language, husbands.language.feminine(husbands.text)))] };
  },
};
