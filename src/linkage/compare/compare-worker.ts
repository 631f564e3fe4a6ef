// A second thread for `comparePairs`: rebuilds the dataset from plain parts, then takes chunks of
// pairs from the shared counter like the main thread does.
import { workerData } from 'node:worker_threads';
import type { DatasetParts } from '../dataset/dataset.js';
import { Dataset } from '../dataset/dataset.js';
import type { CompareJob } from './compare-pairs.js';
import { compareChunks } from './compare-pairs.js';
import { PairComparer } from './pair-comparer.js';
import { PatternCodec } from './pattern-codec.js';

const { parts, job } = workerData as { parts: DatasetParts; job: CompareJob };
const comparer = new PairComparer(Dataset.fromParts(parts));
compareChunks(comparer, new PatternCodec(comparer.levelCounts), job, true);
