import type { Command } from 'commander';
import { registerAudit } from './audit.js';
import { registerInit } from './init.js';
import { registerSources } from './sources.js';
import { registerStart } from './start.js';

/** Each command module adds its subcommands; heavy modules load inside the action, keeping start-up lean. */
export type RegisterCommand = (program: Command) => void;

export const commands: readonly RegisterCommand[] = [
  registerStart,
  registerInit,
  registerSources,
  registerAudit,
];
