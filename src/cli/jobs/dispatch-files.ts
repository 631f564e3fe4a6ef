import { IngestQueue } from '../../ingest/distributed/ingest-queue.js';
import { dispatchFile } from '../../ingest/distributed/dispatch-file.js';
import { runIngestWorker } from '../../ingest/distributed/ingest-worker.js';
import { NatsBus } from '../../ingest/bus/nats-bus.js';
import { BatchStore, SourceStore, Store, storeConfigFromEnv } from '../../store/index.js';
import { printJson } from '../action.js';
import { cliContext } from '../cli-context.js';
import { progressBar } from '../progress.js';
import { formatTable } from '../table.js';

async function withQueue<T>(natsUrl: string, work: (store: Store, queue: IngestQueue) => Promise<T>): Promise<T> {
  const store = await Store.open(storeConfigFromEnv());
  try {
    const instance = (await store.db.query<{ id: string }>('SELECT id FROM docket_instance')).at(0)?.id ?? 'default';
    const queue = await IngestQueue.connect(natsUrl, instance);
    try {
      return await work(store, queue);
    } finally {
      await queue.close();
    }
  } finally {
    await store.close();
  }
}

/** `docket ingest --queue`: queue each file's rows and, unless told not to, wait for the workers to finish. */
export async function dispatchFiles(options: { source: string; files: readonly string[]; batchSize: number; wait: boolean; resolve: boolean; json: boolean; natsUrl: string }): Promise<void> {
  const results = await withQueue(options.natsUrl, async (store, queue) => {
    const source = await SourceStore.get(store.db, options.source);
    const context = cliContext('data-steward', 'ingest', source.legalAuthority);
    const out: { file: string; batches: number; status: string; read: number; stored: number; duplicates: number; quarantined: number }[] = [];
    for (const path of options.files) {
      const dispatch = await dispatchFile(store, queue, { source: options.source, path, context, batchSize: options.batchSize });
      let file = await BatchStore.file(store.db, dispatch.fileId);
      if (options.wait) {
        const bar = progressBar(`workers on ${path}`);
        while (file !== undefined && file.status !== 'completed') {
          bar.update(file.rowsRead, Math.max(dispatch.rows, 1), file.rowsRead);
          await new Promise((resolve) => setTimeout(resolve, 250));
          file = await BatchStore.file(store.db, dispatch.fileId);
        }
        bar.stop();
      }
      out.push({ file: path, batches: dispatch.batches, status: file?.status ?? 'unknown', read: file?.rowsRead ?? 0, stored: file?.rowsStored ?? 0, duplicates: file?.rowsDuplicate ?? 0, quarantined: file?.rowsQuarantined ?? 0 });
    }
    // The workers store; one process resolves, so entities come from one view of all records.
    if (options.wait && options.resolve) {
      const { LiveResolver } = await import('../../ingest/resolve/live-resolver.js');
      const bus = await NatsBus.connect(options.natsUrl);
      try {
        await (await LiveResolver.open(store, { context, bus })).finish();
      } finally {
        await bus.close();
      }
    }
    return out;
  });
  if (options.json) printJson(results);
  else process.stdout.write(`${formatTable(['FILE', 'BATCHES', 'STATUS', 'READ', 'STORED', 'DUPLICATES', 'QUARANTINED'], results.map((r) => [r.file, String(r.batches), r.status, String(r.read), String(r.stored), String(r.duplicates), String(r.quarantined)]))}\n`);
}

/** `docket ingest-worker`: one worker until Ctrl-C, or until idle for the given time. */
export async function runWorkerProcess(natsUrl: string, idleMs: number | undefined): Promise<void> {
  const controller = new AbortController();
  process.once('SIGINT', () => {
    controller.abort();
  });
  process.once('SIGTERM', () => {
    controller.abort();
  });
  const bus = await NatsBus.connect(natsUrl);
  try {
    const handled = await withQueue(natsUrl, (store, queue) => runIngestWorker(store, queue, {
      context: cliContext('data-steward', 'ingest', ''), bus, signal: controller.signal, ...(idleMs === undefined ? {} : { idleMs }),
    }));
    process.stderr.write(`ingest worker stopped after ${handled} batches\n`);
  } finally {
    await bus.close();
  }
}
