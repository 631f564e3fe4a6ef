import { Worker } from 'node:worker_threads';
import { DocketError, ErrorCode } from '../../core/errors/index.js';
import type { ClassifiedBatch, ClassifyJob, FromClassifyThread, ToClassifyThread } from './classify-messages.js';

/** Starts the classifying thread; from TypeScript sources (tests, tsx) it first registers tsx to load them. */
function startWorker(job: ClassifyJob): Worker {
  const compiled = import.meta.url.endsWith('.js');
  const url = new URL(compiled ? './classify-worker.js' : './classify-worker.ts', import.meta.url);
  if (compiled) return new Worker(url, { workerData: job });
  const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(code, { eval: true, workerData: job });
}

const knownCode = (code: string | undefined): ErrorCode | undefined => Object.values(ErrorCode).find((c) => c === code);

/**
 * One file's rows read, mapped and checked in a worker thread, as batches in file order: the
 * second core parses, maps and hashes while this thread stores and resolves. The thread stays at
 * most `job.ahead` batches ahead of the ones taken, so memory stays bounded.
 */
export async function* classifiedBatches(job: ClassifyJob): AsyncGenerator<ClassifiedBatch> {
  const worker = startWorker(job);
  const arrived: FromClassifyThread[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  worker.on('message', (message: FromClassifyThread) => {
    arrived.push(message);
    wake?.();
  });
  worker.on('error', (error) => {
    failure ??= error;
    wake?.();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the ingest reading thread stopped (exit code ${code})`);
    wake?.();
  });
  try {
    for (;;) {
      const message = arrived.shift();
      if (message === undefined) {
        if (failure !== undefined) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      switch (message.kind) {
        case 'batch': {
          worker.postMessage({ kind: 'take' } satisfies ToClassifyThread);
          const { kind: _kind, ...batch } = message;
          yield batch;
          break;
        }
        case 'end':
          return;
        case 'failed': {
          const code = knownCode(message.code);
          throw code === undefined ? new Error(message.message) : new DocketError(code, message.message, message.hint === undefined ? {} : { hint: message.hint });
        }
      }
    }
  } finally {
    await worker.terminate();
  }
}
