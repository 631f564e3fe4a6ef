import Fastify, { type FastifyInstance } from 'fastify';
import type { Store } from '../store/index.js';
import { ReadRecorder } from './audit/read-recorder.js';
import { SessionStore } from './auth/session-store.js';
import { SignInLimiter, type SignInLimits } from './auth/sign-in-limiter.js';
import { DashboardFeed } from './dashboard/dashboard-feed.js';
import type { EventBus } from '../core/events/index.js';
import { EventHub } from './events/event-hub.js';
import { toApiError } from './http/api-error.js';
import { notFound } from './http/not-found.js';
import { openApiDocument } from './http/openapi.js';
import type { AnyRoute } from './http/route.js';
import { serveWebApp } from './http/static-files.js';
import { caseRoutes } from './routes/case-routes.js';
import { dashboardRoutes } from './routes/dashboard-routes.js';
import { departureRoutes } from './routes/departure-routes.js';
import { ledgerRoutes } from './routes/ledger-routes.js';
import { personRoutes } from './routes/person-routes.js';
import { policyRoutes } from './routes/policy-routes.js';
import { reviewRoutes } from './routes/review-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { systemRoutes } from './routes/system-routes.js';
import { InProcessEngine } from './search/search-engine.js';
import { SearchService } from './search/search-service.js';
import { SearchPool } from './search/search-pool.js';
import type { ServerContext } from './server-context.js';

export interface AppOptions {
  readonly store: Store;
  /** The event bus shared with ingest: its events reach the dashboard and keep search current, and the server's own changes go out on it. */
  readonly bus?: EventBus;
  /** The built web app (dist/web); absent: API only. */
  readonly webRoot?: string;
  readonly secureCookies?: boolean;
  readonly sessionLifetimeMs?: number;
  readonly signInLimits?: SignInLimits;
  /** Fold events into one dashboard recount at most this often. */
  readonly dashboardIntervalMs?: number;
  /** Where unexpected failures are reported (the request itself gets a generic answer). */
  readonly onError?: (error: unknown) => void;
  /** Worker threads that hold the search index and answer searches beside HTTP and the ledger (default 0: in this thread). */
  readonly searchThreads?: number;
}

export interface DocketApp {
  readonly http: FastifyInstance;
  readonly context: ServerContext;
  readonly routes: readonly AnyRoute[];
  /** Fills the search index; call before serving traffic. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** The HTTP API (and the web app when `webRoot` is given), not yet listening. */
export function buildApp(options: AppOptions): DocketApp {
  const { store } = options;
  const onError = options.onError ?? ((error: unknown) => {
    process.stderr.write(`docket server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  });
  const events = new EventHub(options.bus);
  const search = new SearchService(store.db, (options.searchThreads ?? 0) > 0 ? new SearchPool(options.searchThreads ?? 0) : new InProcessEngine());
  const context: ServerContext = {
    store,
    sessions: new SessionStore(store.db, options.sessionLifetimeMs ?? 8 * 3_600_000),
    reads: new ReadRecorder(store.db),
    limiter: new SignInLimiter(options.signInLimits),
    events,
    dashboard: new DashboardFeed(store.db, events, options.dashboardIntervalMs ?? 150, onError),
    search,
    secureCookies: options.secureCookies ?? false,
    sessionLifetimeMs: options.sessionLifetimeMs ?? 8 * 3_600_000,
  };
  // Records ingested, people created, merged or split: search follows the event.
  const unsync = events.subscribe((event) => {
    search.apply(event).catch(onError);
  });

  // Closing ends open event streams too; otherwise a dashboard left open would hold shutdown.
  const http = Fastify({ logger: false, bodyLimit: 256 * 1024, trustProxy: false, forceCloseConnections: true });
  http.setErrorHandler((error, _request, reply) => {
    const { status, body } = toApiError(error);
    if (status >= 500) onError(error);
    const retry = body.error.details?.['retryAfterSeconds'];
    if (typeof retry === 'number') void reply.header('retry-after', String(retry));
    return reply.code(status).header('cache-control', 'no-store').send(body);
  });
  http.setNotFoundHandler((request, reply) => {
    const { status, body } = toApiError(notFound(request.url));
    return reply.code(status).send(body);
  });
  http.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
  });

  let document: unknown;
  const routes: AnyRoute[] = [];
  routes.push(
    ...systemRoutes(context, () => (document ??= openApiDocument(routes))),
    ...sessionRoutes(context),
    ...personRoutes(context),
    ...reviewRoutes(context),
    ...dashboardRoutes(context),
    ...ledgerRoutes(context),
    ...caseRoutes(context, onError),
    ...departureRoutes(context),
    ...policyRoutes(context),
  );
  for (const route of routes) route.register(http, context);
  if (options.webRoot !== undefined) serveWebApp(http, options.webRoot);

  return {
    http,
    context,
    routes,
    ready: () => search.sync(),
    async close() {
      unsync();
      events.close();
      context.dashboard.close();
      await http.close();
      await search.close();
    },
  };
}
