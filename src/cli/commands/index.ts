import type { Command } from 'commander';

/** Each command module adds its subcommands; heavy modules load inside the action, keeping start-up lean. */
export type RegisterCommand = (program: Command) => void;

export const commands: readonly RegisterCommand[] = [];
