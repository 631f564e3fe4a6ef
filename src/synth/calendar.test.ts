import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addYears, dayOf, formatDay, isoDay, parseIsoDay, yearsBetween, ymd } from './calendar.js';

describe('calendar', () => {
  it('agrees with the epoch and round-trips every day', () => {
    expect(dayOf(1970, 1, 1)).toBe(0);
    expect(dayOf(2000, 3, 1) - dayOf(2000, 2, 28)).toBe(2);
    fc.assert(fc.property(fc.integer({ min: -60_000, max: 60_000 }), (day) => {
      const packed = ymd(day);
      return dayOf(Math.floor(packed / 10000), Math.floor(packed / 100) % 100, packed % 100) === day;
    }));
  });

  it('writes every source layout', () => {
    const day = dayOf(1987, 3, 9);
    expect(formatDay(day, 'YYYY-MM-DD')).toBe('1987-03-09');
    expect(formatDay(day, 'YYYYMMDD')).toBe('19870309');
    expect(formatDay(day, 'MM/DD/YYYY')).toBe('03/09/1987');
    expect(formatDay(day, 'DD/MM/YYYY')).toBe('09/03/1987');
    expect(formatDay(day, 'DD.MM.YYYY')).toBe('09.03.1987');
    expect(formatDay(day, 'DD-MON-YYYY')).toBe('09-MAR-1987');
  });

  it('counts ages and anniversaries, 29 February included', () => {
    const leap = dayOf(2004, 2, 29);
    expect(isoDay(addYears(leap, 1))).toBe('2005-02-28');
    expect(yearsBetween(leap, dayOf(2022, 2, 28))).toBe(17);
    expect(yearsBetween(dayOf(2007, 6, 30), dayOf(2025, 6, 30))).toBe(18);
    expect(yearsBetween(dayOf(2007, 7, 1), dayOf(2025, 6, 30))).toBe(17);
  });

  it('parses only real ISO dates', () => {
    expect(parseIsoDay('2025-06-30')).toBe(dayOf(2025, 6, 30));
    expect(parseIsoDay('2025-02-29')).toBeUndefined();
    expect(parseIsoDay('30/06/2025')).toBeUndefined();
  });
});
