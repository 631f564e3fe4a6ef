import type { DocketEvent } from '../../core/events/index.js';
import { PersonRecord } from '../../core/records/index.js';
import type { PurposeOfUse } from '../../core/sources/index.js';
import type { Queryable } from '../../store/index.js';
import { InProcessEngine, type SearchAnswer, type SearchEngine } from './search-engine.js';
import type { IndexedRecord } from './search-index.js';

interface RecordRow {
  id: number;
  source_id: number;
  record: unknown;
  entity_id: number | null;
}

const pageSize = 5_000;

/**
 * Search over the records in the database. The index is filled at start; afterwards events keep
 * it current: new records are read by id (past the last one read), people created, merged or
 * split move their records, and a retention purge rebuilds the index so purged records vanish.
 * Updates run one at a time, in the order the events arrived. The index itself lives in the
 * engine: in this thread, or in a search thread of its own.
 */
export class SearchService {
  private lastRecordId = 0;
  private sourcePurposes = new Map<number, readonly string[]>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly db: Queryable, private readonly engine: SearchEngine = new InProcessEngine()) {}

  /** Adds records to the index directly (the search benchmark fills it without a database). */
  addRecords(entries: readonly IndexedRecord[]): void {
    this.engine.add(entries);
  }

  /** Reads records added since the last read, and the sources' purposes. */
  sync(): Promise<void> {
    return this.enqueue(() => this.readNew());
  }

  /** Brings the index in line with one event from the bus. */
  apply(event: DocketEvent): Promise<void> {
    switch (event.kind) {
      case 'record-ingested':
        return this.sync();
      case 'entity-created':
      case 'entity-updated':
        return this.enqueue(async () => {
          await this.readNew();
          this.engine.setEntities(event.recordIds.map((id) => [id, event.entityId] as const));
        });
      case 'entity-merged':
        return this.enqueue(() => this.readMembers([event.entityId]));
      case 'entity-split':
        return this.enqueue(() => this.readMembers([event.entityId, ...event.newEntityIds]));
      case 'records-purged':
        return this.enqueue(async () => {
          this.engine.reset();
          this.lastRecordId = 0;
          await this.readNew();
        });
      case 'ingest-progress':
      case 'ingest-completed':
      case 'record-quarantined':
      case 'review-needed':
      case 'review-decided':
        return Promise.resolve();
    }
  }

  /** The first page for `q`, from records whose sources permit `purpose`. */
  search(q: string, purpose: PurposeOfUse, limit: number): Promise<SearchAnswer> {
    const sources: number[] = [];
    for (const [id, purposes] of this.sourcePurposes) if (purposes.includes(purpose)) sources.push(id);
    return this.engine.search(q, sources, limit);
  }

  close(): Promise<void> {
    return this.engine.close();
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work);
    // A failed update must not stop the ones after it; the caller still sees its own failure.
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async readNew(): Promise<void> {
    const sources = await this.db.query<{ id: number; purposes: string[] }>('SELECT id, purposes FROM sources');
    this.sourcePurposes = new Map(sources.map((s) => [s.id, s.purposes]));
    for (;;) {
      const rows = await this.db.query<RecordRow>(`
        SELECT p.id, p.source_id, p.record, m.entity_id
          FROM person_records p LEFT JOIN entity_members m ON m.person_record_id = p.id AND m.valid_to IS NULL
         WHERE p.id > $1 ORDER BY p.id LIMIT $2`, [this.lastRecordId, pageSize]);
      const entries: IndexedRecord[] = [];
      for (const row of rows) {
        const parsed = PersonRecord.safeParse(row.record);
        if (parsed.success) entries.push({ recordId: row.id, entityId: row.entity_id ?? 0, sourceId: row.source_id, record: parsed.data });
        this.lastRecordId = row.id;
      }
      if (entries.length > 0) this.engine.add(entries);
      if (rows.length < pageSize) break;
    }
  }

  /** Re-reads who belongs to these people now (an index on current members makes this cheap). */
  private async readMembers(entityIds: readonly number[]): Promise<void> {
    await this.readNew();
    const rows = await this.db.query<{ person_record_id: number; entity_id: number }>(
      'SELECT person_record_id, entity_id FROM entity_members WHERE entity_id = ANY($1::bigint[]) AND valid_to IS NULL',
      [entityIds],
    );
    if (rows.length > 0) this.engine.setEntities(rows.map((row) => [row.person_record_id, row.entity_id] as const));
  }
}
