import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditContext } from '../core/ledger/index.js';
import { EntityStore, IngestStore, LedgerStore, LineageStore, QuarantineStore, registerSource } from '../store/index.js';
import { openTestStore, testBackends, type TestStore } from '../store/testing/test-store.js';
import { ingestFiles } from './ingest-files.js';
import { runRetention } from './retention.js';
import { retryQuarantine } from './retry-quarantine.js';

const steward: AuditContext = { actor: 'steward.ana', role: 'data-steward', purpose: 'ingest', legalBasis: '8 U.S.C. 1365b' };
const system: AuditContext = { actor: 'retention', role: 'system', purpose: 'retention', legalBasis: '44 U.S.C. 3303a' };
const dir = mkdtempSync(join(tmpdir(), 'docket-retry-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const names = ['Ana', 'Luis', 'Wei', 'Olga', 'Omar', 'Sara', 'Ivan', 'Mina'];
function file(): string {
  const lines = ['person_id,given_name,surname,date_of_birth,country'];
  // Two date layouts in one column: the first mapping reads only one of them.
  names.forEach((given, i) => lines.push(`P${i},${given},Garcia,${i % 2 === 0 ? `1990-0${i + 1}-15` : `15.0${i + 1}.1990`},MEX`));
  const path = join(dir, 'people.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe.each(testBackends)('quarantine retry, lineage and retention on %s', (backend) => {
  let t: TestStore;
  let sourceId: number;
  beforeEach(async () => {
    t = await openTestStore(backend);
    sourceId = (await registerSource(t.store, steward, { name: 'arrivals', legalAuthority: '8 U.S.C. 1365b', purposes: ['identity-resolution'], category: 'travel-records', retention: '30d' })).id;
    await t.store.db.transaction((tx) => IngestStore.addMapping(tx, sourceId, { recordKey: 'person_id', fields: { 'name.given': 'given_name', 'name.surname': 'surname', dateOfBirth: { column: 'date_of_birth', format: 'YYYY-MM-DD' }, countryOfBirth: 'country' } }, 'steward.ana'));
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('stores quarantined rows once the mapping is fixed, and says so in the ledger', async () => {
    const [first] = await ingestFiles(t.store, { source: 'arrivals', files: [file()], context: steward });
    expect(first).toMatchObject({ stored: 4, quarantined: 4 });
    const open = await QuarantineStore.list(t.store.db, { source: 'arrivals' });
    expect(open.map((q) => q.stage)).toEqual(['map', 'map', 'map', 'map']);
    expect(open[0].reason).toMatch(/dateOfBirth \(column date_of_birth\): "15.02.1990" is not a date in the form YYYY-MM-DD/);

    const unchanged = await retryQuarantine(t.store, steward, { source: 'arrivals' });
    expect(unchanged).toMatchObject({ retried: 4, stored: 0, stillQuarantined: 4 });

    await t.store.db.transaction((tx) => IngestStore.addMapping(tx, sourceId, { recordKey: 'person_id', fields: { 'name.given': 'given_name', 'name.surname': 'surname', dateOfBirth: 'date_of_birth', countryOfBirth: 'country' } }, 'steward.ana'));
    const fixed = await retryQuarantine(t.store, steward, { source: 'arrivals' });
    expect(fixed).toEqual({ source: 'arrivals', retried: 4, stored: 4, duplicates: 0, stillQuarantined: 0, unreadable: 0 });
    expect(await QuarantineStore.list(t.store.db, { source: 'arrivals' })).toEqual([]);
    const births = await t.store.db.query<{ dob: string }>("SELECT record->>'dateOfBirth' AS dob FROM person_records ORDER BY 1");
    expect(births.map((b) => b.dob)).toEqual(['1990-01-15', '1990-02-15', '1990-03-15', '1990-04-15', '1990-05-15', '1990-06-15', '1990-07-15', '1990-08-15']);
    const [entry] = await LedgerStore.list(t.store.db, { action: 'quarantine.retry' });
    expect(entry).toMatchObject({ target: 'source:arrivals', details: { stored: 4, mappingVersion: 2 } });
  });

  it('traces every stored value to its source, file, line, run, mapping version and column', async () => {
    await ingestFiles(t.store, { source: 'arrivals', files: [file()], context: steward });
    const [row] = await t.store.db.query<{ id: number }>("SELECT id FROM person_records WHERE record->'name'->>'given' = 'Wei'");
    const lineage = await LineageStore.forRecord(t.store.db, row.id);
    expect(lineage).toMatchObject({ source: 'arrivals', file: 'people.csv', line: 4, mappingVersion: 1, columns: { 'name.given': 'given_name', dateOfBirth: 'date_of_birth' }, content: { person_id: 'P2', given_name: 'Wei' } });
    expect(lineage.fileFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(lineage.runId).toBeGreaterThan(0);
  });

  it('purges records past retention with what hangs off them, and proves it in the ledger', async () => {
    await ingestFiles(t.store, { source: 'arrivals', files: [file()], context: steward });
    await t.store.db.transaction(async (tx) => {
      const ids = await EntityStore.createEntities(tx, 2);
      const records = await tx.query<{ id: number }>('SELECT id FROM person_records ORDER BY id');
      await EntityStore.addMembers(tx, records.map((r, i) => ({ entityId: ids[i % 2], recordId: r.id, score: null, link: null })));
    });
    const early = await runRetention(t.store, system, { asOf: new Date() });
    expect(early[0]).toMatchObject({ source: 'arrivals', records: 0 });
    const preview = await runRetention(t.store, system, { asOf: new Date(Date.now() + 31 * 86_400_000), dryRun: true });
    expect(preview[0]).toMatchObject({ records: 4, quarantined: 4 });
    expect((await t.store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM raw_records'))[0].n).toBe(4);

    const [report] = await runRetention(t.store, system, { asOf: new Date(Date.now() + 31 * 86_400_000) });
    expect(report).toMatchObject({ records: 4, quarantined: 4 });
    expect(report.digest).toMatch(/^[0-9a-f]{64}$/);
    const left = await t.store.db.query<{ raw: number; records: number; members: number; quarantine: number }>(
      `SELECT (SELECT count(*)::int FROM raw_records) AS raw, (SELECT count(*)::int FROM person_records) AS records,
              (SELECT count(*)::int FROM entity_members) AS members, (SELECT count(*)::int FROM quarantine) AS quarantine`,
    );
    expect(left[0]).toEqual({ raw: 0, records: 0, members: 0, quarantine: 0 });
    expect((await t.store.db.query<{ n: number }>("SELECT count(*)::int AS n FROM entities WHERE status = 'active'"))[0].n).toBe(0);
    const [entry] = await LedgerStore.list(t.store.db, { action: 'retention.purge' });
    expect(entry).toMatchObject({ actor: 'retention', details: { records: 4, digest: report.digest, dryRun: false } });
    expect(await LedgerStore.verify(t.store.db)).toMatchObject({ kind: 'intact' });
  });
});
