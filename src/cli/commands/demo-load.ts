import type { Command } from 'commander';
import { action, printJson } from '../action.js';
import { cliContext } from '../cli-context.js';
import { formatTable } from '../table.js';
import { withStore } from '../with-store.js';

/** `docket demo load DIR`: registers, maps and ingests a generated folder. Added to the `demo` group. */
export function registerDemoLoad(program: Command): void {
  const demo = program.commands.find((command) => command.name() === 'demo') ?? program.command('demo');
  demo
    .command('load')
    .description('register every source of a generated folder, save their mappings and ingest their files')
    .argument('<dir>', 'a folder written by `docket demo generate`')
    .option('--no-resolve', 'store the records without resolving them into entities')
    .option('--json', 'print the summary as JSON')
    .action(action(async (dir: string, options: { json?: boolean; resolve: boolean }) => {
      const { loadCatalog } = await import('../../ingest/load-catalog.js');
      const { progressBar } = await import('../progress.js');
      const bar = progressBar('load');
      const result = await withStore((store) => loadCatalog(store, dir, cliContext('data-steward', 'ingest', ''), { resolve: options.resolve, onProgress: (p) => { bar.update(p.bytesDone, p.bytesTotal, p.read); } })).finally(() => {
        bar.stop();
      });
      if (options.json === true) printJson(result);
      else process.stdout.write(`${formatTable(['FILE', 'OUTCOME', 'READ', 'STORED', 'QUARANTINED'], result.files.map((f) => [f.file, f.outcome, String(f.read), String(f.stored), String(f.quarantined)]))}\n`);
    }));
}
