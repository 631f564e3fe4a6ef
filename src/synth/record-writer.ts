import type { DateFormat } from '../core/mapping/index.js';
import type { Day } from './calendar.js';
import { formatDay, formatYmd, daysInMonth, ymd } from './calendar.js';
import type { ErrorKind, ErrorRates } from './noise.js';
import { ErrorKind as ERROR_KINDS } from './noise.js';
import type { NamePart, NameStyle } from './names/name-token.js';
import { renderText } from './names/name-token.js';
import type { Person } from './person.js';
import { passportOn } from './person.js';
import type { Random } from './random.js';

export type Layout = 'split' | 'given-with-middle' | 'full-surname-first' | 'full-given-first';

/** How a source writes names. */
export interface NameConvention {
  readonly style: NameStyle;
  readonly layout: Layout;
  /** Joins two surnames (Hernández López or Hernández-López). */
  readonly surnameJoin: ' ' | '-';
  /** Writes FNU (first name unknown) for people with one name. */
  readonly fnu: boolean;
  /** Copies the passport, so names follow the passport's romanization table. */
  readonly fromPassport: boolean;
}

/** A rendered name: `full` for full-name layouts, the parts for the others. */
export interface RenderedName {
  readonly surname: string;
  readonly given: string;
  readonly middle: string;
  readonly full: string;
}

/** Counts, per source and error kind, the rows where the error could happen and the rows that got it. */
export class ErrorStats {
  readonly applicable = new Map<string, Float64Array>();
  readonly injected = new Map<string, Float64Array>();

  /** The counters of one source: rows where each kind could happen, rows that got it (indexed like ErrorKind). */
  counters(source: string): { readonly applicable: Float64Array; readonly injected: Float64Array } {
    let applicable = this.applicable.get(source);
    let injected = this.injected.get(source);
    if (applicable === undefined || injected === undefined) {
      applicable = new Float64Array(ERROR_KINDS.length);
      injected = new Float64Array(ERROR_KINDS.length);
      this.applicable.set(source, applicable);
      this.injected.set(source, injected);
    }
    return { applicable, injected };
  }

  /** Adds counts made elsewhere (another chunk, another thread). */
  add(counts: ReturnType<ErrorStats['toJSON']>): void {
    for (const [source, kinds] of Object.entries(counts)) {
      const mine = this.counters(source);
      ERROR_KINDS.forEach((kind, i) => {
        mine.applicable[i] = (mine.applicable[i] ?? 0) + kinds[kind].applicable;
        mine.injected[i] = (mine.injected[i] ?? 0) + kinds[kind].injected;
      });
    }
  }

  /** Per source and kind: rows where it could happen, rows that got it. */
  toJSON(): Record<string, Record<string, { applicable: number; injected: number }>> {
    const out: Record<string, Record<string, { applicable: number; injected: number }>> = {};
    for (const [source, counts] of this.applicable) {
      const hits = this.injected.get(source);
      const entry: Record<string, { applicable: number; injected: number }> = {};
      ERROR_KINDS.forEach((kind, i) => {
        entry[kind] = { applicable: counts[i] ?? 0, injected: hits?.[i] ?? 0 };
      });
      out[source] = entry;
    }
    return out;
  }
}

const KIND_INDEX = Object.fromEntries(ERROR_KINDS.map((kind, i) => [kind, i])) as Readonly<Record<ErrorKind, number>>;

const OCR: Readonly<Partial<Record<string, string>>> = { '0': 'O', O: '0', '1': 'I', I: '1', '5': 'S', S: '5', '8': 'B', B: '8', '2': 'Z', Z: '2', '6': 'G', G: '6' };
/** Letters that are easily confused, by keyboard neighbour or by sound. */
const NEAR: Readonly<Partial<Record<string, string>>> = {
  a: 'seqo', b: 'vnp', c: 'xvsk', d: 'sft', e: 'wrai', f: 'dgv', g: 'fhj', h: 'gjn', i: 'uoey', j: 'hky', k: 'jlc', l: 'kor',
  m: 'nb', n: 'mbh', o: 'ipua', p: 'ob', q: 'wk', r: 'etl', s: 'adzc', t: 'ryd', u: 'yio', v: 'cbf', w: 'qev', x: 'zcs', y: 'tui', z: 'xs',
};

/**
 * Writes one source row at a time for a person, injecting each error kind at the source's rate
 * and remembering which errors the row carries (for the truth file).
 */
export class RecordWriter {
  person!: Person;
  private rates!: ErrorRates;
  private counters!: { readonly applicable: Float64Array; readonly injected: Float64Array };
  private format: Exclude<DateFormat, 'auto'> = 'YYYY-MM-DD';
  private ocrRolled = false;
  readonly errors: ErrorKind[] = [];

