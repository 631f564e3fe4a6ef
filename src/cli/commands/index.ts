import type { Command } from 'commander';
import { registerAudit } from './audit.js';
import { registerCases } from './cases.js';
import { registerDemo } from './demo.js';
import { registerDemoLoad } from './demo-load.js';
import { registerDepartures } from './departures.js';
import { registerEvaluate } from './evaluate.js';
import { registerIngest, registerIngestWorker } from './ingest.js';
import { registerInit } from './init.js';
import { registerLineage } from './lineage.js';
import { registerPolicy } from './policy.js';
import { registerQuarantine } from './quarantine.js';
import { registerRetention } from './retention.js';
import { registerResolve } from './resolve.js';
import { registerServe } from './serve.js';
import { registerSources } from './sources.js';
import { registerStart } from './start.js';

/** Each command module adds its subcommands; heavy modules load inside the action, keeping start-up lean. */
export type RegisterCommand = (program: Command) => void;

export const commands: readonly RegisterCommand[] = [
  registerStart,
  registerInit,
  registerSources,
  registerIngest,
  registerIngestWorker,
  registerQuarantine,
  registerLineage,
  registerRetention,
  registerAudit,
  registerResolve,
  registerEvaluate,
  registerServe,
  registerDemo,
  registerDemoLoad,
  registerCases,
  registerPolicy,
  registerDepartures,
];
