import { Command } from 'commander';
import { commandModulesFor } from './commands/index.js';

const program = new Command('docket')
  .description('Docket: an immigration case platform with due process built in')
  .version('0.1.0')
  .showHelpAfterError('(run with --help for the options)')
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

const modules = commandModulesFor(process.argv.slice(2));
const registers = await Promise.all(modules.map((m) => m.load()));
for (const register of registers) register(program);

await program.parseAsync(process.argv);
