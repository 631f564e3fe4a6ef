import type { Command } from 'commander';
import { action } from '../action.js';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('set Docket up on the embedded database (or DATABASE_URL) and report where it stands')
    .action(action(async () => {
      const { startDocket } = await import('../jobs/start-docket.js');
      await startDocket();
    }));
}
