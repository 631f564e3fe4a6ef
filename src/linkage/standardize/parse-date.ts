/** How to read an all-numeric date whose first two fields could each be the day or the month. */
export type DateOrder = 'mdy' | 'dmy';

const monthNames: Readonly<Partial<Record<string, number>>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const isoLike = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ].*)?$/;
const compact = /^(\d{4})(\d{2})(\d{2})$/;
const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const slashed = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/;
const named = /^(\d{1,2})[ -]?([a-z]+)\.?[ ,-]*(\d{4})$|^([a-z]+)\.?[ -]?(\d{1,2}),?[ -]*(\d{4})$/;

const digitsOnly = /^\d{6,10}$/;

/**
 * Reads a date of birth written as ISO (1980-03-12), YYYYMMDD, DD.MM.YYYY, MM/DD/YYYY or
 * DD/MM/YYYY, or with a month name (12 Mar 1980, March 12, 1980), into the text YYYYMMDD.
 * Slashed dates are read by `order` unless one field is above 12, which settles it.
 * A run of digits that is not a date (19561309, 1956409) is kept as it is, because a typo in a
 * date is still evidence; anything else unreadable gives `undefined`.
 * @example parseDate('12.03.1980') === '19800312'
 */
export function parseDate(raw: string, order: DateOrder = 'mdy'): string | undefined {
  const text = raw.trim().toLowerCase();
  if (text === '') return undefined;
  let m = compact.exec(text);
  if (m !== null) return text;
  m = isoLike.exec(text);
  if (m !== null) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = dotted.exec(text);
  if (m !== null) return ymd(Number(m[3]), Number(m[2]), Number(m[1]));
  m = slashed.exec(text);
  if (m !== null) {
    const first = Number(m[1]);
    const second = Number(m[2]);
    const dayFirst = first > 12 ? true : second > 12 ? false : order === 'dmy';
    return dayFirst ? ymd(Number(m[3]), second, first) : ymd(Number(m[3]), first, second);
  }
  m = named.exec(text);
  if (m !== null) {
    // Two alternatives: day-month-year fills groups 1–3, month-day-year groups 4–6.
    const [, day1, month1, year1, month2, day2, year2] = m as unknown as readonly (string | undefined)[];
    const month = monthNames[month1 ?? month2 ?? ''];
    if (month === undefined) return undefined;
    return ymd(Number(year1 ?? year2), month, Number(day1 ?? day2));
  }
  return digitsOnly.test(text) ? text : undefined;
}

/**
 * Decides the order of a column's slashed dates from its values: a first field above 12 proves
 * day-first, a second field above 12 proves month-first; with no proof either way, `fallback`.
 */
export function inferDateOrder(samples: Iterable<string>, fallback: DateOrder = 'mdy'): DateOrder {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const raw of samples) {
    const m = slashed.exec(raw.trim());
    if (m === null) continue;
    if (Number(m[1]) > 12) dayFirst++;
    else if (Number(m[2]) > 12) monthFirst++;
  }
  if (dayFirst === monthFirst) return fallback;
  return dayFirst > monthFirst ? 'dmy' : 'mdy';
}

function ymd(year: number, month: number, day: number): string | undefined {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return String(year * 10000 + month * 100 + day);
}

/** True when the text YYYYMMDD names a real calendar day. */
export function isRealDate(text: string): boolean {
  if (text.length !== 8) return false;
  const value = Number(text);
  const year = Math.floor(value / 10000);
  const month = Math.floor(value / 100) % 100;
  const day = value % 100;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of YYYYMMDD text, or NaN when it is not a real date. */
export function dayNumber(text: string): number {
  if (!isRealDate(text)) return Number.NaN;
  const value = Number(text);
  const year = Math.floor(value / 10000);
  const month = Math.floor(value / 100) % 100;
  const day = value % 100;
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}
