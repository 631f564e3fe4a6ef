import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocketError } from '../../core/errors/index.js';
import { Store, SourceStore, storeConfigFromEnv } from '../../store/index.js';
import { cliContext } from '../cli-context.js';
import { progressBar } from '../progress.js';
import { serveUntilStopped } from './serve-until-stopped.js';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function demoPeople(env: NodeJS.ProcessEnv): number {
  const raw = env['DOCKET_DEMO_PEOPLE'] ?? '3000';
  const people = Number(raw);
  if (!Number.isInteger(people) || people < 1) throw new DocketError('invalid-input', `DOCKET_DEMO_PEOPLE must be a whole number, not "${raw}"`);
  return people;
}

/**
 * The main job behind `npm start`: the database set up and migrated; on first start, synthetic
 * demo data generated, registered, ingested and resolved; then the web app and API until Ctrl-C.
 */
export async function startDocket(options: { readonly port?: number; readonly host?: string } = {}): Promise<void> {
  const config = storeConfigFromEnv();
  const store = await Store.open(config, { createDatabase: true });
  const { InProcessBus } = await import('../../ingest/bus/in-process-bus.js');
  const bus = new InProcessBus();
  try {
    say(`Docket is using the ${store.db.location} (schema version ${store.migration.version}).`);
    if ((await SourceStore.list(store.db)).length === 0) {
      const people = demoPeople(process.env);
      const dir = join(config.kind === 'pglite' ? config.home : tmpdir(), 'demo-data');
      say(`First start: generating synthetic demo data for ${people} people in ${dir} …`);
      const { generate } = await import('../../synth/generate.js');
      await generate({ people, seed: 2026, outDir: dir });
      const { loadCatalog } = await import('../../ingest/load-catalog.js');
      const bar = progressBar('loading demo data');
      const loaded = await loadCatalog(store, dir, cliContext('data-steward', 'ingest', ''), { bus, resolve: true, onProgress: (p) => { bar.update(p.bytesDone, p.bytesTotal, p.read); } }).finally(() => {
        bar.stop();
      });
      const stored = loaded.files.reduce((n, f) => n + f.stored, 0);
      const quarantined = loaded.files.reduce((n, f) => n + f.quarantined, 0);
      say(`Loaded ${loaded.registered.length} sources: ${stored} records stored, ${quarantined} in quarantine.`);
    }
    await serveUntilStopped(store, bus, { demoAccounts: true, ...(options.host === undefined ? {} : { host: options.host }), ...(options.port === undefined ? {} : { port: options.port }) });
  } finally {
    await bus.close();
    await store.close();
  }
}
