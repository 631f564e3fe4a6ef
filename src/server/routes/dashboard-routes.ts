import { z } from 'zod';
import { DashboardStats } from '../dashboard/dashboard-stats.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import type { ServerContext } from '../server-context.js';

const heartbeatMs = 15_000;

export function dashboardRoutes(context: ServerContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET', url: '/api/dashboard', tag: 'dashboard', access: 'dashboard.read',
      summary: 'Ingest volumes, people, pending reviews, quarantine, data quality and freshness per source (aggregates only)',
      response: DashboardStats,
      handler: () => context.dashboard.stats(),
    }),
    defineRoute({
      method: 'GET', url: '/api/events', tag: 'dashboard', access: 'dashboard.read',
      summary: 'Server-sent events: `stats` on connect, then `update` (the events and the new figures) as things happen',
      produces: 'text/event-stream',
      response: z.string(),
      async handler({ reply, request }) {
        reply.hijack();
        const out = reply.raw;
        out.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
        const send = (event: string, data: unknown): void => {
          out.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        };
        const unsubscribe = context.dashboard.subscribe((update) => {
          send('update', update);
        });
        const heartbeat = setInterval(() => out.write(': still here\n\n'), heartbeatMs);
        const stop = (): void => {
          clearInterval(heartbeat);
          unsubscribe();
        };
        request.raw.on('close', stop);
        out.on('error', stop);
        send('stats', await context.dashboard.stats());
        return undefined;
      },
    }),
  ];
}
