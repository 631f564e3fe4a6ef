import type { DateFormat } from '../../core/mapping/index.js';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

function iso(year: number, month: number, day: number): string | undefined {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const layouts: Record<Exclude<DateFormat, 'auto'>, (text: string) => string | undefined> = {
  'YYYY-MM-DD': (t) => {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
    return m === null ? undefined : iso(Number(m[1]), Number(m[2]), Number(m[3]));
  },
  YYYYMMDD: (t) => {
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
    return m === null ? undefined : iso(Number(m[1]), Number(m[2]), Number(m[3]));
  },
  'MM/DD/YYYY': (t) => {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    return m === null ? undefined : iso(Number(m[3]), Number(m[1]), Number(m[2]));
  },
  'DD/MM/YYYY': (t) => {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    return m === null ? undefined : iso(Number(m[3]), Number(m[2]), Number(m[1]));
  },
  'DD.MM.YYYY': (t) => {
    const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
    return m === null ? undefined : iso(Number(m[3]), Number(m[2]), Number(m[1]));
  },
  'DD-MON-YYYY': (t) => {
    const m = /^(\d{1,2})[- ]([A-Za-z]{3})[- ](\d{4})$/.exec(t);
    return m === null ? undefined : iso(Number(m[3]), MONTHS.indexOf(m[2].toUpperCase()) + 1, Number(m[1]));
  },
};

/**
 * A source date in its declared layout as YYYY-MM-DD; undefined when it does not fit or is no
 * real day. `auto` takes only layouts that cannot be misread: a slash date is accepted only when
 * the day is over 12, because 03/04/2020 means two different days on two sides of the Atlantic.
 */
export function parseMappedDate(text: string, format: DateFormat): string | undefined {
  const t = text.trim();
  if (format !== 'auto') return layouts[format](t);
  const unambiguous = layouts['YYYY-MM-DD'](t) ?? layouts.YYYYMMDD(t) ?? layouts['DD-MON-YYYY'](t) ?? layouts['DD.MM.YYYY'](t);
  if (unambiguous !== undefined) return unambiguous;
  const mdy = layouts['MM/DD/YYYY'](t);
  const dmy = layouts['DD/MM/YYYY'](t);
  if (mdy !== undefined && dmy !== undefined && mdy !== dmy) return undefined;
  return mdy ?? dmy;
}
