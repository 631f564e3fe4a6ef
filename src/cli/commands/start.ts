import type { Command } from 'commander';
import { action } from '../action.js';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('what npm start runs: the database set up, demo data on first start, then the web app and API until Ctrl-C')
    .action(action(async () => {
      const { startDocket } = await import('../jobs/start-docket.js');
      await startDocket();
    }));
}
