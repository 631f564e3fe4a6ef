import type { DocketEvent, EventBus } from '../../core/events/index.js';

/** The bus of a single process: `npm start` and tests. Handlers run synchronously, in order. */
export class InProcessBus implements EventBus {
  private readonly handlers = new Set<(event: DocketEvent) => void>();

  publish(event: DocketEvent): Promise<void> {
    for (const handler of this.handlers) {
      try {
        handler(event);
      } catch {
        // A failing listener (a closed SSE stream) must not stop ingest or the other listeners.
      }
    }
    return Promise.resolve();
  }

  subscribe(handler: (event: DocketEvent) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  close(): Promise<void> {
    this.handlers.clear();
    return Promise.resolve();
  }
}
