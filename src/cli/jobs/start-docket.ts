import { LedgerStore, SourceStore } from '../../store/index.js';
import { initStore } from './init-store.js';
import { withStore } from '../with-store.js';

/** The main job behind `npm start`. */
export async function startDocket(): Promise<void> {
  const init = await initStore();
  const say = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  say(`Docket is using the ${init.location} (schema version ${init.version}).`);
  await withStore(async (store) => {
    const sources = await SourceStore.list(store.db);
    const verdict = await LedgerStore.verify(store.db);
    say(`${sources.length} registered source${sources.length === 1 ? '' : 's'}; audit ledger ${verdict.kind === 'intact' ? `intact with ${verdict.count} entries` : `BROKEN at entry #${verdict.seq}`}.`);
  });
  say('Next: `npx docket sources add --help` to register a source, `npx docket audit verify` to check the ledger.');
}
