import { Worker } from 'node:worker_threads';
import type { ChunkOutput } from './chunk-builder.js';
import type { ChunkPlan } from './chunk-plan.js';
import type { ResolvedOptions } from './generate-options.js';

interface Pending {
  readonly resolve: (output: ChunkOutput) => void;
  readonly reject: (error: Error) => void;
}

/** Starts the chunk worker; from TypeScript sources (tests, tsx) the worker first registers tsx to load them. */
function startWorker(options: ResolvedOptions): Worker {
  const compiled = import.meta.url.endsWith('.js');
  const url = new URL(compiled ? './chunk-worker.js' : './chunk-worker.ts', import.meta.url);
  // A larger young generation: chunk building allocates many short-lived strings, and fewer scavenges save time.
  const resourceLimits = { maxYoungGenerationSizeMb: 64 };
  if (compiled) return new Worker(url, { workerData: options, resourceLimits });
  const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(code, { eval: true, workerData: options, resourceLimits });
}

/**
 * Worker threads that build chunks in parallel. Chunk i goes to worker i mod n and each worker
 * answers in order, so results can be awaited in chunk order.
 */
export class ChunkPool {
  private readonly workers: Worker[];
  private readonly queues: Pending[][];
  private failure: Error | undefined;

  constructor(size: number, options: ResolvedOptions) {
    this.workers = [];
    this.queues = [];
    for (let i = 0; i < size; i++) {
      const worker = startWorker(options);
      const queue: Pending[] = [];
      worker.on('message', (output: ChunkOutput) => {
        queue.shift()?.resolve(output);
      });
      worker.on('error', (error) => { this.fail(error); });
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a generator worker stopped with exit code ${code}`));
      });
      this.workers.push(worker);
      this.queues.push(queue);
    }
  }

  build(plan: ChunkPlan): Promise<ChunkOutput> {
    const index = plan.chunk % this.workers.length;
    return new Promise((resolve, reject) => {
      if (this.failure !== undefined) {
        reject(this.failure);
        return;
      }
      this.queues[index]?.push({ resolve, reject });
      this.workers[index]?.postMessage(plan);
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const queue of this.queues) for (const pending of queue.splice(0)) pending.reject(error);
  }

  async close(): Promise<void> {
    for (const worker of this.workers) worker.removeAllListeners('exit');
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
