import { DocketError } from '../core/errors/index.js';
import type { DataCategory, PurposeOfUse, SourceRegistration } from '../core/sources/index.js';
import type { Queryable } from './database.js';

export interface SourceRow extends SourceRegistration {
  readonly id: number;
  readonly registeredAt: string;
  readonly registeredBy: string;
}

interface Row {
  id: number;
  name: string;
  legal_authority: string;
  purposes: string[];
  category: string;
  retention_days: number;
  description: string;
  registered_at: Date;
  registered_by: string;
}

const toSource = (row: Row): SourceRow => ({
  id: row.id,
  name: row.name,
  legalAuthority: row.legal_authority,
  purposes: row.purposes as PurposeOfUse[],
  category: row.category as DataCategory,
  retentionDays: row.retention_days,
  description: row.description,
  registeredAt: row.registered_at.toISOString(),
  registeredBy: row.registered_by,
});

/** The source registry's table. Validation happens before, in the core. */
export const SourceStore = {
  async insert(tx: Queryable, registration: SourceRegistration, actor: string): Promise<SourceRow> {
    const existing = (await tx.query<{ id: number }>('SELECT id FROM sources WHERE name = $1', [registration.name])).at(0);
    if (existing !== undefined) {
      throw new DocketError('conflict', `source "${registration.name}" is already registered`, { hint: 'choose another name, or use the registered source' });
    }
    const row = (await tx.query<Row>(
      `INSERT INTO sources (name, legal_authority, purposes, category, retention_days, description, registered_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [registration.name, registration.legalAuthority, registration.purposes, registration.category, registration.retentionDays, registration.description, actor],
    )).at(0);
    if (row === undefined) throw new Error('INSERT … RETURNING returned no row');
    return toSource(row);
  },

  async list(db: Queryable): Promise<SourceRow[]> {
    return (await db.query<Row>('SELECT * FROM sources ORDER BY name')).map(toSource);
  },

  async find(db: Queryable, name: string): Promise<SourceRow | undefined> {
    const row = (await db.query<Row>('SELECT * FROM sources WHERE name = $1', [name])).at(0);
    return row === undefined ? undefined : toSource(row);
  },

  async get(db: Queryable, name: string): Promise<SourceRow> {
    const source = await SourceStore.find(db, name);
    if (source === undefined) throw new DocketError('not-found', `no source named "${name}" is registered`, { hint: 'list the registered sources with `npx docket sources list`' });
    return source;
  },
};
