import { useEffect, useState } from 'react';

export type Load<T> = { readonly kind: 'loading' } | { readonly kind: 'failed'; readonly error: unknown } | { readonly kind: 'ready'; readonly value: T };

type Settled<T> = { readonly kind: 'failed'; readonly error: unknown } | { readonly kind: 'ready'; readonly value: T };

/**
 * Loads `fetcher` whenever `key` changes; `reload` fetches again. Until the answer for the
 * current key arrives the state is `loading`, so an old answer never shows under a new key.
 */
export function useLoad<T>(fetcher: () => Promise<T>, key: string): { state: Load<T>; reload: () => void } {
  const [round, setRound] = useState(0);
  const [settled, setSettled] = useState<{ readonly for: string; readonly result: Settled<T> } | undefined>(undefined);
  const current = `${key}#${round}`;
  useEffect(() => {
    let live = true;
    fetcher().then(
      (value) => { if (live) setSettled({ for: current, result: { kind: 'ready', value } }); },
      (error: unknown) => { if (live) setSettled({ for: current, result: { kind: 'failed', error } }); },
    );
    return () => { live = false; };
    // `current` names everything `fetcher` depends on; a new closure each render is not a new request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current]);
  const state: Load<T> = settled?.for === current ? settled.result : { kind: 'loading' };
  return { state, reload: () => { setRound((r) => r + 1); } };
}
