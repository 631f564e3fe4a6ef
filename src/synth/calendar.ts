import type { DateFormat } from '../core/mapping/index.js';

/** A calendar day as an integer: days since 1970-01-01. Integer days keep date arithmetic exact and cheap. */
export type Day = number;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;

/** Days since the epoch for a proleptic Gregorian date (Hinnant's days_from_civil). */
export function dayOf(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month and day packed as yyyymmdd (one number, no allocation). */
export function ymd(day: Day): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10000 + m * 100 + d;
}

export function yearOf(day: Day): number {
  return Math.floor(ymd(day) / 10000);
}

/** The same calendar date `years` later (29 February becomes 28 February). */
export function addYears(day: Day, years: number): Day {
  const packed = ymd(day);
  const y = Math.floor(packed / 10000) + years;
  const m = Math.floor(packed / 100) % 100;
  const d = Math.min(packed % 100, daysInMonth(y, m));
  return dayOf(y, m, d);
}

/** Whole years completed between the two days (age on `on` for a birth on `born`). */
export function yearsBetween(born: Day, on: Day): number {
  const a = ymd(born);
  const b = ymd(on);
  const years = Math.floor(b / 10000) - Math.floor(a / 10000);
  return b % 10000 >= a % 10000 ? years : years - 1;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Formats a packed yyyymmdd in one of the source date layouts. */
export function formatYmd(packed: number, format: Exclude<DateFormat, 'auto'>): string {
  const y = Math.floor(packed / 10000);
  const m = Math.floor(packed / 100) % 100;
  const d = packed % 100;
  switch (format) {
    case 'YYYY-MM-DD':
      return `${y}-${two(m)}-${two(d)}`;
    case 'YYYYMMDD':
      return `${y}${two(m)}${two(d)}`;
    case 'MM/DD/YYYY':
      return `${two(m)}/${two(d)}/${y}`;
    case 'DD/MM/YYYY':
      return `${two(d)}/${two(m)}/${y}`;
    case 'DD.MM.YYYY':
      return `${two(d)}.${two(m)}.${y}`;
    case 'DD-MON-YYYY':
      return `${two(d)}-${MONTHS[m - 1] ?? '???'}-${y}`;
  }
}

export function formatDay(day: Day, format: Exclude<DateFormat, 'auto'>): string {
  return formatYmd(ymd(day), format);
}

export function isoDay(day: Day): string {
  return formatYmd(ymd(day), 'YYYY-MM-DD');
}

/** Parses YYYY-MM-DD strictly; undefined when it is not a real date. */
export function parseIsoDay(text: string): Day | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return dayOf(y, m, d);
}
