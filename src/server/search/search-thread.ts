import { Worker } from 'node:worker_threads';
import type { IndexedRecord } from './search-index.js';
import type { EntityMove, SearchAnswer, SearchEngine } from './search-engine.js';
import type { FromSearchThread, ToSearchThread } from './search-messages.js';

interface Pending {
  readonly resolve: (answer: SearchAnswer) => void;
  readonly reject: (error: Error) => void;
}

/** Starts the search worker; from TypeScript sources (tests, tsx) the worker first registers tsx to load them. */
function startWorker(): Worker {
  const compiled = import.meta.url.endsWith('.js');
  const url = new URL(compiled ? './search-worker.js' : './search-worker.ts', import.meta.url);
  if (compiled) return new Worker(url);
  const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(code, { eval: true });
}

/**
 * The index in a worker thread of its own, so searching runs beside the server's thread
 * (HTTP, sessions, the ledger) on a second core. Messages to one worker arrive in the order
 * they were sent, so a search sees every update sent before it.
 */
export class SearchThread implements SearchEngine {
  private readonly worker = startWorker();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | undefined;

  constructor() {
    this.worker.on('message', (replies: readonly FromSearchThread[]) => {
      for (const reply of replies) {
        const waiting = this.pending.get(reply.id);
        if (waiting === undefined) continue;
        this.pending.delete(reply.id);
        if (reply.kind === 'answer') waiting.resolve(reply);
        else waiting.reject(new Error(`search failed: ${reply.message}`));
      }
    });
    this.worker.on('error', (error) => { this.fail(error); });
    this.worker.on('exit', (code) => { this.fail(new Error(`the search thread stopped (exit code ${code})`)); });
  }

  /** Searches sent and not yet answered. */
  get waiting(): number {
    return this.pending.size;
  }

  add(entries: readonly IndexedRecord[]): void {
    this.send({ kind: 'add', entries });
  }

  setEntities(moves: readonly EntityMove[]): void {
    this.send({ kind: 'entities', moves });
  }

  reset(): void {
    this.send({ kind: 'reset' });
  }

  search(q: string, sources: readonly number[], limit: number): Promise<SearchAnswer> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ kind: 'search', id, q, sources, limit });
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the search thread was closed');
    await this.worker.terminate();
  }

  private send(message: ToSearchThread): void {
    if (this.failure !== undefined) throw this.failure;
    this.worker.postMessage(message);
  }

  /** A dead search thread fails every search waiting on it, and every later one. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
  }
}
