import type { Command } from 'commander';
import type { SourceRow } from '../../store/index.js';
import { action, printJson } from '../action.js';
import { cliContext } from '../cli-context.js';
import { formatTable } from '../table.js';
import { withStore } from '../with-store.js';

const collect = (value: string, previous: string[]): string[] => [...previous, ...value.split(',').map((v) => v.trim()).filter((v) => v !== '')];

function describeSource(source: SourceRow): string {
  return [
    `name             ${source.name}`,
    `category         ${source.category}`,
    `legal authority  ${source.legalAuthority}`,
    `purposes         ${source.purposes.join(', ')}`,
    `retention        ${source.retentionDays} days`,
    `description      ${source.description}`,
    `registered       ${source.registeredAt} by ${source.registeredBy}`,
  ].join('\n');
}

interface AddOptions {
  name?: string;
  legalAuthority?: string;
  purpose: string[];
  category?: string;
  retention?: string;
  description?: string;
  json?: boolean;
}

export function registerSources(program: Command): void {
  const sources = program.command('sources').description('the source registry: every dataset Docket may hold, with its legal authority, purposes, category and retention');

  sources
    .command('add')
    .description('register a source (declined categories such as social media or location tracking are refused)')
    .requiredOption('--name <name>', 'short name, e.g. arrivals-departures')
    .requiredOption('--legal-authority <citation>', 'the law or regulation that allows collecting this data')
    .option('--purpose <purpose>', 'a permitted purpose of use (repeat or separate with commas)', collect, [])
    .requiredOption('--category <category>', 'the data category, e.g. travel-records')
    .requiredOption('--retention <period>', 'how long records are kept: days, or 90d, 18m, 10y')
    .option('--description <text>', 'what the source holds', '')
    .option('--json', 'print the registered source as JSON')
    .action(action(async (options: AddOptions) => {
      const { registerSource } = await import('../../store/index.js');
      const input = { name: options.name, legalAuthority: options.legalAuthority, purposes: options.purpose, category: options.category, retention: options.retention, description: options.description };
      const source = await withStore((store) => registerSource(store, cliContext('data-steward', 'source-registration', options.legalAuthority ?? ''), input));
      if (options.json === true) printJson(source);
      else process.stdout.write(`registered source "${source.name}" (${source.category}, kept ${source.retentionDays} days)\n`);
    }));

  sources
    .command('list')
    .description('list the registered sources')
    .option('--json', 'print as JSON')
    .action(action(async (options: { json?: boolean }) => {
      const { SourceStore } = await import('../../store/index.js');
      const rows = await withStore((store) => SourceStore.list(store.db));
      if (options.json === true) printJson(rows);
      else if (rows.length === 0) process.stdout.write('no sources registered yet; add one with `npx docket sources add`\n');
      else process.stdout.write(`${formatTable(['NAME', 'CATEGORY', 'RETENTION', 'PURPOSES'], rows.map((s) => [s.name, s.category, `${s.retentionDays}d`, s.purposes.join(',')]))}\n`);
    }));

  sources
    .command('show')
    .description('show one registered source')
    .argument('<name>', 'the source name')
    .option('--json', 'print as JSON')
    .action(action(async (name: string, options: { json?: boolean }) => {
      const { SourceStore } = await import('../../store/index.js');
      const source = await withStore((store) => SourceStore.get(store.db, name));
      if (options.json === true) printJson(source);
      else process.stdout.write(`${describeSource(source)}\n`);
    }));

  sources
    .command('map')
    .description('the mapping of a source\'s columns onto Docket\'s person record: propose one from a file, save a new version, or show the current one')
    .argument('[name]', 'the registered source')
    .option('--suggest <file>', 'propose a mapping from the file\'s header and first rows (printed as JSON to edit and save)')
    .option('--file <mapping>', 'save this JSON mapping as the source\'s next version')
    .option('--show', 'print the current mapping')
    .action(action(async (name: string | undefined, options: { suggest?: string; file?: string; show?: boolean }) => {
      const { mapSource } = await import('../jobs/map-source.js');
      await mapSource(name, options);
    }));
}
