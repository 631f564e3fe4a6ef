import type { DocketEvent } from '../../core/events/index.js';
import { PersonRecord } from '../../core/records/index.js';
import type { PurposeOfUse } from '../../core/sources/index.js';
import type { Queryable } from '../../store/index.js';
import { queryTerms } from './query-terms.js';
import { SearchIndex, type SearchHit } from './search-index.js';

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
 * Updates run one at a time, in the order the events arrived.
 */
export class SearchService {
  private current = new SearchIndex();
  private lastRecordId = 0;
  private sourcePurposes = new Map<number, readonly string[]>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly db: Queryable) {}

  get index(): SearchIndex {
    return this.current;
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
          for (const id of event.recordIds) this.current.setEntity(id, event.entityId);
        });
      case 'entity-merged':
        return this.enqueue(() => this.readMembers([event.entityId]));
      case 'entity-split':
        return this.enqueue(() => this.readMembers([event.entityId, ...event.newEntityIds]));
      case 'records-purged':
        return this.enqueue(async () => {
          this.current = new SearchIndex();
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

  search(q: string, purpose: PurposeOfUse, limit: number): { hits: SearchHit[]; terms: number } {
    const terms = queryTerms(q);
    const sources = new Set<number>();
    for (const [id, purposes] of this.sourcePurposes) if (purposes.includes(purpose)) sources.add(id);
    return { hits: this.current.search(terms, { limit, sources }), terms: terms.length };
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
      for (const row of rows) {
        const parsed = PersonRecord.safeParse(row.record);
        if (parsed.success) this.current.add({ recordId: row.id, entityId: row.entity_id ?? 0, sourceId: row.source_id, record: parsed.data });
        this.lastRecordId = row.id;
      }
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
    for (const row of rows) this.current.setEntity(row.person_record_id, row.entity_id);
  }
}
