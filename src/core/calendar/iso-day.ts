import { DocketError } from '../errors/index.js';

/** A calendar date as YYYY-MM-DD, the only form canonical records hold. */
export type IsoDay = string;

const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const msPerDay = 86_400_000;

/** Day numbers count days since 1970-01-01 in the proleptic Gregorian calendar; arithmetic is exact. */
export const IsoDay = {
  /** Days since 1970-01-01; throws on anything that is not a real calendar date. */
  toDayNumber(day: IsoDay): number {
    const match = pattern.exec(day);
    if (match === null) throw invalid(day);
    const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, date);
    const back = new Date(ms);
    // Date.UTC rolls 2026-02-30 over into March; a round trip catches it.
    if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== date) throw invalid(day);
    return Math.round(ms / msPerDay);
  },

  fromDayNumber(dayNumber: number): IsoDay {
    return new Date(dayNumber * msPerDay).toISOString().slice(0, 10);
  },

  isValid(day: string): boolean {
    try {
      IsoDay.toDayNumber(day);
      return true;
    } catch {
      return false;
    }
  },

  addDays(day: IsoDay, days: number): IsoDay {
    return IsoDay.fromDayNumber(IsoDay.toDayNumber(day) + days);
  },

  /** Whole days from `from` to `to`: positive when `to` is later. */
  daysBetween(from: IsoDay, to: IsoDay): number {
    return IsoDay.toDayNumber(to) - IsoDay.toDayNumber(from);
  },

  /**
   * The same month and day `years` later. A 29 February falls on 1 March in a common year:
   * the later reading, so a minor stays a minor (and a bar lasts) until the date is past beyond doubt.
   */
  anniversary(day: IsoDay, years: number): IsoDay {
    const [year, month, date] = IsoDay.parts(day);
    const target = year + years;
    if (month === 2 && date === 29 && !isLeapYear(target)) return `${pad(target, 4)}-03-01`;
    return `${pad(target, 4)}-${pad(month, 2)}-${pad(date, 2)}`;
  },

  /** 0 = Sunday … 6 = Saturday. */
  weekday(day: IsoDay): number {
    // 1970-01-01 was a Thursday (4).
    return (((IsoDay.toDayNumber(day) + 4) % 7) + 7) % 7;
  },

  parts(day: IsoDay): readonly [year: number, month: number, date: number] {
    IsoDay.toDayNumber(day);
    return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
  },

  of(year: number, month: number, date: number): IsoDay {
    return `${pad(year, 4)}-${pad(month, 2)}-${pad(date, 2)}`;
  },

  /** Whole years completed between `birth` and `on` (age on a date). */
  yearsBetween(birth: IsoDay, on: IsoDay): number {
    const [by] = IsoDay.parts(birth);
    const [oy] = IsoDay.parts(on);
    let years = oy - by;
    if (IsoDay.anniversary(birth, years) > on) years -= 1;
    return years;
  },

  min(a: IsoDay, b: IsoDay): IsoDay {
    return a <= b ? a : b;
  },

  max(a: IsoDay, b: IsoDay): IsoDay {
    return a >= b ? a : b;
  },
} as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function invalid(day: string): DocketError {
  return new DocketError('invalid-input', `"${day}" is not a calendar date`, { hint: 'write dates as YYYY-MM-DD' });
}
