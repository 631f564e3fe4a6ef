import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessBus } from '../../ingest/bus/in-process-bus.js';
import { openTestStore, testBackends, type TestStore } from '../../store/testing/test-store.js';
import { demoAccounts, seedDemoAccounts } from '../auth/demo-accounts.js';
import type { DashboardStats } from '../dashboard/dashboard-stats.js';
import { startServer, type ServerHandle } from '../start-server.js';
import { Fixture } from '../testing/fixtures.js';
import { seedSmallWorld } from '../testing/small-world.js';

/** Reads server-sent events from a streaming response, one `{ event, data }` at a time. */
async function* events(body: ReadableStream<Uint8Array>): AsyncGenerator<{ event: string; data: unknown }> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event !== undefined && data !== undefined) yield { event, data: JSON.parse(data) as unknown };
    }
  }
}

async function next(stream: AsyncGenerator<{ event: string; data: unknown }>): Promise<{ event: string; data: unknown }> {
  const result = await stream.next();
  if (result.done === true) throw new Error('the event stream ended');
  return result.value;
}

describe.each(testBackends)('live dashboard on %s', (backend) => {
  let t: TestStore;
  let bus: InProcessBus;
  let server: ServerHandle;
  let cookie: string;
  beforeAll(async () => {
    t = await openTestStore(backend);
    await seedSmallWorld(t.store.db);
    await seedDemoAccounts(t.store);
    bus = new InProcessBus();
    server = await startServer({ store: t.store, bus, port: 0, webRoot: false, onError: () => undefined });
    const account = demoAccounts.find((a) => a.role === 'auditor');
    const signIn = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: account?.username, password: account?.password }) });
    cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  });
  afterAll(async () => {
    await server.close();
    await bus.close();
    await t.dispose();
  });

  it('counts records, people, reviews, quarantine and freshness per source', async () => {
    const stats = await (await fetch(`${server.url}/api/dashboard`, { headers: { cookie } })).json() as DashboardStats;
    expect(stats.totals).toMatchObject({ sources: 3, records: 10, entities: 7, pendingReviews: 2, quarantined: 1 });
    expect(stats.sources.find((s) => s.name === 'arrivals-departures')).toMatchObject({ records: 4, quarantined: 1, acceptedShare: 0.8, lastRunStatus: 'completed' });
    expect(stats.ingestByHour).toHaveLength(24);
    expect(stats.ingestByHour.at(-1)?.records).toBe(10);
  });

  it('shuts down promptly while a dashboard stream is open', async () => {
    const other = await startServer({ store: t.store, port: 0, webRoot: false, onError: () => undefined });
    const response = await fetch(`${other.url}/api/events`, { headers: { cookie } });
    const stream = events(response.body ?? new ReadableStream());
    expect((await next(stream)).event).toBe('stats');
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('pushes an update within a second of an event on the bus', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/events`, { headers: { cookie }, signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const stream = events(response.body ?? new ReadableStream());
    expect((await next(stream)).event).toBe('stats');
    const recordId = await new Fixture(t.store.db).record('visa-issuance', { name: { given: 'Lin', surname: 'Zhang' }, dateOfBirth: '2001-06-30' });
    const sent = Date.now();
    await bus.publish({ kind: 'record-ingested', source: 'visa-issuance', recordIds: [recordId] });
    const update = await next(stream);
    const latency = Date.now() - sent;
    controller.abort();
    expect(update.event).toBe('update');
    const data = update.data as { events: { kind: string; summary: string }[]; stats: DashboardStats };
    expect(data.events).toEqual([expect.objectContaining({ kind: 'record-ingested', summary: 'visa-issuance: 1 record ingested' })]);
    expect(data.stats.totals.records).toBe(11);
    expect(latency).toBeLessThan(1_000);
  });
});
