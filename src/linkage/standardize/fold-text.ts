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

/**
 * Arabic and Persian letters to Latin consonants, the way names are commonly romanized. Short
 * vowels are not written, so محمد gives mhmd: the sound keys, which drop vowels after the first
 * letter, then meet Mohammed and Muhammad. ع is read as a vowel (عمر, Omar), و and ي inside a word
 * as long vowels; at the start of a word they are w and y (below).
 */
const arabic: Readonly<Partial<Record<string, string>>> = {
  ا: 'a', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh', ص: 's',
  ض: 'd', ط: 't', ظ: 'z', ع: 'a', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', و: 'u', ي: 'i',
  ى: 'a', ة: 'a', ء: '', ـ: '', پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g', ک: 'k', ی: 'i', ٹ: 't', ڈ: 'd', ڑ: 'r', ں: 'n',
  ہ: 'h', ھ: 'h', ے: 'e',
};

const easternDigits = /[\u0660-\u0669\u06f0-\u06f9]/g;

/**
 * Arabic-Indic and Persian digits as 0-9, so a date or document number written with them reads.
 * @example westernDigits('١٩٨٥-٠٣-٠٤') === '1985-03-04'
 */
export function westernDigits(text: string): string {
  return text.replace(easternDigits, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

const arabicScript = /[\u0600-\u06ff]/;
/** The article ال written onto a name (الحسن) becomes the particle al, a word of its own. */
const arabicArticle = /(^|[^\u0600-\u06ff])ال(?=[\u0621-\u064a])/g;
const arabicInitialW = /(^|[^\u0600-\u06ff])و/g;
const arabicInitialY = /(^|[^\u0600-\u06ff])[يی]/g;

const marks = /\p{M}+/gu;
const separators = /[^a-z0-9]+/g;
const plainAscii = /^[a-z0-9 ]*$/;

/**
 * Folds text to lower-case ASCII words separated by single spaces: Unicode compatibility forms,
 * diacritics, Cyrillic, Greek and Arabic letters, apostrophes (O'Brien → obrien) and punctuation.
 * @example foldText('  José-María  ÑÚÑEZ ') === 'jose maria nunez'
 */
export function foldText(text: string): string {
  let lower = text.toLowerCase();
  if (plainAscii.test(lower)) return collapseSpaces(lower);
  lower = lower.normalize('NFKD').replace(marks, '');
  if (arabicScript.test(lower)) lower = westernDigits(lower).replace(arabicArticle, '$1al ').replace(arabicInitialW, '$1w').replace(arabicInitialY, '$1y');
  let out = '';
  for (const ch of lower) {
    const code = ch.charCodeAt(0);
    if (code < 128) {
      out += ch === "'" || ch === '`' ? '' : ch;
      continue;
    }
    out += specialLetters[ch] ?? cyrillic[ch] ?? greek[ch] ?? arabic[ch] ?? ' ';
  }
  return out.replace(separators, ' ').trim();
}

function collapseSpaces(text: string): string {
  if (!text.includes('  ') && text.trim() === text) return text;
  return text.replace(/ +/g, ' ').trim();
}
