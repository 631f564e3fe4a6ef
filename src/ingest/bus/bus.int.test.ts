import { describe, expect, it } from 'vitest';
import type { DocketEvent, EventBus } from '../../core/events/index.js';
import { InProcessBus } from './in-process-bus.js';
import { NatsBus } from './nats-bus.js';

const natsUrl = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for events');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const buses: [string, () => Promise<EventBus>][] = [
  ['in-process', () => Promise.resolve(new InProcessBus())],
  ['NATS JetStream', () => NatsBus.connect(natsUrl)],
];

describe.each(buses)('the %s bus', (_name, open) => {
  it('delivers every event published after subscribing, in order, until unsubscribed', async () => {
    const bus = await open();
    try {
      const seen: DocketEvent[] = [];
      const stop = bus.subscribe((event) => seen.push(event));
      for (let i = 1; i <= 5; i += 1) await bus.publish({ kind: 'entity-created', entityId: i, recordIds: [i] });
      await until(() => seen.length >= 5);
      expect(seen.map((e) => (e.kind === 'entity-created' ? e.entityId : 0))).toEqual([1, 2, 3, 4, 5]);
      stop();
      await bus.publish({ kind: 'entity-created', entityId: 6, recordIds: [6] });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seen).toHaveLength(5);
    } finally {
      await bus.close();
    }
  });
});

describe('NATS JetStream across processes', () => {
  it('carries one process\'s events to another', async () => {
    const publisher = await NatsBus.connect(natsUrl);
    const listener = await NatsBus.connect(natsUrl);
    try {
      const seen: DocketEvent[] = [];
      listener.subscribe((event) => seen.push(event));
      await publisher.publish({ kind: 'review-needed', reviewId: 42, score: 3.5 });
      await until(() => seen.some((e) => e.kind === 'review-needed' && e.reviewId === 42));
    } finally {
      await publisher.close();
      await listener.close();
    }
  });

  it('says clearly when NATS cannot be reached', async () => {
    await expect(NatsBus.connect('nats://127.0.0.1:1')).rejects.toThrow(/cannot reach NATS at nats:\/\/127.0.0.1:1/);
  });
});
