import { parentPort } from 'node:worker_threads';
import { DocketError } from '../../core/errors/index.js';
import type { GoodRow, QuarantinedRow } from '../../store/ingest-store.js';
import { openSourceFile } from '../readers/index.js';
import { classifyItem } from './classify-item.js';
import type { ClassifyJob, FromClassifyThread, ToClassifyThread } from './classify-messages.js';

/**
 * The classifying thread: reads one file at a time, maps and checks each row, and sends batches as
 * credit allows. It stays up between files, so a run of many files starts it once.
 */
const port = parentPort;
if (port === null) throw new Error('classify-worker runs as a worker thread');

let credit = 0;
let wake: (() => void) | undefined;
port.on('message', (message: ToClassifyThread) => {
  if (message.kind === 'job') {
    void classify(message.job);
    return;
  }
  credit += 1;
  wake?.();
});

async function send(message: FromClassifyThread): Promise<void> {
  if (message.kind === 'batch') {
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit -= 1;
  }
  port?.postMessage(message);
}

async function classify(job: ClassifyJob): Promise<void> {
  credit = job.ahead;
  try {
    const file = await openSourceFile(job.path, { format: job.format, encoding: job.encoding });
    let good: GoodRow[] = [];
    let quarantine: QuarantinedRow[] = [];
    let read = 0;
    let position = job.start ?? { offset: 0, line: 1 };
    for await (const item of file.read(job.start)) {
      read += 1;
      position = { offset: item.end, line: item.nextLine };
      const row = classifyItem(item, job.mapping, job);
      if (row.kind === 'good') good.push(row.row);
      else quarantine.push(row.row);
      if (read >= job.batchSize) {
        await send({ kind: 'batch', good, quarantine, read, position });
        good = [];
        quarantine = [];
        read = 0;
      }
    }
    if (read > 0) await send({ kind: 'batch', good, quarantine, read, position });
    await send({ kind: 'end' });
  } catch (error) {
    await send({ kind: 'failed', message: error instanceof Error ? error.message : String(error), code: DocketError.is(error) ? error.code : undefined, hint: DocketError.is(error) ? error.hint : undefined });
  }
}
