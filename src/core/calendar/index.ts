export { BusinessCalendar } from './business-calendar.js';
export { federalHolidays, HolidayName, isFederalHoliday } from './federal-holidays.js';
export type { FederalHoliday } from './federal-holidays.js';
export { IsoDay, isLeapYear } from './iso-day.js';
export { Moment } from './moment.js';
