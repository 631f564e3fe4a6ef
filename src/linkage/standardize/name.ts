import { foldText } from './fold-text.js';

/** Surname particles: kept in the written name, left out of its core (van der Berg → berg). */
const particles = new Set([
  'de', 'del', 'della', 'dela', 'delle', 'der', 'den', 'des', 'di', 'da', 'das', 'do', 'dos', 'du', 'la', 'le', 'lo',
  'van', 'von', 'vom', 'zu', 'ter', 'ten', 'op', 'het', 'y', 'e', 'al', 'el', 'ul', 'bin', 'ben', 'ibn', 'bint', 'binti',
  'ould', 'ait', 'abu', 'abou', 'st', 'san', 'santa',
]);

/** Prefixes written apart or together (Mc Donald, O Brien); joined so both spellings agree. */
const joinedPrefixes = new Set(['mc', 'mac', 'o', 'd', 'l', 'fitz']);

/** The many spellings of Arabic "Abd al-" (servant of) that open compound given names. */
const abdPrefix = /^abd(?:ul|el|al|ol|oul|ur|er|ar|u|e|a)?$/;
const abdJoined = /^abd(?:ul|el|al|ol|oul|ur|er|ar|ou|u|i)(?=[a-z]{3,})/;

/**
 * Standardizes a written name: folds it, joins split prefixes (mc donald → mcdonald) and writes
 * every spelling of the Arabic "Abd al-" compound the same way (Abd el-Rahman → abdulrahman).
 * @example standardizeName("  O'Brien ") === 'obrien'
 */
export function standardizeName(raw: string): string {
  const folded = foldText(raw);
  // Most names are one plain word: nothing to join or rewrite.
  if (!folded.includes(' ') && !folded.startsWith('abd')) return folded;
  const tokens = folded.split(' ').filter((t) => t !== '');
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let token = tokens[i];
    const next = i + 1 < tokens.length ? tokens[i + 1] : undefined;
    if (next !== undefined && joinedPrefixes.has(token) && next.length > 2) {
      token += next;
      i++;
    } else if (next !== undefined && abdPrefix.test(token)) {
      // "abd al rahman": skip a separate article after the prefix, then join.
      const afterArticle = next === 'al' || next === 'el' || next === 'ul' ? (i + 2 < tokens.length ? tokens[i + 2] : undefined) : next;
      if (afterArticle !== undefined) {
        token = `abdul${afterArticle}`;
        i += afterArticle === next ? 1 : 2;
      }
    } else if (abdJoined.test(token)) {
      token = token.replace(abdJoined, 'abdul');
    }
    out.push(token);
  }
  return out.join(' ');
}

/**
 * The meaningful words of a standardized name, without particles (al hassan → hassan).
 * A name made only of particles keeps them.
 */
export function nameCore(standardized: string): string[] {
  const tokens = standardized === '' ? [] : standardized.split(' ');
  const core = tokens.filter((t) => !particles.has(t));
  return core.length > 0 ? core : tokens;
}

/** A person's name split into parts, each standardized ('' when absent). */
export interface NameParts {
  readonly given: string;
  readonly middle: string;
  readonly surname: string;
}

const upperWord = /^\p{Lu}[\p{Lu}'’-]+$/u;

/**
 * Splits a single full-name field. "SURNAME, Given Middle" puts the surname first; a run of
 * upper-case words among mixed-case ones is the surname ("Juan Carlos GARCIA LOPEZ"); otherwise
 * the first word is the given name and the last word, with its particles, the surname.
 * @example parseFullName('Ludwig van Beethoven') → { given: 'ludwig', middle: '', surname: 'van beethoven' }
 */
export function parseFullName(raw: string): NameParts {
  const comma = raw.indexOf(',');
  if (comma >= 0) {
    const givenWords = standardizeName(raw.slice(comma + 1)).split(' ').filter((t) => t !== '');
    return { surname: standardizeName(raw.slice(0, comma)), given: givenWords[0] ?? '', middle: givenWords.slice(1).join(' ') };
  }
  const words = raw.trim().split(/\s+/).filter((w) => w !== '');
  const upper = words.map((w) => upperWord.test(w));
  const upperCount = upper.filter(Boolean).length;
  if (upperCount > 0 && upperCount < words.length) {
    const surname = standardizeName(words.filter((_, i) => upper[i]).join(' '));
    const rest = standardizeName(words.filter((_, i) => !upper[i]).join(' ')).split(' ');
    return { surname, given: rest[0] ?? '', middle: rest.slice(1).join(' ') };
  }
  const tokens = standardizeName(raw).split(' ').filter((t) => t !== '');
  if (tokens.length <= 1) return { given: tokens[0] ?? '', middle: '', surname: '' };
  let start = tokens.length - 1;
  while (start > 1 && particles.has(tokens[start - 1] ?? '')) start--;
  return { given: tokens[0] ?? '', middle: tokens.slice(1, start).join(' '), surname: tokens.slice(start).join(' ') };
}
