import { parseDate, standardizeDocumentNumber, standardizeName, westernDigits } from '../../linkage/index.js';

/** One piece of what was typed, read as what it most likely is. */
export type QueryTerm =
  | { readonly kind: 'name'; readonly text: string; readonly token: string; readonly prefix: boolean }
  | { readonly kind: 'document'; readonly text: string; readonly number: string }
  | { readonly kind: 'date'; readonly text: string; readonly date: string; readonly swapped: string | undefined };

const hasDigit = /\d/;
const dateLike = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$|^\d{8}$/;

/** YYYYMMDD with day and month exchanged, when that is still a date. */
function swapDayMonth(date: string): string | undefined {
  const month = Number(date.slice(4, 6));
  const day = Number(date.slice(6, 8));
  if (day === month || day > 12) return undefined;
  return `${date.slice(0, 4)}${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}`;
}

/**
 * Splits a search into names, document numbers and dates of birth. The last name word may be
 * unfinished (typing ahead), so it is also matched as a prefix.
 * @example queryTerms('Mohamed Ali 1980-03-04') → two names and one date
 */
export function queryTerms(q: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const words = westernDigits(q).trim().split(/[\s,;]+/).filter((w) => w !== '');
  for (const word of words) {
    if (dateLike.test(word)) {
      const date = parseDate(word, 'mdy');
      if (date !== undefined && /^\d{8}$/.test(date)) {
        terms.push({ kind: 'date', text: word, date, swapped: swapDayMonth(date) });
        continue;
      }
    }
    if (hasDigit.test(word)) {
      const number = standardizeDocumentNumber(word);
      if (number.length >= 4) terms.push({ kind: 'document', text: word, number });
      continue;
    }
    for (const token of standardizeName(word).split(' ')) {
      if (token.length > 0) terms.push({ kind: 'name', text: word, token, prefix: false });
    }
  }
  const lastName = terms.findLastIndex((t) => t.kind === 'name');
  const last = lastName >= 0 && lastName === terms.length - 1 ? terms[lastName] : undefined;
  if (last?.kind === 'name' && last.token.length >= 3) terms[lastName] = { ...last, prefix: true };
  return terms.slice(0, 8);
}
