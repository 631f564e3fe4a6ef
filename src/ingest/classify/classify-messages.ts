import type { SourceMapping } from '../../core/mapping/index.js';
import type { GoodRow, QuarantinedRow } from '../../store/ingest-store.js';
import type { FileFormat, ReadPosition, TextEncoding } from '../readers/index.js';
import type { ClassifyContext } from './classify-item.js';

/** What the classifying thread is given: one file, read from `start`, batches of `batchSize` rows. */
export interface ClassifyJob extends ClassifyContext {
  readonly path: string;
  readonly format: FileFormat;
  readonly encoding: TextEncoding;
  readonly mapping: SourceMapping;
  readonly batchSize: number;
  readonly start: ReadPosition | undefined;
  /** Batches the thread may send ahead of the ones taken. */
  readonly ahead: number;
}

/** Rows read, in file order, and where the next batch starts. */
export interface ClassifiedBatch {
  readonly good: GoodRow[];
  readonly quarantine: QuarantinedRow[];
  readonly read: number;
  readonly position: ReadPosition;
}

export type FromClassifyThread =
  | ({ readonly kind: 'batch' } & ClassifiedBatch)
  | { readonly kind: 'end' }
  | { readonly kind: 'failed'; readonly message: string; readonly code: string | undefined; readonly hint: string | undefined };

/** A file to classify (once the previous one has ended), or room for one more batch of it. */
export type ToClassifyThread = { readonly kind: 'job'; readonly job: ClassifyJob } | { readonly kind: 'take' };
