import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Dataset } from '../dataset/dataset.js';
import { PairComparer } from './pair-comparer.js';
import { PatternCodec } from './pattern-codec.js';

/** Pairs taken at a time from the shared counter: big enough to be cheap, small enough to balance. */
const chunk = 16_384;

/** Below this many pairs a second thread costs more to start than it saves. */
export const parallelFrom = 400_000;

/** The work both threads share: pairs, where the patterns go, and a counter of pairs handed out. */
export interface CompareJob {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly patterns: Float64Array;
  readonly length: number;
  /** [0]: next pair to hand out; [1]: 1 when the worker is done, 2 when it failed. */
  readonly control: Int32Array;
}

/** Compares chunks of pairs taken from the job's counter until none are left. */
export function compareChunks(comparer: PairComparer, codec: PatternCodec, job: CompareJob, onProgress?: (done: number) => void): void {
  const levels = new Uint8Array(codec.size);
  for (;;) {
    const from = Atomics.add(job.control, 0, chunk);
    if (from >= job.length) return;
    const to = Math.min(job.length, from + chunk);
    for (let k = from; k < to; k++) {
      comparer.compare(job.left[k], job.right[k], levels);
      job.patterns[k] = codec.encode(levels);
    }
    onProgress?.(to);
  }
}

/** Whether this code runs compiled (the worker file exists next to it) rather than from TypeScript source. */
function compiled(): boolean {
  return import.meta.url.endsWith('.js');
}

/** Threads worth using for `pairs` pairs: two when there are two cores, enough pairs and a compiled worker. */
export function threadsFor(pairs: number, requested: number | undefined): number {
  if (requested !== undefined) return compiled() ? Math.max(1, Math.min(2, requested)) : 1;
  return pairs >= parallelFrom && compiled() && availableParallelism() >= 2 ? 2 : 1;
}

/**
 * The comparison pattern of every pair, on this thread and optionally one worker thread sharing
 * the pairs through a counter (so neither waits for the other). Stays synchronous: this thread
 * works, then blocks until the worker reports.
 */
export function comparePairs(dataset: Dataset, left: Int32Array, right: Int32Array, length: number, threads: number, onProgress?: (done: number) => void): Float64Array {
  const comparer = new PairComparer(dataset);
  const codec = new PatternCodec(comparer.levelCounts);
  if (threads < 2) {
    const control = new Int32Array(2);
    const job: CompareJob = { left, right, patterns: new Float64Array(length), length, control };
    compareChunks(comparer, codec, job, onProgress);
    return job.patterns;
  }
  const shared = (bytes: number) => new SharedArrayBuffer(Math.max(8, bytes));
  const job: CompareJob = {
    left: new Int32Array(shared(4 * length)),
    right: new Int32Array(shared(4 * length)),
    patterns: new Float64Array(shared(8 * length)),
    length,
    control: new Int32Array(shared(8)),
  };
  job.left.set(left.subarray(0, length));
  job.right.set(right.subarray(0, length));
  const worker = new Worker(new URL('./compare-worker.js', import.meta.url), { workerData: { parts: dataset.toParts(), job } });
  worker.unref();
  compareChunks(comparer, codec, job, onProgress);
  // The worker finishes the chunk it holds; wait for its word (it reports failure too).
  while (Atomics.load(job.control, 1) === 0) Atomics.wait(job.control, 1, 0, 1000);
  const failed = Atomics.load(job.control, 1) === 2;
  void worker.terminate();
  if (failed) throw new Error('the comparison worker failed');
  return job.patterns;
}
