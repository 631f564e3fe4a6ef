import type { Command } from 'commander';
import { DocketError } from '../../core/errors/index.js';
import { action, printJson } from '../action.js';

interface GenerateFlags {
  people: string;
  seed: string;
  out: string;
  format: string;
  asOf?: string;
  errorScale?: string;
  errorRate: string[];
  workers?: string;
  progress: boolean;
  json?: boolean;
}

function positiveInteger(text: string, flag: string): number {
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < 1) throw new DocketError('invalid-input', `${flag} must be a whole number of 1 or more, not "${text}"`, { hint: `e.g. ${flag} 10000` });
  return value;
}

/** `--error-rate court-dockets.typo=0.05`, repeatable. */
function parseRates(specs: readonly string[]): Record<string, Record<string, number>> {
  const rates: Record<string, Record<string, number>> = {};
  for (const spec of specs) {
    const match = /^([a-z-]+)\.([a-z-]+)=([0-9.]+)$/.exec(spec);
    if (match === null) throw new DocketError('invalid-input', `--error-rate "${spec}" is not SOURCE.KIND=RATE`, { hint: 'e.g. --error-rate court-dockets.typo=0.05 (see `docket demo sources`)' });
    const [, source = '', kind = '', rate = ''] = match;
    rates[source] = { ...rates[source], [kind]: Number(rate) };
  }
  return rates;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `docket demo …`: synthetic data for demonstrations, tests and benchmarks. */
export function registerDemo(program: Command): void {
  // Other commands may add to the group (`demo load`), so it is found or made.
  const demo = program.commands.find((command) => command.name() === 'demo') ?? program.command('demo');
  demo.description('synthetic immigration data with ground truth, for demonstrations, tests and benchmarks');

  demo
    .command('generate')
    .description('simulate people through the immigration system and write each source system\'s file plus the ground truth')
    .requiredOption('--people <n>', 'how many people (1 to 20,000,000)')
    .option('--seed <seed>', 'seed: the same seed gives byte-identical files on any machine', '1')
    .requiredOption('--out <dir>', 'output folder (created if missing)')
    .option('--format <format>', 'csv or ndjson', 'csv')
    .option('--as-of <date>', 'the date the records are extracted and the true status is judged (YYYY-MM-DD; default 2025-06-30)')
    .option('--error-scale <x>', 'multiply every source\'s error rates (0 writes clean files)')
    .option('--error-rate <source.kind=rate>', 'override one error rate, e.g. court-dockets.typo=0.05 (repeatable)', collect, [])
    .option('--workers <n>', 'worker threads building chunks (default: one per core, up to four, from 50,000 people; the files are the same)')
    .option('--no-progress', 'no progress bar')
    .option('--json', 'print the summary as JSON')
    .action(action(async (flags: GenerateFlags) => {
      const { generate } = await import('../../synth/index.js');
      const people = positiveInteger(flags.people, '--people');
      if (flags.format !== 'csv' && flags.format !== 'ndjson') throw new DocketError('invalid-input', `--format must be csv or ndjson, not "${flags.format}"`);
      const errorScale = flags.errorScale === undefined ? undefined : Number(flags.errorScale);
      const { progressBar } = await import('../progress.js');
      const bar = flags.progress ? progressBar('generate') : undefined;
      const summary = await generate({
        people, seed: /^\d+$/.test(flags.seed) ? Number(flags.seed) : flags.seed, outDir: flags.out, format: flags.format,
        ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }),
        ...(errorScale === undefined ? {} : { errorScale }),
        ...(flags.workers === undefined ? {} : { workers: Number(flags.workers) }),
        errorRates: parseRates(flags.errorRate),
        onProgress: (progress) => {
          bar?.update(progress.people, progress.totalPeople, progress.rows);
        },
      }).finally(() => {
        bar?.stop();
      });
      if (flags.json === true) {
        printJson(summary);
        return;
      }
      const seconds = summary.elapsedMs / 1000;
      const bytes = summary.files.reduce((sum, file) => sum + file.bytes, 0);
      const lines = [
        `wrote ${summary.people} people (${summary.households} households) and ${summary.sourceRows} source rows to ${summary.outDir} in ${seconds.toFixed(1)} s (${Math.round(summary.sourceRows / Math.max(seconds, 0.001))} rows/s, ${(bytes / 1e6).toFixed(1)} MB)`,
        ...summary.files.map((file) => `  ${file.file.padEnd(40)} ${String(file.rows).padStart(10)} rows`),
        `true status on ${summary.asOf}: ${Object.entries(summary.statuses).map(([status, count]) => `${status} ${count}`).join(', ')}`,
        `ground truth: truth/people, truth/records; registrations and mappings: sources.json; summary: manifest.json`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }));

  demo
    .command('sources')
    .description('list the source systems the generator writes and their files')
    .option('--json', 'print the catalog with registrations and mappings as JSON')
    .action(action(async (flags: { json?: boolean }) => {
      const { sourceCatalog } = await import('../../synth/index.js');
      if (flags.json === true) {
        printJson(sourceCatalog);
        return;
      }
      const lines = sourceCatalog.map((source) => `${source.id.padEnd(24)} ${source.file.csv.padEnd(36)} ${source.registration.category.padEnd(24)} ${source.name}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    }));
}
