import type { Queryable } from '../../store/index.js';
import { describeDocketEvent, type DashboardEvent, type EventHub } from '../events/event-hub.js';
import { readDashboardStats, type DashboardStats } from './dashboard-stats.js';

export interface DashboardUpdate {
  readonly events: readonly DashboardEvent[];
  readonly stats: DashboardStats;
}

/**
 * Turns events into dashboard updates: events arriving together are folded into one recount,
 * at most one every `intervalMs`, or twice the time the last recount took when that is longer,
 * so a burst of ingest into a large database cannot spend its time counting, while on a
 * database of ordinary size each event still reaches the screen well inside a second.
 */
export class DashboardFeed {
  private readonly listeners = new Set<(update: DashboardUpdate) => void>();
  private pending: DashboardEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastRun = 0;
  private lastDuration = 0;
  private running = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly db: Queryable, hub: EventHub, private readonly intervalMs = 150, private readonly onError: (error: unknown) => void = () => undefined) {
    this.unsubscribe = hub.subscribe((event) => {
      this.pending.push({ kind: event.kind, at: new Date().toISOString(), summary: describeDocketEvent(event) });
      this.schedule();
    });
  }

  stats(): Promise<DashboardStats> {
    return readDashboardStats(this.db);
  }

  subscribe(listener: (update: DashboardUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.unsubscribe();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.listeners.clear();
  }

  private schedule(): void {
    if (this.timer !== undefined || this.running) return;
    const wait = Math.max(0, this.lastRun + Math.max(this.intervalMs, 2 * this.lastDuration) - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, wait);
  }

  private async run(): Promise<void> {
    this.running = true;
    this.lastRun = Date.now();
    const events = this.pending;
    this.pending = [];
    try {
      if (this.listeners.size > 0) {
        const stats = await readDashboardStats(this.db);
        this.lastDuration = Date.now() - this.lastRun;
        for (const listener of this.listeners) listener({ events, stats });
      }
    } catch (error) {
      this.onError(error);
    } finally {
      this.running = false;
      if (this.pending.length > 0) this.schedule();
    }
  }
}