  constructor(private readonly random: Random, readonly stats: ErrorStats) {}

  begin(person: Person, source: string, rates: ErrorRates, format: Exclude<DateFormat, 'auto'>): void {
    this.person = person;
    this.counters = this.stats.counters(source);
    this.rates = rates;
    this.format = format;
    this.ocrRolled = false;
    this.errors.length = 0;
  }

  private roll(kind: ErrorKind): boolean {
    const index = KIND_INDEX[kind];
    const hit = this.random.chance(this.rates[kind]);
    this.counters.applicable[index] = (this.counters.applicable[index] ?? 0) + 1;
    if (hit) {
      this.counters.injected[index] = (this.counters.injected[index] ?? 0) + 1;
      this.errors.push(kind);
    }
    return hit;
  }

  chance(p: number): boolean {
    return this.random.chance(p);
  }

  /**
   * An alias as courts and police record them, for about one row in six: the adopted English
   * name, or a nickname, with the surname. Not an error: the person does use it.
   */
  aka(convention: NameConvention, day: Day): string {
    const person = this.person;
    const surname = person.name.surname.at(0);
    if (surname === undefined || !this.random.chance(0.16)) return '';
    const alias = person.englishName?.forms[0] ?? person.name.given.at(0)?.token.nicknames.at(0);
    if (alias === undefined) return '';
    const last = surname.token.render(convention.fromPassport ? (passportOn(person, day)?.nameForm ?? surname.form) : surname.form, convention.style);
    const given = renderText(alias, convention.style);
    return convention.layout === 'full-surname-first' ? `${last}, ${given}` : `${given} ${last}`;
  }

  /** An event date in the source's layout (event dates are not corrupted: they key the events). */
  date(day: Day | undefined): string {
    return day === undefined ? '' : formatDay(day, this.format);
  }

  /** The date of birth, perhaps with day and month swapped or a digit wrong. */
  dob(): string {
    const packed = ymd(this.person.dob);
    const y = Math.floor(packed / 10000);
    const m = Math.floor(packed / 100) % 100;
    const d = packed % 100;
    if (d <= 12 && d !== m && this.roll('date-swap')) return formatYmd(y * 10000 + d * 100 + m, this.format);
    if (this.roll('date-typo')) return formatYmd(this.dateTypo(y, m, d), this.format);
    return formatYmd(packed, this.format);
  }

  private dateTypo(y: number, m: number, d: number): number {
    const r = this.random;
    switch (r.below(3)) {
      case 0: {
        // A wrong last digit of the day, kept a real date.
        let day = Math.floor(d / 10) * 10 + r.below(10);
        if (day === d || day < 1 || day > daysInMonth(y, m)) day = d === 1 ? 2 : d - 1;
        return y * 10000 + m * 100 + day;
      }
      case 1: {
        // The decade digits transposed (1985 → 1958) when that stays plausible, else one year off.
        const tens = Math.floor(y / 10) % 10;
        const ones = y % 10;
        const swapped = Math.floor(y / 100) * 100 + ones * 10 + tens;
        const year = swapped !== y && swapped >= 1920 && swapped <= 2024 ? swapped : y + (r.chance(0.5) ? 1 : -1);
        return year * 10000 + m * 100 + Math.min(d, daysInMonth(year, m));
      }
      default: {
        const month = m === 12 ? 11 : m + 1;
        return y * 10000 + month * 100 + Math.min(d, daysInMonth(y, month));
      }
    }
  }

  /** A document number, perhaps with one OCR confusion (rolled once per row, on its first document). */
  doc(value: string): string {
    if (value === '' || this.ocrRolled) return value;
    this.ocrRolled = true;
    const positions: number[] = [];
    for (let i = 0; i < value.length; i++) if (OCR[value.charAt(i)] !== undefined) positions.push(i);
    if (positions.length === 0 || !this.roll('ocr')) return value;
    const at = this.random.pick(positions);
    return value.slice(0, at) + (OCR[value.charAt(at)] ?? '') + value.slice(at + 1);
  }

  /** Blanks one of the optional values that has one. */
  missing<T extends Record<string, string>>(row: T, optional: readonly string[]): T {
    const filled = optional.filter((column) => row[column] !== '');
    if (filled.length === 0 || !this.roll('missing')) return row;
    const column = this.random.pick(filled);
    return { ...row, [column]: '' };
  }

  private style: NameStyle = 'upper-ascii';
  private passportForm = -1;
  private respelled: NamePart | undefined;
  private respelledForm = 0;

  private formOf(part: NamePart): number {
    return part === this.respelled ? this.respelledForm : this.passportForm >= 0 ? this.passportForm : part.form;
  }

  /** Parts `from` onward, each in its form for this row, joined. */
  private render(parts: readonly NamePart[], from: number, join: string): string {
    let out = '';
    for (let i = from; i < parts.length; i++) {
      const part = parts[i];
      out += (i === from ? '' : join) + part.token.render(this.formOf(part), this.style);
    }
    return out;
  }

