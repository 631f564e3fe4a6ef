/**
 * Calendar arithmetic for the rules: exact days (`IsoDay`), federal holidays (5 U.S.C. 6103), business-day
 * roll-forward (`BusinessCalendar`), and `Moment` (a day, or an instant on it, for stays and boarding).
 */
export { BusinessCalendar } from './business-calendar.js';
export { federalHolidays, HolidayName, isFederalHoliday } from './federal-holidays.js';
export type { FederalHoliday } from './federal-holidays.js';
export { IsoDay, isLeapYear } from './iso-day.js';
export { Moment } from './moment.js';
