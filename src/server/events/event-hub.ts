import type { DocketEvent, EventBus } from '../../core/events/index.js';

/** An event as the dashboard shows it: what, when, and one sentence for people. */
export interface DashboardEvent {
  readonly kind: DocketEvent['kind'];
  /** ISO 8601, when the server heard of it. */
  readonly at: string;
  readonly summary: string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One sentence per event; events carry ids and counts only, so the sentence names no one. */
export function describeDocketEvent(event: DocketEvent): string {
  switch (event.kind) {
    case 'ingest-progress':
      return `${event.source}: ${event.read} rows read, ${event.stored} stored, ${event.quarantined} quarantined`;
    case 'ingest-completed':
      return `${event.source}: ingest finished, ${plural(event.stored, 'record')} stored, ${event.quarantined} quarantined`;
    case 'record-ingested':
      return `${event.source}: ${plural(event.recordIds.length, 'record')} ingested`;
    case 'record-quarantined':
      return `${event.source}: ${plural(event.count, 'row')} quarantined`;
    case 'entity-created':
      return `person ${event.entityId} created from ${plural(event.recordIds.length, 'record')}`;
    case 'entity-updated':
      return `person ${event.entityId} gained ${plural(event.recordIds.length, 'record')}`;
    case 'entity-merged':
      return `${event.mergedIds.map((id) => `person ${id}`).join(', ')} merged into person ${event.entityId}`;
    case 'entity-split':
      return `person ${event.entityId} split; new ${event.newEntityIds.map((id) => `person ${id}`).join(', ')}`;
    case 'review-needed':
      return `an uncertain match needs clerical review (item ${event.reviewId})`;
    case 'review-decided':
      return `review item ${event.reviewId} decided: ${event.decision}`;
    case 'records-purged':
      return `${event.source}: ${plural(event.count, 'record')} purged under the retention schedule`;
  }
}

/**
 * The server's view of the event bus: it publishes the server's own changes there and fans
 * every event out to the dashboard and to search. Without a bus it fans out in-process.
 */
export class EventHub {
  private readonly listeners = new Set<(event: DocketEvent) => void>();
  private readonly unsubscribe: () => void;

  constructor(private readonly bus?: EventBus) {
    this.unsubscribe = bus === undefined ? () => undefined : bus.subscribe((event) => {
      this.fanOut(event);
    });
  }

  async publish(event: DocketEvent): Promise<void> {
    if (this.bus === undefined) this.fanOut(event);
    else await this.bus.publish(event);
  }

  subscribe(listener: (event: DocketEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.unsubscribe();
    this.listeners.clear();
  }

  private fanOut(event: DocketEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One failing listener (a closed stream) must not keep the event from the others.
      }
    }
  }
}
