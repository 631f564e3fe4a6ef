import { Worker } from 'node:worker_threads';
import { DocketError, ErrorCode } from '../../core/errors/index.js';
import type { ClassifiedBatch, ClassifyJob, FromClassifyThread, ToClassifyThread } from './classify-messages.js';

/** Starts a classifying thread; from TypeScript sources (tests, tsx) it first registers tsx to load them. */
function startWorker(): Worker {
  const compiled = import.meta.url.endsWith('.js');
  const url = new URL(compiled ? './classify-worker.js' : './classify-worker.ts', import.meta.url);
  const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  const worker = compiled ? new Worker(url) : new Worker(code, { eval: true });
  worker.on('exit', () => {
    if (spare === worker) spare = undefined;
  });
  return worker;
}

/**
 * A thread that finished its last file and waits for the next one. Starting a thread and loading
 * its modules costs more than reading a small file, and a catalog is many files in a row. It does
 * not keep the process alive while it waits.
 */
let spare: Worker | undefined;

function takeWorker(): Worker {
  const worker = spare ?? startWorker();
  spare = undefined;
  worker.ref();
  return worker;
}

function putBack(worker: Worker): void {
  if (spare !== undefined) {
    void worker.terminate();
    return;
  }
  worker.unref();
  spare = worker;
}

const knownCode = (code: string | undefined): ErrorCode | undefined => Object.values(ErrorCode).find((c) => c === code);

/**
 * One file's rows read, mapped and checked in a worker thread, as batches in file order: the
 * second core parses, maps and hashes while this thread stores and resolves. The thread stays at
 * most `job.ahead` batches ahead of the ones taken, so memory stays bounded.
 */
export async function* classifiedBatches(job: ClassifyJob): AsyncGenerator<ClassifiedBatch> {
  const worker = takeWorker();
  const arrived: FromClassifyThread[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  // Set once the thread has said all it will say about this file and may take the next one.
  let done = false;
  const onMessage = (message: FromClassifyThread): void => {
    arrived.push(message);
    wake?.();
  };
  const onError = (error: Error): void => {
    failure ??= error;
    wake?.();
  };
  const onExit = (code: number): void => {
    failure ??= new Error(`the ingest reading thread stopped (exit code ${code})`);
    wake?.();
  };
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.on('exit', onExit);
  worker.postMessage({ kind: 'job', job } satisfies ToClassifyThread);
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
          done = true;
          return;
        case 'failed': {
          done = true;
          const code = knownCode(message.code);
          throw code === undefined ? new Error(message.message) : new DocketError(code, message.message, message.hint === undefined ? {} : { hint: message.hint });
        }
      }
    }
  } finally {
    worker.off('message', onMessage);
    worker.off('error', onError);
    worker.off('exit', onExit);
    // A thread left in the middle of a file would go on sending its batches.
    if (done && failure === undefined) putBack(worker);
    else await worker.terminate();
  }
}
