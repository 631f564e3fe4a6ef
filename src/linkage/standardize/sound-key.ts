/**
 * Rewrites applied in order; they fold spellings that transliteration systems and languages use
 * for one sound (kh/h, q/k, zh/ch/j, ph/f/v/w, tz/ts/z/s, c before e/i) so that, after vowels are
 * dropped, Muhammad/Mohamed, Zhang/Chang/Cheung, Sergei/Sergey and Ivanov/Ivanoff share a key.
 */
const rewrites: readonly (readonly [RegExp, string])[] = [
  [/[^a-z]/g, ''],
  [/^mc/, 'mac'],
  [/sch/g, 's'],
  [/tch|tsch|dzh|dj|zh|ch|j/g, 'j'],
  [/sh|ts|tz|z|x(?=$)/g, 's'],
  [/x/g, 'ks'],
  [/ph|ff|w|f/g, 'v'],
  [/kh|gh/g, 'h'],
  [/ck|q|c(?![eiy])/g, 'k'],
  [/c/g, 's'],
  [/dh|dt/g, 'd'],
  [/th/g, 't'],
  [/(?<=.)h/g, ''],
];

const vowels = /[aeiouy]/g;

/**
 * A phonetic key for a single folded name token, built for transliterated names: vowels after
 * the first letter are dropped, equivalent consonants share a letter, doubled letters collapse,
 * and a leading vowel becomes `a`.
 * @example soundKey('mohammed') === soundKey('muhamad')
 */
export function soundKey(token: string): string {
  let s = token;
  for (const [pattern, replacement] of rewrites) s = s.replace(pattern, replacement);
  if (s === '') return '';
  const head = /[aeiouy]/.test(s.charAt(0)) ? 'a' : s.charAt(0);
  const tail = s.slice(1).replace(vowels, '');
  let out = head;
  for (const ch of tail) if (ch !== out[out.length - 1]) out += ch;
  return out;
}
