import type { Store } from '../store/index.js';

/** Opens the configured store for one command and always closes it. */
export async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const { Store: StoreClass, storeConfigFromEnv } = await import('../store/index.js');
  const store = await StoreClass.open(storeConfigFromEnv());
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
