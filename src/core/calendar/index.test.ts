import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar, federalHolidays, IsoDay, isFederalHoliday, Moment } from './index.js';

const federal = BusinessCalendar.federal();
const anyDay = fc.integer({ min: IsoDay.toDayNumber('1990-01-01'), max: IsoDay.toDayNumber('2060-12-31') }).map((n) => IsoDay.fromDayNumber(n));

describe('IsoDay', () => {
  it('does exact day arithmetic across months, years and leap days', () => {
    expect(IsoDay.addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(IsoDay.addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(IsoDay.addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(IsoDay.daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(IsoDay.weekday('2026-01-01')).toBe(4);
  });

  it('refuses dates that do not exist', () => {
    expect(() => IsoDay.toDayNumber('2026-02-30')).toThrow(/not a calendar date/);
    expect(() => IsoDay.toDayNumber('2026-2-3')).toThrow(/not a calendar date/);
    expect(IsoDay.isValid('2024-02-29')).toBe(true);
  });

  it('puts the anniversary of 29 February on 1 March in a common year', () => {
    expect(IsoDay.anniversary('2008-02-29', 18)).toBe('2026-03-01');
    expect(IsoDay.anniversary('2008-02-29', 16)).toBe('2024-02-29');
    expect(IsoDay.yearsBetween('2008-02-29', '2026-02-28')).toBe(17);
    expect(IsoDay.yearsBetween('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('round-trips every day number', () => {
    fc.assert(fc.property(fc.integer({ min: -50_000, max: 50_000 }), (n) => IsoDay.toDayNumber(IsoDay.fromDayNumber(n)) === n));
  });
});

describe('federal holidays (5 U.S.C. 6103)', () => {
  it('lists the eleven holidays of 2026 on their observed days', () => {
    expect(federalHolidays(2026).map((h) => `${h.name} ${h.observed}`)).toEqual([
      'new-years-day 2026-01-01',
      'martin-luther-king-jr-birthday 2026-01-19',
      'washingtons-birthday 2026-02-16',
      'memorial-day 2026-05-25',
      'juneteenth 2026-06-19',
      // 4 July 2026 is a Saturday: observed on Friday the 3rd.
      'independence-day 2026-07-03',
      'labor-day 2026-09-07',
      'columbus-day 2026-10-12',
      'veterans-day 2026-11-11',
      'thanksgiving-day 2026-11-26',
      'christmas-day 2026-12-25',
    ]);
  });

  it('observes a Saturday New Year on the Friday before, in the previous year', () => {
    expect(isFederalHoliday('2021-12-31')).toBe(true);
    expect(federalHolidays(2022).some((h) => h.name === 'new-years-day')).toBe(false);
  });

  it('moves a Sunday holiday to Monday', () => {
    expect(isFederalHoliday('2023-01-02')).toBe(true);
    expect(isFederalHoliday('2023-01-01')).toBe(false);
  });

  it('counts Juneteenth only from 2021 and Inauguration Day in inauguration years', () => {
    expect(isFederalHoliday('2020-06-19')).toBe(false);
    expect(isFederalHoliday('2024-06-19')).toBe(true);
    expect(federalHolidays(2013).find((h) => h.name === 'inauguration-day')?.observed).toBe('2013-01-21');
    expect(federalHolidays(2033).find((h) => h.name === 'inauguration-day')?.observed).toBe('2033-01-20');
    expect(federalHolidays(2026).some((h) => h.name === 'inauguration-day')).toBe(false);
  });
});

describe('BusinessCalendar', () => {
  it('rolls a weekend or holiday forward to the next business day', () => {
    expect(BusinessCalendar.onOrNextBusinessDay(federal, '2026-07-03')).toBe('2026-07-06');
    expect(BusinessCalendar.onOrNextBusinessDay(federal, '2026-01-17')).toBe('2026-01-20');
    expect(BusinessCalendar.onOrNextBusinessDay(federal, '2026-03-04')).toBe('2026-03-04');
  });

  it('honours extra closures', () => {
    const closed = BusinessCalendar.federal(['2026-12-24']);
    expect(BusinessCalendar.onOrNextBusinessDay(closed, '2026-12-24')).toBe('2026-12-28');
  });

  it('moves past King Day and Inauguration Day together: 17 January 2009 to the 21st', () => {
    expect(BusinessCalendar.onOrNextBusinessDay(federal, '2009-01-17')).toBe('2009-01-21');
  });

  // A weekend plus King Day and Inauguration Day on the Tuesday is the longest run: four days.
  it('always lands on a business day at most four days later (property)', () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const next = BusinessCalendar.onOrNextBusinessDay(federal, day);
        return BusinessCalendar.isBusinessDay(federal, next) && next >= day && IsoDay.daysBetween(day, next) <= 4;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Moment', () => {
  it('takes the local day of an instant from its own offset', () => {
    expect(Moment.ofInstant('2026-03-01T23:30:00-05:00').day).toBe('2026-03-01');
    expect(() => Moment.ofInstant('2026-03-01 23:30')).toThrow(/date-time with an offset/);
  });

  it('compares instants when both sides have a time, and days otherwise', () => {
    const boarding = Moment.ofInstant('2026-03-02T10:00:00-05:00');
    expect(Moment.reached(boarding, '2026-03-02', '2026-03-02T09:30:00-05:00')).toBe(true);
    expect(Moment.reached(boarding, '2026-03-02', '2026-03-02T10:30:00-05:00')).toBe(false);
    expect(Moment.reached(boarding, '2026-03-02')).toBe(true);
    expect(Moment.reached(Moment.ofDay('2026-03-02'), '2026-03-02', '2026-03-02T23:59:00-05:00')).toBe(true);
  });
});
