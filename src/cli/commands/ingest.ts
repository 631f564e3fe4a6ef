import type { Command } from 'commander';
import { DocketError } from '../../core/errors/index.js';
import { action, printJson } from '../action.js';
import { cliContext } from '../cli-context.js';
import { progressBar } from '../progress.js';
import { formatTable } from '../table.js';
import { withStore } from '../with-store.js';

interface IngestOptions {
  source: string;
  format?: 'csv' | 'ndjson' | 'json';
  encoding?: 'utf8' | 'latin1';
  batchSize: string;
  json?: boolean;
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
    .option('--json', 'print the summary as JSON')
    .action(action(async (files: string[], options: IngestOptions) => {
      const batchSize = Number(options.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new DocketError('invalid-input', `--batch-size ${options.batchSize} is not a positive whole number`);
      const { ingestFiles } = await import('../../ingest/ingest-files.js');
      const { SourceStore } = await import('../../store/index.js');
      const summaries = await withStore(async (store) => {
        const source = await SourceStore.get(store.db, options.source);
        const bar = progressBar(`ingest ${options.source}`);
        try {
          return await ingestFiles(store, {
            source: options.source,
            files,
            context: cliContext('data-steward', 'ingest', source.legalAuthority),
            batchSize,
            ...(options.format === undefined ? {} : { format: options.format }),
            ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
            onProgress: (p) => {
              bar.update(p.bytesDone, p.bytesTotal, p.read);
            },
          });
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
