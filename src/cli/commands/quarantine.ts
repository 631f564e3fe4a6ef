import type { Command } from 'commander';
import { DocketError } from '../../core/errors/index.js';
import type { QuarantineRow } from '../../store/index.js';
import { action, printJson } from '../action.js';
import { cliContext } from '../cli-context.js';
import { formatTable } from '../table.js';
import { withStore } from '../with-store.js';

const clip = (text: string, length: number): string => (text.length <= length ? text : `${text.slice(0, length - 1)}…`);

function describeRow(row: QuarantineRow): string {
  return [
    `quarantine #${row.id}  ${row.resolvedAt === null ? 'open' : `resolved ${row.resolvedAt}: ${row.resolution ?? ''}`}`,
    `source    ${row.source}`,
    `where     ${row.fileName}, line ${row.line} (byte ${row.offset}), ingest run ${row.runId}`,
    `stage     ${row.stage}`,
    `reason    ${row.reason}`,
    `raw       ${row.raw}`,
  ].join('\n');
}

export function registerQuarantine(program: Command): void {
  const quarantine = program.command('quarantine').description('rows that could not be stored, each with the file, line, raw content and reason');

  quarantine
    .command('list')
    .description('list open quarantine rows')
    .option('--source <name>', 'only rows of this source')
    .option('--all', 'include rows already resolved')
    .option('--limit <n>', 'how many rows', '50')
    .option('--json', 'print as JSON')
    .action(action(async (options: { source?: string; all?: boolean; limit: string; json?: boolean }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new DocketError('invalid-input', `--limit ${options.limit} is not a positive whole number`);
      const { QuarantineStore } = await import('../../store/index.js');
      const rows = await withStore((store) => QuarantineStore.list(store.db, { limit, open: options.all !== true, ...(options.source === undefined ? {} : { source: options.source }) }));
      if (options.json === true) printJson(rows);
      else if (rows.length === 0) process.stdout.write('no rows in quarantine\n');
      else process.stdout.write(`${formatTable(['ID', 'SOURCE', 'FILE', 'LINE', 'STAGE', 'REASON'], rows.map((r) => [String(r.id), r.source, r.fileName, String(r.line), r.stage, clip(r.reason, 90)]))}\n`);
    }));

  quarantine
    .command('show')
    .description('show one quarantine row with its raw content')
    .argument('<id>', 'the quarantine row id')
    .option('--json', 'print as JSON')
    .action(action(async (id: string, options: { json?: boolean }) => {
      const { QuarantineStore } = await import('../../store/index.js');
      const row = await withStore((store) => QuarantineStore.get(store.db, Number(id)));
      if (row === undefined) throw new DocketError('not-found', `no quarantine row ${id}`, { hint: 'list them with `npx docket quarantine list`' });
      if (options.json === true) printJson(row);
      else process.stdout.write(`${describeRow(row)}\n`);
    }));

  quarantine
    .command('retry')
    .description('run open quarantine rows of a source through its current mapping again, after the mapping was fixed')
    .requiredOption('--source <name>', 'the source whose rows to retry')
    .argument('[ids...]', 'only these quarantine rows')
    .option('--json', 'print the result as JSON')
    .action(action(async (ids: string[], options: { source: string; json?: boolean }) => {
      const { retryQuarantine } = await import('../../ingest/retry-quarantine.js');
      const { SourceStore } = await import('../../store/index.js');
      const report = await withStore(async (store) => {
        const source = await SourceStore.get(store.db, options.source);
        return retryQuarantine(store, cliContext('data-steward', 'data-quality', source.legalAuthority), { source: options.source, ...(ids.length === 0 ? {} : { ids: ids.map(Number) }) });
      });
      if (options.json === true) printJson(report);
      else {
        process.stdout.write(`retried ${report.retried}: ${report.stored} stored, ${report.duplicates} already stored, ${report.stillQuarantined} still failing\n`);
        if (report.unreadable > 0) process.stdout.write(`${report.unreadable} rows could not be read at all: fix the file and ingest it again\n`);
      }
    }));
}
