/**
 * Letters that readers and OCR confuse with digits, written as the digit: O/Q/D → 0, I/L → 1,
 * Z → 2, S → 5, G → 6, B → 8. Applied to every character so that both sides of a comparison agree.
 */
const confusions: Readonly<Partial<Record<string, string>>> = { o: '0', q: '0', d: '0', i: '1', l: '1', z: '2', s: '5', g: '6', b: '8' };

const digitsOnly = /^[0-9]+$/;

/**
 * Standardizes a document number (passport, alien number, visa foil, national id): case, spaces,
 * dashes and dots removed, letters easily confused with digits written as digits.
 * @example standardizeDocumentNumber('a-0l2 345') === 'a012345'
 */
export function standardizeDocumentNumber(raw: string): string {
  if (digitsOnly.test(raw)) return raw;
  let out = '';
  for (const ch of raw.toLowerCase()) {
    if ((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z')) out += confusions[ch] ?? ch;
  }
  return out;
}
