/** The kinds of error a source row may carry, each at its own rate per source. */
export const ErrorKind = ['typo', 'date-swap', 'date-typo', 'missing', 'transliteration', 'name-order', 'surname-dropped', 'nickname', 'ocr'] as const;
export type ErrorKind = (typeof ErrorKind)[number];

/** Probability of each error, per row where the error can happen (a date swap needs a day of 12 or less). */
export type ErrorRates = Readonly<Record<ErrorKind, number>>;

/** What each error does, for documentation and reports. */
export const ERROR_DESCRIPTIONS: Readonly<Record<ErrorKind, string>> = {
  typo: 'one keyboard or phonetic slip in the given name or surname (substitution, deletion, doubling, transposition)',
  'date-swap': 'day and month of the date of birth exchanged (only where both are 12 or less and differ)',
  'date-typo': 'one wrong digit or transposed digits in the date of birth, still a valid date',
  missing: 'one optional value left empty (date of birth, middle name, document number, address, …)',
  transliteration: 'a name written in another romanization or spelling (Mohammed/Muhammad, Zhang/Chang, Yuliya/Iuliia, Nguyễn/Nguyen)',
  'name-order': 'given name and surname written in each other’s place',
  'surname-dropped': 'the second of two surnames left out (Hernández López → Hernández)',
  nickname: 'a nickname or adopted name in place of the given name (José → Pepe, Aleksandr → Sasha, Wei → David)',
  ocr: 'one optical-character confusion in a document number (0/O, 1/I, 5/S, 8/B, 2/Z, 6/G)',
};

export function rates(partial: Partial<Record<ErrorKind, number>>): ErrorRates {
  return { typo: 0, 'date-swap': 0, 'date-typo': 0, missing: 0, transliteration: 0, 'name-order': 0, 'surname-dropped': 0, nickname: 0, ocr: 0, ...partial };
}
