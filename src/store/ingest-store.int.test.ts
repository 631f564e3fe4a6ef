import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditContext } from '../core/ledger/index.js';
import { PersonRecord } from '../core/records/index.js';
import { IngestStore, LineageStore, registerSource, type GoodRow } from './index.js';
import type { DialectName } from './database.js';
import { openTestStore, testBackends, type TestStore } from './testing/test-store.js';

const steward: AuditContext = { actor: 'steward.ana', role: 'data-steward', purpose: 'data-quality', legalBasis: '8 U.S.C. 1103(a)' };

/** A row as the reader gives it, with text that COPY must escape: tabs, line breaks, backslashes, quotes. */
function row(line: number, given: string): GoodRow {
  const content = { given, surname: 'O\'Brien "Jr"\tde\\la\nCruz', note: 'café ✓ 𝄞' };
  return {
    fileName: 'arrivals.csv', fingerprint: 'f1', line, offset: line * 100,
    contentHash: createHash('sha256').update(JSON.stringify(content)).digest('hex'),
    content: JSON.stringify(content),
    record: JSON.stringify(PersonRecord.parse({ name: { given, surname: content.surname }, dateOfBirth: '1990-01-02' })),
    lineage: JSON.stringify({ 'name.given': 'given', 'name.surname': 'surname' }),
    linkageValues: [given],
  };
}

type Batch = { sourceId: number; runId: number; mappingVersion: number };

/** A store with one registered source and an ingest run started on it, fresh for each test. */
function withRun(backend: DialectName): { t: () => TestStore; batch: () => Batch } {
  let t: TestStore | undefined;
  let batch: Batch | undefined;
  beforeEach(async () => {
    t = await openTestStore(backend);
    const source = await registerSource(t.store, steward, { name: 'arrivals', legalAuthority: '8 U.S.C. 1365b', purposes: ['identity-resolution'], category: 'travel-records', retention: '75y' });
    const runId = await t.store.db.transaction((tx) => IngestStore.startRun(tx, source.id, 1, steward.actor));
    batch = { sourceId: source.id, runId, mappingVersion: 1 };
  });
  afterEach(async () => {
    await t?.dispose();
  });
  const must = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the test store is not open');
    return value;
  };
  return { t: () => must(t), batch: () => must(batch) };
}

describe.each(testBackends)('ingest store on %s', (backend) => {
  const run = withRun(backend);

  it('stores each content once, in batch order, and gives back exactly what the source gave', async () => {
    const t = run.t();
    const batch = run.batch();
    const rows = [row(1, 'Ana'), row(2, 'Luis'), row(3, 'Ana'), row(4, 'Sofía\\')];
    const stored = await t.store.db.transaction((tx) => IngestStore.insertRecords(tx, { ...batch, rows }));
    expect(stored.map((s) => s.linkageValues[0])).toEqual(['Ana', 'Luis', 'Sofía\\']);
    const lineage = await LineageStore.forRecords(t.store.db, stored.map((s) => s.recordId));
    expect(lineage.map((l) => [l.line, l.content, l.record, l.columns, l.contentHash, l.runId])).toEqual(
      [rows[0], rows[1], rows[3]].map((r): unknown[] => [r.line, JSON.parse(r.content), JSON.parse(r.record), JSON.parse(r.lineage), r.contentHash, batch.runId]),
    );
    const again = await t.store.db.transaction((tx) => IngestStore.insertRecords(tx, { ...batch, rows: [row(5, 'Luis'), row(6, 'Eva')] }));
    expect(again.map((s) => s.linkageValues[0])).toEqual(['Eva']);
    expect(again[0]?.recordId).toBeGreaterThan(stored[2]?.recordId ?? Infinity);
  });
});

describe.runIf(testBackends.includes('postgres'))('ingest store on postgres, two writers', () => {
  const run = withRun('postgres');

  it('stores content that two transactions write at once exactly once', async () => {
    const t = run.t();
    const batch = run.batch();
    let releaseFirst = (): void => undefined;
    let firstStored = (): void => undefined;
    const held = new Promise<void>((resolve) => (releaseFirst = resolve));
    const firstIn = new Promise<void>((resolve) => (firstStored = resolve));
    const first = t.store.db.transaction(async (tx) => {
      const stored = await IngestStore.insertRecords(tx, { ...batch, rows: [row(1, 'Ana'), row(2, 'Luis')] });
      firstStored();
      await held;
      return stored;
    });
    await firstIn;
    // The second does not see the first's rows yet; its copy waits on them and then skips them.
    const second = t.store.db.transaction((tx) => IngestStore.insertRecords(tx, { ...batch, rows: [row(3, 'Luis'), row(4, 'Eva')] }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    releaseFirst();
    const [a, b] = await Promise.all([first, second]);
    expect(a.map((s) => s.linkageValues[0])).toEqual(['Ana', 'Luis']);
    expect(b.map((s) => s.linkageValues[0])).toEqual(['Eva']);
    const counts = await t.store.db.query<{ raw: number; person: number }>('SELECT (SELECT count(*)::int FROM raw_records) AS raw, (SELECT count(*)::int FROM person_records) AS person');
    expect(counts).toEqual([{ raw: 3, person: 3 }]);
  });
});
