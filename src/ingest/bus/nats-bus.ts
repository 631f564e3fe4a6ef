import { connect, DeliverPolicy, JSONCodec, RetentionPolicy, type ConsumerMessages, type JetStreamClient, type NatsConnection } from 'nats';
import { DocketError } from '../../core/errors/index.js';
import type { DocketEvent, EventBus } from '../../core/events/index.js';

export const EVENT_STREAM = 'DOCKET_EVENTS';
const SUBJECT_PREFIX = 'docket.events';
const codec = JSONCodec<DocketEvent>();

/**
 * Events through NATS JetStream, for Docket running as several processes: each process
 * publishes to one stream and sees the others' events from the moment it subscribes.
 */
export class NatsBus implements EventBus {
  private readonly subscriptions = new Set<ConsumerMessages>();

  private constructor(private readonly connection: NatsConnection, private readonly js: JetStreamClient) {}

  static async connect(url: string): Promise<NatsBus> {
    let connection: NatsConnection;
    try {
      connection = await connect({ servers: url, timeout: 5_000, maxReconnectAttempts: 10 });
    } catch (error) {
      throw new DocketError('database-unavailable', `cannot reach NATS at ${url} (${error instanceof Error ? error.message : String(error)})`, {
        hint: 'start nats-server with JetStream (-js) or fix NATS_URL; without NATS_URL Docket runs in one process',
        cause: error,
      });
    }
    const manager = await connection.jetstreamManager();
    const config = { name: EVENT_STREAM, subjects: [`${SUBJECT_PREFIX}.>`], retention: RetentionPolicy.Limits, max_age: 24 * 3600 * 1e9 };
    try {
      await manager.streams.info(EVENT_STREAM);
    } catch {
      await manager.streams.add(config);
    }
    return new NatsBus(connection, connection.jetstream());
  }

  async publish(event: DocketEvent): Promise<void> {
    await this.js.publish(`${SUBJECT_PREFIX}.${event.kind}`, codec.encode(event));
  }

  subscribe(handler: (event: DocketEvent) => void): () => void {
    let messages: ConsumerMessages | undefined;
    const state = { stopped: false };
    // Start from the moment of subscribing, not of the consumer's creation a little later.
    const since = new Date().toISOString();
    void (async () => {
      const consumer = await this.js.consumers.get(EVENT_STREAM, { deliver_policy: DeliverPolicy.StartTime, opt_start_time: since });
      if (state.stopped) return;
      messages = await consumer.consume();
      this.subscriptions.add(messages);
      for await (const message of messages) {
        try {
          handler(codec.decode(message.data));
        } catch {
          // One listener's failure must not end the subscription.
        }
      }
    })().catch(() => undefined);
    return () => {
      state.stopped = true;
      if (messages !== undefined) {
        this.subscriptions.delete(messages);
        void messages.close();
      }
    };
  }

  async close(): Promise<void> {
    for (const messages of this.subscriptions) await messages.close();
    this.subscriptions.clear();
    await this.connection.drain();
  }
}
