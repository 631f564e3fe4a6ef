// A second thread for `comparePairs`: rebuilds the dataset from plain parts, then waits for the
// job and takes chunks of pairs from the shared counter like the main thread does.
import { parentPort, workerData } from 'node:worker_threads';
import type { DatasetParts } from '../dataset/dataset.js';
import { Dataset } from '../dataset/dataset.js';
import type { CompareJob } from './compare-pairs.js';
import { compareChunks } from './compare-pairs.js';
import { PairComparer } from './pair-comparer.js';
import { PatternCodec } from './pattern-codec.js';

const { parts } = workerData as { parts: DatasetParts };
const comparer = new PairComparer(Dataset.fromParts(parts));
const codec = new PatternCodec(comparer.levelCounts);
parentPort?.once('message', (job: CompareJob) => {
  compareChunks(comparer, codec, job, true);
});
