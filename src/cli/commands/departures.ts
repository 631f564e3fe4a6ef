import type { Command } from 'commander';
import type { DepartureBoardView } from '../../casework/index.js';
import type { DepartureWatch } from '../../core/departures/index.js';
import { DocketError } from '../../core/errors/index.js';
import { action, printJson } from '../action.js';
import { cliCaseActor } from '../cli-case-actor.js';
import { formatTable } from '../table.js';
import { withStore } from '../with-store.js';

const say = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

const lists = ['due', 'alerts', 'verified', 'overdue', 'late', 'suspended', 'ended'] as const;
type ListName = (typeof lists)[number];

function watches(view: DepartureBoardView, list: ListName): readonly DepartureWatch[] {
  const { board } = view;
  switch (list) {
    case 'due': return board.due;
    case 'alerts': return board.alerts;
    case 'verified': return board.verified;
    case 'overdue': return board.overdue;
    case 'late': return board.departedLate;
    case 'suspended': return board.suspended;
    case 'ended': return board.ended;
  }
}

function table(view: DepartureBoardView, list: ListName): string {
  const rows = watches(view, list);
  if (rows.length === 0) return `${list}: none`;
  return `${list} (${rows.length}):\n${formatTable(['PERSON', 'NAME', 'CASE', 'DEADLINE', 'DAYS LEFT', 'EXPLANATION'], rows.map((w) => [
    w.personId, view.names[w.personId] ?? '', w.caseNumber, w.deadline, String(w.daysLeft), w.explanation,
  ]))}`;
}

export function registerDepartures(program: Command): void {
  const departures = program.command('departures').description('voluntary-departure monitoring: grants due (with alerts), verified, overdue');

  departures
    .command('list', { isDefault: true })
    .description('the departure board: due (soonest first, alerts within the window), verified, overdue, departed late, suspended, ended')
    .option('--as-of <day>', 'read the board as of this day (YYYY-MM-DD; default now)')
    .option('--alert-days <n>', 'alert this many days before a deadline', '14')
    .option('--only <list>', `one list: ${lists.join(', ')}`)
    .option('--role <role>', 'the role you act in', 'case-officer')
    .option('--purpose <purpose>', 'your purpose of use', 'departure-verification')
    .option('--json', 'print JSON')
    .action(action(async (options: { asOf?: string; alertDays: string; only?: string; role: string; purpose: string; json?: boolean }) => {
      const [{ Departures, CaseAction }, { IsoDay }] = await Promise.all([import('../../casework/index.js'), import('../../core/calendar/index.js')]);
      if (options.asOf !== undefined && !IsoDay.isValid(options.asOf)) throw new DocketError('invalid-input', `--as-of ${options.asOf} is not a day (YYYY-MM-DD)`);
      const alertDays = Number(options.alertDays);
      if (!Number.isInteger(alertDays) || alertDays < 0) throw new DocketError('invalid-input', `--alert-days must be a whole number of days, not "${options.alertDays}"`);
      const only = options.only === undefined ? undefined : lists.find((l) => l === options.only);
      if (options.only !== undefined && only === undefined) throw new DocketError('invalid-input', `--only ${options.only} is not a list`, { hint: `choose from ${lists.join(', ')}` });
      await withStore(async (store) => {
        const actor = await cliCaseActor(store, options, { purpose: 'departure-verification' });
        const view = await new Departures(store, { alertDays }).board(actor.audit.purpose, options.asOf === undefined ? {} : { at: options.asOf });
        const shown = only === undefined ? lists : [only];
        await store.record(actor.audit, CaseAction.departureBoard, 'departures', 'success', { at: view.board.at, lists: shown, persons: [...new Set(shown.flatMap((l) => watches(view, l).map((w) => Number(w.personId))))] });
        if (options.json === true) printJson(only === undefined ? view : { at: view.board.at, alertDays, [only]: watches(view, only), names: view.names });
        else {
          if (only === undefined) say(`as of ${view.board.at}: ${view.board.due.length} due (${view.board.alerts.length} within ${alertDays} days), ${view.board.verified.length} verified, ${view.board.overdue.length} overdue, ${view.board.departedLate.length} departed late, ${view.board.suspended.length} suspended, ${view.board.ended.length} ended`);
          for (const list of shown.filter((l) => l !== 'alerts' || only === 'alerts')) say(`\n${table(view, list)}`);
        }
      });
    }));

  departures
    .command('sweep')
    .description('as Docket itself: raise alerts not raised before (each once, in the ledger) and close open cases on departures the exit records now show')
    .option('--alert-days <n>', 'alert this many days before a deadline', '14')
    .option('--json', 'print JSON')
    .action(action(async (options: { alertDays: string; json?: boolean }) => {
      const { Departures, Casework } = await import('../../casework/index.js');
      const alertDays = Number(options.alertDays);
      if (!Number.isInteger(alertDays) || alertDays < 0) throw new DocketError('invalid-input', `--alert-days must be a whole number of days, not "${options.alertDays}"`);
      const report = await withStore((store) => new Departures(store, { alertDays }).sweep(new Casework(store)));
      if (options.json === true) printJson(report);
      else say(`${report.alertsRaised.length} alerts raised, ${report.closed.length} cases closed on a verified departure`);
    }));
}
