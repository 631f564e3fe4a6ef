import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandModules, commandModulesFor } from './index.js';

describe('commandModulesFor', () => {
  it('loads only the module of the command being run', () => {
    expect(commandModulesFor(['resolve', 'a.csv', '--id', 'id']).map((m) => m.name)).toEqual(['resolve']);
    expect(commandModulesFor(['demo', 'load', 'dir']).map((m) => m.name)).toEqual(['demo', 'demo']);
  });

  it('loads every module for help, no command or an unknown one', () => {
    for (const args of [[], ['--help'], ['help', 'resolve'], ['nonsense']]) expect(commandModulesFor(args)).toBe(commandModules);
  });

  it('registers each top-level command under the name it is loaded by', async () => {
    for (const m of commandModules) {
      const program = new Command('docket');
      (await m.load())(program);
      expect(program.commands.map((c) => c.name())).toEqual([m.name]);
    }
  });
});
