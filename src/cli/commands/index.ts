import type { Command } from 'commander';

/** Each command module adds its subcommands; heavy modules load inside the action, keeping start-up lean. */
export type RegisterCommand = (program: Command) => void;

/** A top-level command name and how to load the module that registers it. */
export interface CommandModule {
  readonly name: string;
  readonly load: () => Promise<RegisterCommand>;
}

/**
 * Every command, in the order `--help` lists them. Modules load on demand: a run of one command
 * loads only that command's module (and `docket resolve` none of the store, server or bus).
 */
export const commandModules: readonly CommandModule[] = [
  { name: 'start', load: async () => (await import('./start.js')).registerStart },
  { name: 'init', load: async () => (await import('./init.js')).registerInit },
  { name: 'sources', load: async () => (await import('./sources.js')).registerSources },
  { name: 'ingest', load: async () => (await import('./ingest.js')).registerIngest },
  { name: 'ingest-worker', load: async () => (await import('./ingest.js')).registerIngestWorker },
  { name: 'quarantine', load: async () => (await import('./quarantine.js')).registerQuarantine },
  { name: 'lineage', load: async () => (await import('./lineage.js')).registerLineage },
  { name: 'retention', load: async () => (await import('./retention.js')).registerRetention },
  { name: 'audit', load: async () => (await import('./audit.js')).registerAudit },
  { name: 'resolve', load: async () => (await import('./resolve.js')).registerResolve },
  { name: 'evaluate', load: async () => (await import('./evaluate.js')).registerEvaluate },
  { name: 'serve', load: async () => (await import('./serve.js')).registerServe },
  { name: 'demo', load: async () => (await import('./demo.js')).registerDemo },
  { name: 'demo', load: async () => (await import('./demo-load.js')).registerDemoLoad },
  { name: 'cases', load: async () => (await import('./cases.js')).registerCases },
  { name: 'policy', load: async () => (await import('./policy.js')).registerPolicy },
  { name: 'departures', load: async () => (await import('./departures.js')).registerDepartures },
];

/** The modules a command line needs: those of its command, or all of them (help, an unknown command). */
export function commandModulesFor(args: readonly string[]): readonly CommandModule[] {
  const name = args[0];
  const chosen = commandModules.filter((m) => m.name === name);
  return chosen.length > 0 ? chosen : commandModules;
}
