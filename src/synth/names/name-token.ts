/** How a source writes names: its case and whether it keeps letters outside ASCII. */
export type NameStyle = 'upper-ascii' | 'title-ascii' | 'title-unicode';

const FOLD: Readonly<Partial<Record<string, string>>> = { Đ: 'D', đ: 'd', Ø: 'O', ø: 'o', Ł: 'L', ł: 'l', ß: 'ss', Æ: 'AE', æ: 'ae', Œ: 'OE', œ: 'oe', ʼ: "'", ʻ: "'" };

/** Latin letters without diacritics; Đ and Ł do not decompose, so they are mapped by hand. */
export function foldToAscii(text: string): string {
  let out = '';
  for (const char of text.normalize('NFD')) {
    const code = char.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue;
    out += FOLD[char] ?? char;
  }
  return out;
}

/**
 * One name (a given name, a surname, a patronymic) with every spelling a record may carry.
 * `forms[0]` is the usual spelling; the others are real variants of the same name:
 * other transliteration systems, romanizations or diacritics. Renderings are precomputed
 * because they are read for every row written.
 */
export class NameToken {
  readonly forms: readonly string[];
  readonly nicknames: readonly string[];
  private readonly rendered: Readonly<Record<NameStyle, readonly string[]>>;
  /** Whether some other form renders differently in the style (a transliteration error can show). */
  private readonly varies: Readonly<Record<NameStyle, boolean>>;

  constructor(forms: readonly string[], nicknames: readonly string[] = []) {
    if (forms.length === 0) throw new RangeError('a name needs at least one form');
    this.forms = forms;
    this.nicknames = nicknames;
    const upperAscii = forms.map((form) => foldToAscii(form).toUpperCase());
    const titleAscii = forms.map((form) => foldToAscii(form));
    this.rendered = { 'upper-ascii': upperAscii, 'title-ascii': titleAscii, 'title-unicode': forms };
    this.varies = {
      'upper-ascii': new Set(upperAscii).size > 1,
      'title-ascii': new Set(titleAscii).size > 1,
      'title-unicode': new Set(forms).size > 1,
    };
  }

  render(form: number, style: NameStyle): string {
    const forms = this.rendered[style];
    return forms[form] ?? (forms[0]);
  }

  hasVariants(style: NameStyle): boolean {
    return this.varies[style];
  }
}

/** Renders a free-standing name (a nickname, a typo'd form) in a style. */
export function renderText(text: string, style: NameStyle): string {
  switch (style) {
    case 'upper-ascii':
      return foldToAscii(text).toUpperCase();
    case 'title-ascii':
      return foldToAscii(text);
    case 'title-unicode':
      return text;
  }
}

/** One part of a person's name: the name and the spelling this person uses. */
export interface NamePart {
  readonly token: NameToken;
  readonly form: number;
}

/** A person's true name in parts, as their own documents spell it. */
export interface PersonName {
  readonly given: readonly NamePart[];
  readonly middle: readonly NamePart[];
  readonly surname: readonly NamePart[];
}

export function part(token: NameToken, form = 0): NamePart {
  return { token, form };
}

/** Tokens for plain names that have a single spelling; `|` separates variant spellings. */
export function tokens(list: string, nicknames: Readonly<Partial<Record<string, readonly string[]>>> = {}): NameToken[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const forms = entry.split('|');
      return new NameToken(forms, nicknames[forms[0]] ?? []);
    });
}
