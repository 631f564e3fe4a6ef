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
 * Search over the records in the database: the index is filled at start, then kept current by
 * `sync()` (new records, and records that moved to another person), which runs after events.
 */
export class SearchService {
  readonly index = new SearchIndex();
  private lastRecordId = 0;
  private lastMembershipChange = new Date(0);
  private sourcePurposes = new Map<number, readonly string[]>();
  private syncing: Promise<void> | undefined;
  private again = false;

  constructor(private readonly db: Queryable) {}

  /** Brings the index up to date; concurrent calls share one pass, and one more follows if asked meanwhile. */
  sync(): Promise<void> {
    if (this.syncing !== undefined) {
      this.again = true;
      return this.syncing;
    }
    this.syncing = (async () => {
      try {
        for (;;) {
          this.again = false;
          await this.pass();
          if (!this.askedAgain()) break;
        }
      } finally {
        this.syncing = undefined;
      }
    })();
    return this.syncing;
  }

  search(q: string, purpose: PurposeOfUse, limit: number): { hits: SearchHit[]; terms: number } {
    const terms = queryTerms(q);
    const sources = new Set<number>();
    for (const [id, purposes] of this.sourcePurposes) if (purposes.includes(purpose)) sources.add(id);
    return { hits: this.index.search(terms, { limit, sources }), terms: terms.length };
  }

  /** Whether a sync was requested while the last pass ran. */
  private askedAgain(): boolean {
    return this.again;
  }

  private async pass(): Promise<void> {
    const sources = await this.db.query<{ id: number; purposes: string[] }>('SELECT id, purposes FROM sources');
    this.sourcePurposes = new Map(sources.map((s) => [s.id, s.purposes]));
    const changedSince = this.lastMembershipChange;
    const startedAt = (await this.db.query<{ now: Date }>('SELECT now() AS now')).at(0)?.now ?? new Date();
    for (;;) {
      const rows = await this.db.query<RecordRow>(`
        SELECT p.id, p.source_id, p.record, m.entity_id
          FROM person_records p LEFT JOIN entity_members m ON m.person_record_id = p.id AND m.valid_to IS NULL
         WHERE p.id > $1 ORDER BY p.id LIMIT $2`, [this.lastRecordId, pageSize]);
      for (const row of rows) {
        const parsed = PersonRecord.safeParse(row.record);
        if (parsed.success) this.index.add({ recordId: row.id, entityId: row.entity_id ?? 0, sourceId: row.source_id, record: parsed.data });
        this.lastRecordId = row.id;
      }
      if (rows.length < pageSize) break;
    }
    // Memberships that began (or ended) since the last pass: merges, splits, late links.
    const moved = await this.db.query<{ person_record_id: number; entity_id: number | null }>(`
      SELECT m.person_record_id, c.entity_id
        FROM entity_members m
        LEFT JOIN entity_members c ON c.person_record_id = m.person_record_id AND c.valid_to IS NULL
       WHERE m.valid_from >= $1 OR m.valid_to >= $1`, [changedSince.toISOString()]);
    for (const row of moved) this.index.setEntity(row.person_record_id, row.entity_id ?? 0);
    // A margin for transactions that began before this pass and committed after it; re-reading is harmless.
    this.lastMembershipChange = new Date(startedAt.getTime() - 5_000);
  }
}
