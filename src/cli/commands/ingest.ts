import type { Command } from 'commander';
import { DocketError } from '../../core/errors/index.js';
import { action, printJson } from '../action.js';
import { cliContext } from '../cli-context.js';
import { formatTable } from '../table.js';
import { withStore } from '../with-store.js';

interface IngestOptions {
  source: string;
  format?: 'csv' | 'ndjson' | 'json';
  encoding?: 'utf8' | 'latin1';
  batchSize: string;
  queue?: boolean;
  wait: boolean;
  resolve: boolean;
  json?: boolean;
}

function natsUrl(): string {
  const url = process.env['NATS_URL'];
  if (url === undefined || url.trim() === '') throw new DocketError('invalid-input', 'NATS_URL is not set', { hint: 'ingest workers meet through NATS JetStream: set NATS_URL, e.g. nats://127.0.0.1:4222' });
  return url;
}

export function registerIngestWorker(program: Command): void {
  program
    .command('ingest-worker')
    .description('take batches off the NATS work queue (NATS_URL) and store them in the shared PostgreSQL database (DATABASE_URL); run as many as you like')
    .option('--idle-exit <seconds>', 'stop after this many seconds with nothing to do')
    .action(action(async (options: { idleExit?: string }) => {
      const idleMs = options.idleExit === undefined ? undefined : Number(options.idleExit) * 1000;
      if (idleMs !== undefined && !(idleMs > 0)) throw new DocketError('invalid-input', `--idle-exit ${options.idleExit ?? ''} is not a number of seconds`);
      const { runWorkerProcess } = await import('../jobs/dispatch-files.js');
      await runWorkerProcess(natsUrl(), idleMs);
    }));
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('ingest files of a registered source: every row is stored or quarantined with its reason; a rerun resumes where a killed run stopped')
    .requiredOption('--source <name>', 'the registered source the files come from')
    .argument('<files...>', 'CSV, NDJSON or JSON files')
    .option('--format <format>', 'csv, ndjson or json (default: from the file name and content)')
    .option('--encoding <encoding>', 'utf8 or latin1 (default: detected)')
    .option('--batch-size <rows>', 'rows per committed batch', '2000')
    .option('--no-resolve', 'store the records without resolving them into entities now')
    .option('--queue', 'put the rows on the NATS work queue (NATS_URL) for `docket ingest-worker` processes instead of storing them here')
    .option('--no-wait', 'with --queue: return once the rows are queued, without waiting for the workers')
    .option('--json', 'print the summary as JSON')
    .action(action(async (files: string[], options: IngestOptions) => {
      const batchSize = Number(options.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new DocketError('invalid-input', `--batch-size ${options.batchSize} is not a positive whole number`);
      if (options.queue === true) {
        const { dispatchFiles } = await import('../jobs/dispatch-files.js');
        await dispatchFiles({ source: options.source, files, batchSize, wait: options.wait, resolve: options.resolve, json: options.json === true, natsUrl: natsUrl() });
        return;
      }
      const { ingestFiles } = await import('../../ingest/ingest-files.js');
      const { SourceStore } = await import('../../store/index.js');
      const summaries = await withStore(async (store) => {
        const source = await SourceStore.get(store.db, options.source);
        const context = cliContext('data-steward', 'ingest', source.legalAuthority);
        const resolver = options.resolve ? await (await import('../../ingest/resolve/live-resolver.js')).LiveResolver.open(store, { context }) : undefined;
        const { progressBar } = await import('../progress.js');
        const bar = progressBar(`ingest ${options.source}`);
        try {
          const summaries = await ingestFiles(store, {
            source: options.source,
            files,
            context,
            ...(resolver === undefined ? {} : { resolver }),
            batchSize,
            ...(options.format === undefined ? {} : { format: options.format }),
            ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
            onProgress: (p) => {
              bar.update(p.bytesDone, p.bytesTotal, p.read);
            },
          });
          await resolver?.finish();
          return summaries;
        } finally {
          bar.stop();
        }
      });
      if (options.json === true) {
        printJson(summaries);
        return;
      }
      process.stdout.write(`${formatTable(
        ['FILE', 'OUTCOME', 'READ', 'STORED', 'DUPLICATES', 'QUARANTINED', 'ROWS/S'],
        summaries.map((s) => [s.file, s.outcome, String(s.read), String(s.stored), String(s.duplicates), String(s.quarantined), String(Math.round(s.read / Math.max(s.seconds, 0.001)))]),
      )}\n`);
      const quarantined = summaries.reduce((n, s) => n + s.quarantined, 0);
      if (quarantined > 0) process.stdout.write(`${quarantined} rows are in quarantine: \`npx docket quarantine list --source ${options.source}\`\n`);
    }));
}
