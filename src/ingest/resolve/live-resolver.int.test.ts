import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DocketEvent } from '../../core/events/index.js';
import type { AuditContext } from '../../core/ledger/index.js';
import { LedgerStore } from '../../store/index.js';
import { openTestStore, testBackends, type TestStore } from '../../store/testing/test-store.js';
import { generate } from '../../synth/generate.js';
import { InProcessBus } from '../bus/in-process-bus.js';
import { ingestFiles } from '../ingest-files.js';
import { loadCatalog } from '../load-catalog.js';
import { entityAccuracy } from '../testing/entity-accuracy.js';
import { LiveResolver } from './live-resolver.js';

const steward: AuditContext = { actor: 'steward.ana', role: 'data-steward', purpose: 'ingest', legalBasis: 'source registration' };
const dir = mkdtempSync(join(tmpdir(), 'docket-resolve-'));
beforeAll(async () => {
  await generate({ people: 400, seed: 5, outDir: dir });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function counts(t: TestStore): Promise<{ records: number; current: number; entities: number; models: number }> {
  const [row] = await t.store.db.query<{ records: number; current: number; entities: number; models: number }>(
    `SELECT (SELECT count(*)::int FROM person_records) AS records,
            (SELECT count(*)::int FROM entity_members WHERE valid_to IS NULL) AS current,
            (SELECT count(*)::int FROM entities) AS entities,
            (SELECT count(*)::int FROM linkage_models WHERE active) AS models`,
  );
  return row;
}

describe.each(testBackends)('resolution as records arrive, on %s', (backend) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(backend);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('trains a first model on the stored records, puts every record in one entity, and agrees with the truth', async () => {
    const events: DocketEvent[] = [];
    const bus = new InProcessBus();
    bus.subscribe((e) => events.push(e));
    await loadCatalog(t.store, dir, steward, { resolve: true, bus });
    const c = await counts(t);
    expect(c.models).toBe(1);
    expect(c.current).toBe(c.records);
    expect(c.entities).toBeLessThan(c.records);
    const accuracy = await entityAccuracy(t.store.db, dir);
    expect(accuracy.unmatched).toBe(0);
    expect(accuracy.precision).toBeGreaterThan(0.97);
    expect(accuracy.recall).toBeGreaterThan(0.97);
    expect(events.some((e) => e.kind === 'entity-created')).toBe(true);
    const [entry] = await LedgerStore.list(t.store.db, { target: 'entities' });
    expect(entry).toMatchObject({ action: 'entity.resolve', outcome: 'success', details: { trained: true } });
  });

  it('resolves records ingested later one by one against the live index, with explanations', async () => {
    await loadCatalog(t.store, dir, steward, { resolve: true });
    await t.store.db.exec('DELETE FROM raw_records WHERE source_id = (SELECT id FROM sources WHERE name = \'departure-manifests\'); DELETE FROM ingest_files WHERE source_id = (SELECT id FROM sources WHERE name = \'departure-manifests\')');
    const before = await counts(t);
    const events: DocketEvent[] = [];
    const bus = new InProcessBus();
    bus.subscribe((e) => events.push(e));
    const resolver = await LiveResolver.open(t.store, { context: steward, bus });
    const [summary] = await ingestFiles(t.store, { source: 'departure-manifests', files: [join(dir, 'apis_departure_manifests.csv')], context: steward, resolver, bus });
    await resolver.finish();
    const after = await counts(t);
    expect(summary.stored).toBeGreaterThan(0);
    expect(after.current).toBe(after.records);
    expect(after.records - before.records).toBe(summary.stored);
    expect(after.models).toBe(1);
    const joined = events.filter((e) => e.kind === 'entity-updated').length;
    expect(joined).toBeGreaterThan(summary.stored / 2);
    const links = await t.store.db.query<{ link: { prior: number; weight: number; comparisons: { weight: number }[]; pairWith: number } }>(
      `SELECT m.link FROM entity_members m JOIN person_records p ON p.id = m.person_record_id JOIN sources s ON s.id = p.source_id
        WHERE s.name = 'departure-manifests' AND m.link IS NOT NULL LIMIT 20`,
    );
    expect(links.length).toBeGreaterThan(0);
    for (const { link } of links) {
      const sum = link.prior + link.comparisons.reduce((n, c) => n + c.weight, 0);
      expect(sum).toBeCloseTo(link.weight, 6);
      expect(link.pairWith).toBeGreaterThan(0);
    }
    expect((await entityAccuracy(t.store.db, dir)).f1).toBeGreaterThan(0.97);
  });

  it('resolves records stored without resolution when it opens', async () => {
    await loadCatalog(t.store, dir, steward, { resolve: false });
    expect((await counts(t)).current).toBe(0);
    const resolver = await LiveResolver.open(t.store, { context: steward });
    await resolver.finish();
    const c = await counts(t);
    expect(c.current).toBe(c.records);
  });

  it('writes every membership, creation event and review once when statements are cut into small chunks', async () => {
    await loadCatalog(t.store, dir, steward, { resolve: false });
    const events: DocketEvent[] = [];
    const bus = new InProcessBus();
    bus.subscribe((e) => events.push(e));
    const resolver = await LiveResolver.open(t.store, { context: steward, bus, writeChunk: 7 });
    await resolver.finish();
    const c = await counts(t);
    expect(c.records).toBeGreaterThan(7 * 20);
    expect(c.current).toBe(c.records);
    const [written] = await t.store.db.query<{ members: number; distinctRecords: number; createdRecords: number; distinctCreated: number; createdEvents: number; emptyEntities: number; reviews: number }>(
      `SELECT (SELECT count(*)::int FROM entity_members) AS "members",
              (SELECT count(DISTINCT person_record_id)::int FROM entity_members) AS "distinctRecords",
              (SELECT count(*)::int FROM entity_events e, unnest(e.record_ids) r WHERE e.kind = 'created') AS "createdRecords",
              (SELECT count(DISTINCT r)::int FROM entity_events e, unnest(e.record_ids) r WHERE e.kind = 'created') AS "distinctCreated",
              (SELECT count(*)::int FROM entity_events WHERE kind = 'created') AS "createdEvents",
              (SELECT count(*)::int FROM entities n WHERE NOT EXISTS (SELECT 1 FROM entity_members m WHERE m.entity_id = n.id)) AS "emptyEntities",
              (SELECT count(*)::int FROM review_items) AS "reviews"`,
    );
    expect(written).toMatchObject({ members: c.records, distinctRecords: c.records, createdRecords: c.records, distinctCreated: c.records, createdEvents: c.entities, emptyEntities: 0 });
    const [entry] = await LedgerStore.list(t.store.db, { target: 'entities' });
    expect(entry.details).toMatchObject({ records: c.records, entities: c.entities, reviews: written.reviews });
    expect(events.filter((e) => e.kind === 'entity-created')).toHaveLength(c.entities);
    expect(events.filter((e) => e.kind === 'review-needed')).toHaveLength(written.reviews);
  });
});
