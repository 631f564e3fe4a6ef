import { isFederalHoliday } from './federal-holidays.js';
import { IsoDay } from './iso-day.js';

/**
 * Business days: Monday to Friday, less federal holidays and any extra closures (a day given by
 * executive order, an office closed by weather). Extra closures only ever lengthen a deadline.
 */
export interface BusinessCalendar {
  readonly kind: 'business-calendar';
  readonly extraClosures: ReadonlySet<IsoDay>;
}

export const BusinessCalendar = {
  federal(extraClosures: Iterable<IsoDay> = []): BusinessCalendar {
    const closures = new Set<IsoDay>();
    for (const day of extraClosures) {
      IsoDay.toDayNumber(day);
      closures.add(day);
    }
    return { kind: 'business-calendar', extraClosures: closures };
  },

  isBusinessDay(calendar: BusinessCalendar, day: IsoDay): boolean {
    const weekday = IsoDay.weekday(day);
    return weekday !== 0 && weekday !== 6 && !isFederalHoliday(day) && !calendar.extraClosures.has(day);
  },

  /** `day` itself when it is a business day, else the next one. */
  onOrNextBusinessDay(calendar: BusinessCalendar, day: IsoDay): IsoDay {
    let candidate = day;
    while (!BusinessCalendar.isBusinessDay(calendar, candidate)) candidate = IsoDay.addDays(candidate, 1);
    return candidate;
  },
} as const;
