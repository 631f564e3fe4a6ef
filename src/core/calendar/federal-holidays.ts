import { IsoDay } from './iso-day.js';

export const HolidayName = [
  'new-years-day', 'martin-luther-king-jr-birthday', 'washingtons-birthday', 'memorial-day',
  'juneteenth', 'independence-day', 'labor-day', 'columbus-day', 'veterans-day', 'thanksgiving-day',
  'christmas-day', 'inauguration-day',
] as const;
export type HolidayName = (typeof HolidayName)[number];

export interface FederalHoliday {
  readonly kind: 'federal-holiday';
  readonly name: HolidayName;
  /** The day offices close: a Saturday holiday moves to Friday, a Sunday one to Monday. */
  readonly observed: IsoDay;
  readonly actual: IsoDay;
  readonly citation: string;
}

const statute = '5 U.S.C. 6103(a)';
const observance = '5 U.S.C. 6103(b); Executive Order 11582';

/**
 * The legal public holidays whose observed day falls in `year`, in date order. Inauguration Day is
 * included because the Board of Immigration Appeals sits in the Washington area, where 5 U.S.C. 6103(c)
 * makes it a holiday; counting it can only lengthen an appeal period, never shorten one.
 */
export function federalHolidays(year: number): readonly FederalHoliday[] {
  const holidays = [...holidaysActualIn(year), ...holidaysActualIn(year + 1)]
    .filter((holiday) => holiday.observed.startsWith(`${String(year).padStart(4, '0')}-`));
  return holidays.sort((a, b) => (a.observed < b.observed ? -1 : 1));
}

/** Whether federal offices are closed for a holiday on `day`. */
export function isFederalHoliday(day: IsoDay): boolean {
  const [year] = IsoDay.parts(day);
  return federalHolidays(year).some((holiday) => holiday.observed === day);
}

function holidaysActualIn(year: number): FederalHoliday[] {
  const fixed = (name: HolidayName, month: number, date: number): FederalHoliday =>
    holiday(name, IsoDay.of(year, month, date), true);
  const floating = (name: HolidayName, day: IsoDay): FederalHoliday => holiday(name, day, false);

  const list: FederalHoliday[] = [fixed('new-years-day', 1, 1)];
  // The King holiday was first observed in 1986 and Juneteenth in 2021 (Pub. L. 98-144; Pub. L. 117-17).
  if (year >= 1986) list.push(floating('martin-luther-king-jr-birthday', nthWeekday(year, 1, 1, 3)));
  list.push(floating('washingtons-birthday', nthWeekday(year, 2, 1, 3)));
  list.push(floating('memorial-day', lastWeekday(year, 5, 1)));
  if (year >= 2021) list.push(fixed('juneteenth', 6, 19));
  list.push(fixed('independence-day', 7, 4));
  list.push(floating('labor-day', nthWeekday(year, 9, 1, 1)));
  list.push(floating('columbus-day', nthWeekday(year, 10, 1, 2)));
  list.push(fixed('veterans-day', 11, 11));
  list.push(floating('thanksgiving-day', nthWeekday(year, 11, 4, 4)));
  list.push(fixed('christmas-day', 12, 25));
  if (year % 4 === 1 && year >= 1965) {
    // 5 U.S.C. 6103(c): 20 January after a presidential election; when a Sunday, the Monday after.
    const day = IsoDay.of(year, 1, 20);
    const observed = IsoDay.weekday(day) === 0 ? IsoDay.addDays(day, 1) : day;
    list.push({ kind: 'federal-holiday', name: 'inauguration-day', actual: day, observed, citation: '5 U.S.C. 6103(c)' });
  }
  return list;
}

function holiday(name: HolidayName, actual: IsoDay, movesOffWeekend: boolean): FederalHoliday {
  const weekday = IsoDay.weekday(actual);
  let observed = actual;
  if (movesOffWeekend && weekday === 6) observed = IsoDay.addDays(actual, -1);
  if (movesOffWeekend && weekday === 0) observed = IsoDay.addDays(actual, 1);
  return { kind: 'federal-holiday', name, actual, observed, citation: observed === actual ? statute : `${statute}; ${observance}` };
}

/** The `n`th given weekday (0 = Sunday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): IsoDay {
  const first = IsoDay.of(year, month, 1);
  const offset = (weekday - IsoDay.weekday(first) + 7) % 7;
  return IsoDay.addDays(first, offset + 7 * (n - 1));
}

function lastWeekday(year: number, month: number, weekday: number): IsoDay {
  const last = IsoDay.addDays(month === 12 ? IsoDay.of(year + 1, 1, 1) : IsoDay.of(year, month + 1, 1), -1);
  const offset = (IsoDay.weekday(last) - weekday + 7) % 7;
  return IsoDay.addDays(last, -offset);
}
