import type { Store } from '../store/index.js';
import type { ReadRecorder } from './audit/read-recorder.js';
import type { SessionStore } from './auth/session-store.js';
import type { SignInLimiter } from './auth/sign-in-limiter.js';
import type { DashboardFeed } from './dashboard/dashboard-feed.js';
import type { EventHub } from './events/event-hub.js';
import type { SearchService } from './search/search-service.js';

/** What every route handler may use; built once per server. */
export interface ServerContext {
  readonly store: Store;
  readonly sessions: SessionStore;
  readonly reads: ReadRecorder;
  readonly limiter: SignInLimiter;
  readonly events: EventHub;
  readonly dashboard: DashboardFeed;
  readonly search: SearchService;
  readonly secureCookies: boolean;
  readonly sessionLifetimeMs: number;
}
