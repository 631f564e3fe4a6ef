import { DocketError } from '../errors/index.js';
import { IsoDay } from './iso-day.js';

/**
 * When a rule is evaluated: a calendar day, or an instant on that day. Most rules read only the day;
 * stays also read the instant, so a stay granted at 09:30 stops a 10:00 boarding.
 */
export interface Moment {
  readonly kind: 'moment';
  /** The local calendar day of the moment. */
  readonly day: IsoDay;
  /** Milliseconds since the epoch, when the time of day is known. */
  readonly instant: number | undefined;
  /** The moment as given, for explanations. */
  readonly text: string;
}

const datetime = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export const Moment = {
  ofDay(day: IsoDay): Moment {
    IsoDay.toDayNumber(day);
    return { kind: 'moment', day, instant: undefined, text: day };
  },

  /** An ISO 8601 date-time with an offset; its day is the local day in that offset. */
  ofInstant(text: string): Moment {
    const match = datetime.exec(text);
    const instant = Date.parse(text);
    if (match === null || Number.isNaN(instant)) {
      throw new DocketError('invalid-input', `"${text}" is not a date-time with an offset`, { hint: 'write e.g. 2026-03-02T09:55:00-05:00' });
    }
    const day = match[1];
    IsoDay.toDayNumber(day);
    return { kind: 'moment', day, instant, text };
  },

  /** A day or a date-time, told apart by the presence of a time. */
  parse(text: string): Moment {
    return text.includes('T') ? Moment.ofInstant(text) : Moment.ofDay(text);
  },

  /**
   * Whether something dated `day` (and, if known, at `at`) had happened by `moment`. With only a day on
   * either side the whole day counts as reached, the reading that lets a same-day stay hold.
   */
  reached(moment: Moment, day: IsoDay, at?: string): boolean {
    if (at !== undefined && moment.instant !== undefined) return Date.parse(Moment.ofInstant(at).text) <= moment.instant;
    const eventDay = at === undefined ? day : Moment.ofInstant(at).day;
    return eventDay <= moment.day;
  },
} as const;
