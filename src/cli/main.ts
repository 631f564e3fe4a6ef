import { Command } from 'commander';
import { commands } from './commands/index.js';

const program = new Command('docket')
  .description('Docket: an immigration case platform with due process built in')
  .version('0.1.0')
  .showHelpAfterError('(run with --help for the options)')
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

for (const register of commands) register(program);

await program.parseAsync(process.argv);
