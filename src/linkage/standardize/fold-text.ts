/** Letters that NFKD does not decompose into a base letter plus marks. */
const specialLetters: Readonly<Partial<Record<string, string>>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h', ŋ: 'ng', ĸ: 'k', ſ: 's',
  ʼ: '', ʻ: '', '’': '', '‘': '', '`': '', '´': '', "'": '',
};

/** A common romanization of Cyrillic (close to the passport systems), so Сергей and Sergei meet. */
const cyrillic: Readonly<Partial<Record<string, string>>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', є: 'ie', і: 'i', ї: 'i', ґ: 'g', ў: 'u',
};

/** Greek to Latin, letter by letter (ELOT 743 simplified). */
const greek: Readonly<Partial<Record<string, string>>> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x',
  ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

const marks = /\p{M}+/gu;
const separators = /[^a-z0-9]+/g;
const plainAscii = /^[a-z0-9 ]*$/;

/**
 * Folds text to lower-case ASCII words separated by single spaces: Unicode compatibility forms,
 * diacritics, Cyrillic and Greek letters, apostrophes (O'Brien → obrien) and punctuation.
 * @example foldText('  José-María  ÑÚÑEZ ') === 'jose maria nunez'
 */
export function foldText(text: string): string {
  let lower = text.toLowerCase();
  if (plainAscii.test(lower)) return collapseSpaces(lower);
  lower = lower.normalize('NFKD').replace(marks, '');
  let out = '';
  for (const ch of lower) {
    const code = ch.charCodeAt(0);
    if (code < 128) {
      out += ch === "'" || ch === '`' ? '' : ch;
      continue;
    }
    out += specialLetters[ch] ?? cyrillic[ch] ?? greek[ch] ?? ' ';
  }
  return out.replace(separators, ' ').trim();
}

function collapseSpaces(text: string): string {
  if (!text.includes('  ') && text.trim() === text) return text;
  return text.replace(/ +/g, ' ').trim();
}