  /** Picks the `pick`-th part with variant spellings and gives it another spelling for this row. */
  private respell(lists: readonly (readonly NamePart[])[], pick: number): void {
    let left = pick;
    for (const list of lists) {
      for (const part of list) {
        if (!part.token.hasVariants(this.style) || left-- !== 0) continue;
        const current = part.token.render(this.formOf(part), this.style);
        const others: number[] = [];
        for (let i = 0; i < part.token.forms.length; i++) if (part.token.render(i, this.style) !== current) others.push(i);
        this.respelled = part;
        this.respelledForm = this.random.pick(others);
        return;
      }
    }
  }

  /** The person's name as this source writes it on `day`, with the source's name errors. */
  name(convention: NameConvention, day: Day): RenderedName {
    const person = this.person;
    const style = convention.style;
    this.style = style;
    this.passportForm = convention.fromPassport ? (passportOn(person, day)?.nameForm ?? -1) : -1;
    this.respelled = undefined;
    const { given, middle } = person.name;
    let surname = person.name.surname;

    let nickname: string | undefined;
    const first = given.at(0);
    const nicknames = person.englishName === undefined ? (first?.token.nicknames ?? []) : person.englishName.forms;
    if (first !== undefined && nicknames.length > 0 && this.roll('nickname')) nickname = renderText(this.random.pick(nicknames), style);

    let variable = 0;
    for (const part of given) if (part.token.hasVariants(style)) variable++;
    for (const part of middle) if (part.token.hasVariants(style)) variable++;
    for (const part of surname) if (part.token.hasVariants(style)) variable++;
    if (variable > 0 && this.roll('transliteration')) this.respell([given, middle, surname], this.random.below(variable));

    if (surname.length > 1 && this.roll('surname-dropped')) {
      // Brazilian records keep the last surname (the father's); Spanish ones the first.
      surname = person.household.origin.code === 'BRA' ? surname.slice(-1) : surname.slice(0, 1);
    }

    let givenText: string;
    let middleText = '';
    if (convention.layout === 'split') {
      givenText = nickname ?? (given.length === 0 ? '' : this.render(given.slice(0, 1), 0, ' '));
      const rest = this.render(given, 1, ' ');
      const own = this.render(middle, 0, ' ');
      middleText = rest === '' ? own : own === '' ? rest : `${rest} ${own}`;
    } else {
      const all = given.length === 0 ? middle : middle.length === 0 ? given : [...given, ...middle];
      givenText = nickname === undefined ? this.render(all, 0, ' ') : all.length > 1 ? `${nickname} ${this.render(all, 1, ' ')}` : nickname;
    }
    let surnameText = this.render(surname, 0, convention.surnameJoin);
    if (givenText === '' && convention.fnu) givenText = 'FNU';

    if (givenText !== '' && surnameText !== '' && this.roll('name-order')) [givenText, surnameText] = [surnameText, givenText];
    if (this.roll('typo')) {
      if (surnameText !== '' && (givenText === '' || this.random.chance(0.6))) surnameText = this.typo(surnameText);
      else givenText = this.typo(givenText);
    }

    let full = '';
    if (convention.layout === 'full-surname-first') full = givenText === '' ? surnameText : `${surnameText}, ${middleText === '' ? givenText : `${givenText} ${middleText}`}`;
    else if (convention.layout === 'full-given-first') full = [givenText, middleText, surnameText].filter((t) => t !== '').join(' ');
    return { surname: surnameText, given: givenText, middle: middleText, full };
  }

  /** One slip of the hand or ear: substitution by a near letter, deletion, doubling or transposition. */
  private typo(text: string): string {
    const r = this.random;
    const letters: number[] = [];
    for (let i = 0; i < text.length; i++) if (/\p{L}/u.test(text.charAt(i))) letters.push(i);
    if (letters.length < 2) return `${text}${text.charAt(text.length - 1)}`;
    const at = r.pick(letters);
    const char = text.charAt(at);
    const upper = char !== char.toLowerCase();
    switch (r.below(4)) {
      case 0: {
        const near = NEAR[char.toLowerCase()] ?? 'e';
        const replacement = near.charAt(r.below(near.length));
        return text.slice(0, at) + (upper ? replacement.toUpperCase() : replacement) + text.slice(at + 1);
      }
      case 1:
        return text.slice(0, at) + text.slice(at + 1);
      case 2:
        return text.slice(0, at) + char + text.slice(at);
      default: {
        const next = at + 1 < text.length ? at : at - 1;
        return text.slice(0, next) + text.charAt(next + 1) + text.charAt(next) + text.slice(next + 2);
      }
    }
  }
}
