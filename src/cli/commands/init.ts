import type { Command } from 'commander';
import { action, printJson } from '../action.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create the database if needed (embedded in DOCKET_HOME, or PostgreSQL at DATABASE_URL) and bring its schema up to date')
    .option('--json', 'print the result as JSON')
    .action(action(async (options: { json?: boolean }) => {
      const { initStore } = await import('../jobs/init-store.js');
      const result = await initStore();
      if (options.json === true) printJson(result);
      else process.stdout.write(`${result.location}: schema version ${result.version}${result.applied.length === 0 ? ', already up to date' : `, applied ${result.applied.join(', ')}`}\n`);
    }));
}
