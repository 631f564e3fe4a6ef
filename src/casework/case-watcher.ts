import type { DocketEvent } from '../core/events/index.js';
import type { Casework, RecheckReport } from './casework.js';

/** The people an event says have new, moved or merged records. */
function peopleTouched(event: DocketEvent): readonly number[] {
  switch (event.kind) {
    case 'entity-updated':
      return [event.entityId];
    case 'entity-merged':
      return [event.entityId, ...event.mergedIds];
    case 'entity-split':
      return [event.entityId, ...event.newEntityIds];
    case 'entity-created':
    case 'ingest-progress':
    case 'ingest-completed':
    case 'record-ingested':
    case 'record-quarantined':
    case 'review-needed':
    case 'review-decided':
    case 'records-purged':
      return [];
  }
}

/**
 * Re-checks open cases as records arrive: a person whose records changed has their scheduled removal
 * halted if a gate now holds (a stay, a new application, an appeal) and their case closed if an exit is
 * now recorded. Events are folded while a re-check runs, so a burst of ingest costs one pass per person.
 */
export class CaseWatcher {
  private readonly waiting = new Set<number>();
  private running: Promise<void> | undefined;

  constructor(private readonly casework: Casework, private readonly onError: (error: unknown) => void, private readonly onReport?: (report: RecheckReport) => void) {}

  /** Starts listening; returns the function that stops it. */
  start(subscribe: (handler: (event: DocketEvent) => void) => () => void): () => void {
    return subscribe((event) => {
      this.notice(event);
    });
  }

  notice(event: DocketEvent): void {
    const people = peopleTouched(event);
    if (people.length === 0) return;
    for (const id of people) this.waiting.add(id);
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  /** Resolves once every event noticed so far has been acted on. */
  async idle(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.waiting.size > 0) {
      const batch = [...this.waiting];
      this.waiting.clear();
      try {
        const report = await this.casework.recheck(batch);
        if (report.cases > 0) this.onReport?.(report);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}
