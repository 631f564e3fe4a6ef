import { parentPort, workerData } from 'node:worker_threads';
import { ChunkBuilder, transferables } from './chunk-builder.js';
import type { ChunkPlan } from './chunk-plan.js';
import type { ResolvedOptions } from './generate-options.js';

/** A worker thread that builds the chunks it is sent and posts their text back, in the order received. */
const port = parentPort;
if (port === null) throw new Error('chunk-worker runs only as a worker thread');
const builder = new ChunkBuilder(workerData as ResolvedOptions);
port.on('message', (plan: ChunkPlan) => {
  const output = builder.build(plan);
  port.postMessage(output, transferables(output));
});
