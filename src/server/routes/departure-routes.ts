import { z } from 'zod';
import { CaseAction, Departures } from '../../casework/index.js';
import { IsoDay } from '../../core/calendar/index.js';
import { DocketError } from '../../core/errors/index.js';
import { DepartureBoardViewSchema, DepartureCountsView } from '../cases/case-schemas.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import type { ServerContext } from '../server-context.js';

const Day = z.string().refine((day) => IsoDay.isValid(day), 'a day as YYYY-MM-DD');

/** Voluntary-departure monitoring: the board of grants due, verified and overdue, and its figures for every dashboard. */
export function departureRoutes(context: ServerContext): AnyRoute[] {
  const departures = new Departures(context.store);
  return [
    defineRoute({
      method: 'GET', url: '/api/departures', tag: 'departures', access: 'departure.read', personData: true,
      summary: 'Voluntary departures due (soonest first, with alerts inside the window), verified, departed late, overdue, suspended and ended',
      query: z.object({ at: Day.optional(), alertDays: z.coerce.number().int().min(0).max(120).default(14) }),
      response: DepartureBoardViewSchema,
      async handler({ query, caller }) {
        const purpose = caller.session.purpose;
        if (purpose === undefined) throw new DocketError('refused', 'declare a purpose of use before reading person data');
        const { board, names, alertDays } = await departures.board(purpose, { alertDays: query.alertDays, ...(query.at === undefined ? {} : { at: query.at }) });
        const persons = [...new Set([...board.due, ...board.verified, ...board.departedLate, ...board.overdue, ...board.suspended, ...board.ended].map((w) => Number(w.personId)))];
        await context.store.record(caller.audit, CaseAction.departureBoard, 'departures', 'success', { at: board.at, persons });
        const { kind: _kind, ...lists } = board;
        return { ...lists, alertDays, names };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/departures/summary', tag: 'departures', access: 'dashboard.read',
      summary: 'How many voluntary departures are due, alerting, verified, departed late, overdue, suspended and ended (figures only)',
      response: DepartureCountsView,
      async handler() {
        const at = new Date().toISOString();
        return { at, ...(await departures.counts(at)) };
      },
    }),
  ];
}
