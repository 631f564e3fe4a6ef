import type { Command } from 'commander';
import { DocketError } from '../../core/errors/index.js';
import { action, printJson } from '../action.js';
import { cliContext } from '../cli-context.js';
import { formatTable } from '../table.js';
import { withStore } from '../with-store.js';

export function registerRetention(program: Command): void {
  const retention = program.command('retention').description('retention schedules: purge records past their source\'s retention period, with proof');
  retention
    .command('run')
    .description('purge every record past its source\'s retention period and write the proof (counts and a digest of what went) to the ledger')
    .option('--as-of <date>', 'purge as of this day instead of today (YYYY-MM-DD)')
    .option('--dry-run', 'report what would be purged and purge nothing')
    .option('--json', 'print the report as JSON')
    .action(action(async (options: { asOf?: string; dryRun?: boolean; json?: boolean }) => {
      const asOf = options.asOf === undefined ? new Date() : new Date(`${options.asOf}T00:00:00Z`);
      if (Number.isNaN(asOf.getTime())) throw new DocketError('invalid-input', `--as-of ${options.asOf ?? ''} is not a date (YYYY-MM-DD)`);
      const { runRetention } = await import('../../ingest/retention.js');
      const reports = await withStore((store) => runRetention(store, cliContext('system', 'retention', 'source retention schedules (Federal Records Act, 44 U.S.C. 3303a)'), { asOf, dryRun: options.dryRun === true }));
      if (options.json === true) printJson(reports);
      else process.stdout.write(`${formatTable(['SOURCE', 'RETENTION', 'CUTOFF', options.dryRun === true ? 'WOULD PURGE' : 'PURGED', 'QUARANTINE', 'DIGEST'], reports.map((r) => [r.source, `${r.retentionDays}d`, r.cutoff.slice(0, 10), String(r.records), String(r.quarantined), r.digest.slice(0, 16)]))}\n`);
    }));
}
