import { AckPolicy, connect, JSONCodec, RetentionPolicy, type Consumer, type JetStreamClient, type NatsConnection } from 'nats';
import { DocketError } from '../../core/errors/index.js';
import type { SourceItem } from '../readers/index.js';

const STREAM = 'DOCKET_INGEST';
const SUBJECTS = 'docket.ingest.batches.>';

/** One batch of read rows of one file, for whichever worker takes it. */
export interface BatchMessage {
  readonly fileId: number;
  readonly runId: number;
  readonly source: string;
  readonly fileName: string;
  readonly fingerprint: string;
  readonly batchNo: number;
  readonly today: string;
  readonly items: readonly SourceItem[];
}

const codec = JSONCodec<BatchMessage>();

/**
 * The work queue of distributed ingest on NATS JetStream: a message stays until a worker
 * acknowledges it after committing, and goes to another worker if that one dies first.
 */
export class IngestQueue {
  private readonly subject: string;
  private readonly consumer: string;

  private constructor(private readonly connection: NatsConnection, private readonly js: JetStreamClient, instance: string) {
    this.subject = `docket.ingest.batches.${instance}`;
    this.consumer = `ingest-workers-${instance}`;
  }

  /** The queue of one database (`instance`): its workers never see another database's batches. */
  static async connect(url: string, instance: string): Promise<IngestQueue> {
    let connection: NatsConnection;
    try {
      connection = await connect({ servers: url, timeout: 5_000 });
    } catch (error) {
      throw new DocketError('database-unavailable', `cannot reach NATS at ${url} (${error instanceof Error ? error.message : String(error)})`, {
        hint: 'start nats-server with JetStream (-js), or fix NATS_URL',
        cause: error,
      });
    }
    const manager = await connection.jetstreamManager();
    const info = await manager.streams.info(STREAM).catch(() => undefined);
    if (info === undefined) await manager.streams.add({ name: STREAM, subjects: [SUBJECTS], retention: RetentionPolicy.Workqueue, max_msg_size: 4 << 20 });
    else if (info.config.subjects.join() !== SUBJECTS) await manager.streams.update(STREAM, { ...info.config, subjects: [SUBJECTS] });
    const queue = new IngestQueue(connection, connection.jetstream(), instance);
    try {
      await manager.consumers.info(STREAM, queue.consumer);
    } catch {
      await manager.consumers.add(STREAM, { durable_name: queue.consumer, ack_policy: AckPolicy.Explicit, ack_wait: 120e9, filter_subject: queue.subject });
    }
    return queue;
  }

  async publish(batch: BatchMessage): Promise<void> {
    await this.js.publish(this.subject, codec.encode(batch));
  }

  /**
   * Hands batches to `work` one at a time and acknowledges each after `work` resolves; a batch
   * whose work throws is left for redelivery. Stops after `idleMs` with nothing to do, if given.
   */
  async work(handle: (batch: BatchMessage) => Promise<void>, options: { readonly idleMs?: number; readonly signal?: AbortSignal } = {}): Promise<number> {
    const consumer: Consumer = await this.js.consumers.get(STREAM, this.consumer);
    let done = 0;
    let idleSince = Date.now();
    for (;;) {
      if (options.signal?.aborted === true) return done;
      const messages = await consumer.fetch({ max_messages: 1, expires: 1000 });
      let got = false;
      for await (const message of messages) {
        got = true;
        try {
          await handle(codec.decode(message.data));
          message.ack();
          done += 1;
        } catch (error) {
          message.nak(5_000);
          throw error;
        }
      }
      if (got) idleSince = Date.now();
      else if (options.idleMs !== undefined && Date.now() - idleSince >= options.idleMs) return done;
    }
  }

  async close(): Promise<void> {
    await this.connection.drain();
  }
}
