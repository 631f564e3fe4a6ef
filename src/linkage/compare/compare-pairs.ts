import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Dataset } from '../dataset/dataset.js';
import { PairComparer } from './pair-comparer.js';
import { PatternCodec } from './pattern-codec.js';

/** Pairs taken at a time from the shared counter: big enough to be cheap, small enough to balance. */
const defaultChunk = 16_384;

/** Below this many pairs a second thread costs more to start than it saves. */
export const parallelFrom = 400_000;

/** The work both threads share: pairs, where the patterns go, and a counter of pairs handed out. */
export interface CompareJob {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly patterns: Float64Array;
  readonly length: number;
  /** [0]: next pair to hand out; [1]: first pair of the chunk the worker holds, -1 when none, `claiming` while it takes one. */
  readonly control: Int32Array;
  readonly chunk: number;
}

/** Compares pairs from..to of the job. */
function compareRange(comparer: PairComparer, codec: PatternCodec, job: CompareJob, from: number, to: number, levels: Uint8Array): void {
  for (let k = from; k < to; k++) {
    comparer.compare(job.left[k], job.right[k], levels);
    job.patterns[k] = codec.encode(levels);
  }
}

/** The worker's mark while it takes a chunk from the counter: the main thread waits it out. */
const claiming = -2;

/**
 * Compares chunks of pairs taken from the job's counter until none are left. The worker marks the
 * chunk it holds (and that it is taking one), so the main thread knows what is still in flight.
 */
export function compareChunks(comparer: PairComparer, codec: PatternCodec, job: CompareJob, worker: boolean, onProgress?: (done: number) => void): void {
  const levels = new Uint8Array(codec.size);
  for (;;) {
    if (worker) Atomics.store(job.control, 1, claiming);
    const from = Atomics.add(job.control, 0, job.chunk);
    if (from >= job.length) {
      if (worker) {
        Atomics.store(job.control, 1, -1);
        Atomics.notify(job.control, 1);
      }
      return;
    }
    if (worker) Atomics.store(job.control, 1, from);
    const to = Math.min(job.length, from + job.chunk);
    compareRange(comparer, codec, job, from, to, levels);
    if (worker) {
      Atomics.store(job.control, 1, -1);
      Atomics.notify(job.control, 1);
    }
    onProgress?.(to);
  }
}

/** How long the main thread waits for the worker's chunk before doing it itself. */
const workerPatienceMs = 60_000;

/** Whether this code runs compiled rather than from TypeScript source (tests, tsx). */
function compiled(): boolean {
  return import.meta.url.endsWith('.js');
}

/**
 * Threads worth using for `pairs` pairs: as requested (1 or 2), else two for large runs on two
 * cores. Run from TypeScript source (tests, tsx) there is no compiled worker script: one thread.
 */
export function threadsFor(pairs: number, requested: number | undefined): number {
  if (!compiled()) return 1;
  if (requested !== undefined) return Math.max(1, Math.min(2, Math.floor(requested)));
  return pairs >= parallelFrom && availableParallelism() >= 2 ? 2 : 1;
}

/** Records from which a second thread is worth starting before the pairs are known. */
export const helperFrom = 100_000;

/**
 * A worker thread readied for comparing pairs of one dataset. Started before blocking, it copies
 * and rebuilds the dataset while this thread finds the candidate pairs, then takes its share of
 * chunks as soon as the job arrives.
 */
export class CompareHelper {
  private constructor(private readonly worker: Worker) {}

  /** A helper when one is worth it (compiled code, two cores, a large dataset, threads not limited to 1). */
  static startFor(dataset: Dataset, requestedThreads: number | undefined): CompareHelper | undefined {
    if (!compiled() || requestedThreads === 1 || dataset.size < helperFrom || availableParallelism() < 2) return undefined;
    return CompareHelper.start(dataset);
  }

  static start(dataset: Dataset): CompareHelper {
    const worker = new Worker(new URL('./compare-worker.js', import.meta.url), { workerData: { parts: dataset.toParts() } });
    worker.unref();
    // A failed worker is covered by `finishHeldChunk`; its error must not surface later as an unhandled event.
    worker.on('error', () => undefined);
    return new CompareHelper(worker);
  }

  /** Hands the job over (its arrays live in shared memory). */
  take(job: CompareJob): void {
    this.worker.postMessage(job);
  }

  stop(): void {
    void this.worker.terminate();
  }
}

/**
 * The comparison pattern of every pair, on this thread and optionally one worker thread sharing
 * the pairs through a counter (so neither waits for the other). Stays synchronous: this thread
 * works, then blocks until the worker reports. A `helper` started earlier is used (and stopped)
 * for two threads; otherwise one is started here.
 */
export function comparePairs(dataset: Dataset, left: Int32Array, right: Int32Array, length: number, threads: number, onProgress?: (done: number) => void, chunk = defaultChunk, helper?: CompareHelper): Float64Array {
  const comparer = new PairComparer(dataset);
  const codec = new PatternCodec(comparer.levelCounts);
  if (threads < 2) {
    helper?.stop();
    const control = Int32Array.of(0, -1);
    const job: CompareJob = { left, right, patterns: new Float64Array(length), length, control, chunk };
    compareChunks(comparer, codec, job, false, onProgress);
    return job.patterns;
  }
  const shared = (bytes: number) => new SharedArrayBuffer(Math.max(8, bytes));
  const job: CompareJob = {
    left: new Int32Array(shared(4 * length)),
    right: new Int32Array(shared(4 * length)),
    patterns: new Float64Array(shared(8 * length)),
    length,
    control: new Int32Array(shared(8)),
    chunk,
  };
  job.left.set(left.subarray(0, length));
  job.right.set(right.subarray(0, length));
  job.control[1] = -1;
  const worker = helper ?? CompareHelper.start(dataset);
  worker.take(job);
  compareChunks(comparer, codec, job, false, onProgress);
  finishHeldChunk(comparer, codec, job, workerPatienceMs);
  worker.stop();
  return job.patterns;
}

/**
 * Once every chunk is handed out, waits for the one the worker may hold (or be taking). A worker
 * that failed or never started holds nothing, or stops moving: then its chunk is done on this thread.
 */
export function finishHeldChunk(comparer: PairComparer, codec: PatternCodec, job: CompareJob, patienceMs: number): void {
  const deadline = performance.now() + patienceMs;
  let held = Atomics.load(job.control, 1);
  while (held !== -1 && performance.now() < deadline) {
    Atomics.wait(job.control, 1, held, Math.max(1, Math.min(100, deadline - performance.now())));
    held = Atomics.load(job.control, 1);
  }
  if (held >= 0) compareRange(comparer, codec, job, held, Math.min(job.length, held + job.chunk), new Uint8Array(codec.size));
}
