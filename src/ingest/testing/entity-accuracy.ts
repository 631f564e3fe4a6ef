import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Queryable } from '../../store/index.js';

export interface EntityAccuracy {
  readonly records: number;
  readonly unmatched: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

const pairs = (counts: Map<string, number>): number => {
  let n = 0;
  for (const c of counts.values()) n += (c * (c - 1)) / 2;
  return n;
};

/**
 * Pairwise precision and recall of the stored entities against a generated folder's truth
 * (truth/records.csv: source, the source's record key, person id).
 */
export async function entityAccuracy(db: Queryable, dir: string): Promise<EntityAccuracy> {
  const truth = new Map<string, string>();
  for (const line of readFileSync(join(dir, 'truth/records.csv'), 'utf8').split('\n').slice(1)) {
    const [source = '', id = '', person = ''] = line.split(',');
    if (person !== '') truth.set(`${source}|${id}`, person);
  }
  const rows = await db.query<{ source: string; key: string | null; content: Record<string, unknown>; entity_id: number }>(
    `SELECT s.name AS source, m.mapping->>'recordKey' AS key, r.content, em.entity_id
       FROM person_records p JOIN raw_records r ON r.id = p.raw_record_id JOIN sources s ON s.id = p.source_id
       JOIN source_mappings m ON m.source_id = s.id AND m.version = p.mapping_version
       JOIN entity_members em ON em.person_record_id = p.id AND em.valid_to IS NULL`,
  );
  const byEntity = new Map<string, number>();
  const byPerson = new Map<string, number>();
  const both = new Map<string, number>();
  let unmatched = 0;
  for (const row of rows) {
    const keyValue = row.key === null ? undefined : row.content[row.key];
    const person = typeof keyValue === 'string' || typeof keyValue === 'number' ? truth.get(`${row.source}|${String(keyValue)}`) : undefined;
    if (person === undefined) {
      unmatched += 1;
      continue;
    }
    const entity = String(row.entity_id);
    byEntity.set(entity, (byEntity.get(entity) ?? 0) + 1);
    byPerson.set(person, (byPerson.get(person) ?? 0) + 1);
    both.set(`${entity}|${person}`, (both.get(`${entity}|${person}`) ?? 0) + 1);
  }
  const tp = pairs(both);
  const predicted = pairs(byEntity);
  const actual = pairs(byPerson);
  return { records: rows.length, unmatched, precision: predicted === 0 ? 1 : tp / predicted, recall: actual === 0 ? 1 : tp / actual, f1: predicted + actual === 0 ? 1 : (2 * tp) / (predicted + actual) };
}
