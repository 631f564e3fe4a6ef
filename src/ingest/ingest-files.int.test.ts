import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocketEvent } from '../core/events/index.js';
import type { AuditContext } from '../core/ledger/index.js';
import { IngestStore } from '../store/ingest-store.js';
import { LedgerStore, registerSource } from '../store/index.js';
import { openTestStore, testBackends, type TestStore } from '../store/testing/test-store.js';
import { InProcessBus } from './bus/in-process-bus.js';
import { ingestFiles } from './ingest-files.js';
import { writeMalformedCorpus } from './testing/malformed-corpus.js';

const steward: AuditContext = { actor: 'steward.ana', role: 'data-steward', purpose: 'ingest', legalBasis: '8 U.S.C. 1365b' };
const dir = mkdtempSync(join(tmpdir(), 'docket-ingest-'));
const corpus = writeMalformedCorpus(join(dir, 'corpus'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const mapping = {
  recordKey: 'person_id',
  fields: { 'name.given': 'given_name', 'name.surname': 'surname', dateOfBirth: { column: 'date_of_birth', format: 'YYYY-MM-DD' as const }, countryOfBirth: 'country' },
};

const csv = (name: string, lines: string[]): string => {
  const path = join(dir, name);
  writeFileSync(path, `person_id,given_name,surname,date_of_birth,country\n${lines.join('\n')}\n`);
  return path;
};

describe.each(testBackends)('ingest on %s', (backend) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(backend);
    const source = await registerSource(t.store, steward, { name: 'arrivals', legalAuthority: '8 U.S.C. 1365b', purposes: ['identity-resolution'], category: 'travel-records', retention: '10y' });
    await t.store.db.transaction((tx) => IngestStore.addMapping(tx, source.id, mapping, 'steward.ana'));
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('stores good rows with lineage, quarantines bad ones with reasons, and the counts add up', async () => {
    const file = csv('mixed.csv', [
      'P1,Ana,Garcia,1990-01-02,MEX', 'P2,Wei,Zhang,1985-13-01,CHN', 'P3,Olga,Ivanova,1979-03-04', 'P4,<b>x</b>,Smith,1970-01-01,USA', 'P5,Omar,Haddad,2001-07-08,Syria',
    ]);
    const events: DocketEvent[] = [];
    const bus = new InProcessBus();
    bus.subscribe((e) => events.push(e));
    const [summary] = await ingestFiles(t.store, { source: 'arrivals', files: [file], context: steward, bus, today: '2026-11-29' });
    expect(summary).toMatchObject({ outcome: 'ingested', read: 5, stored: 2, duplicates: 0, quarantined: 3 });
    const quarantined = await t.store.db.query<{ line: number; stage: string; reason: string }>('SELECT line, stage, reason FROM quarantine ORDER BY line');
    expect(quarantined).toEqual([
      { line: 3, stage: 'map', reason: expect.stringMatching(/dateOfBirth \(column date_of_birth\): "1985-13-01" is not a date/) as unknown },
      { line: 4, stage: 'read', reason: 'expected 5 fields as in the header, found 4' },
      { line: 5, stage: 'validate', reason: expect.stringMatching(/has characters no name has/) as unknown },
    ]);
    const records = await t.store.db.query<{ record: { name: { given: string }; countryOfBirth: string }; lineage: Record<string, string>; line: number; file_name: string; run_id: number }>(
      'SELECT p.record, p.lineage, r.line, r.file_name, r.run_id FROM person_records p JOIN raw_records r ON r.id = p.raw_record_id ORDER BY r.line',
    );
    expect(records.map((r) => [r.record.name.given, r.record.countryOfBirth, r.line, r.file_name])).toEqual([['Ana', 'MEX', 2, 'mixed.csv'], ['Omar', 'SYR', 6, 'mixed.csv']]);
    expect(records[0].lineage).toMatchObject({ 'name.given': 'given_name', dateOfBirth: 'date_of_birth' });
    expect(events.map((e) => e.kind)).toEqual(['record-ingested', 'record-quarantined', 'ingest-progress', 'ingest-completed']);
    const [entry] = await LedgerStore.list(t.store.db, { target: 'source:arrivals' });
    expect(entry).toMatchObject({ action: 'ingest.run', outcome: 'success', details: { file: 'mixed.csv', fingerprint: summary.fingerprint, stored: 2, quarantined: 3, read: 5 } });
  });

  it('stores nothing twice: the same file again, or its rows in another file', async () => {
    const first = csv('first.csv', ['P1,Ana,Garcia,1990-01-02,MEX', 'P2,Wei,Zhang,1985-12-01,CHN', 'P2,Wei,Zhang,1985-12-01,CHN']);
    const [one] = await ingestFiles(t.store, { source: 'arrivals', files: [first], context: steward });
    expect(one).toMatchObject({ stored: 2, duplicates: 1 });
    const [again] = await ingestFiles(t.store, { source: 'arrivals', files: [first], context: steward });
    expect(again).toMatchObject({ outcome: 'already-ingested', stored: 2 });
    const second = csv('second.csv', ['P2,Wei,Zhang,1985-12-01,CHN', 'P9,Lena,Meyer,1992-02-02,DEU']);
    const [two] = await ingestFiles(t.store, { source: 'arrivals', files: [second], context: steward });
    expect(two).toMatchObject({ stored: 1, duplicates: 1 });
    expect(await t.store.db.query('SELECT count(*)::int AS n FROM person_records')).toEqual([{ n: 3 }]);
  });

  it('refuses a file whose columns the mapping does not find, naming them', async () => {
    const path = join(dir, 'other.csv');
    writeFileSync(path, 'id,name\n1,x\n');
    await expect(ingestFiles(t.store, { source: 'arrivals', files: [path], context: steward })).rejects.toThrow(/mapping version 1 of source "arrivals" uses columns country, date_of_birth, given_name, person_id, surname, which the file does not have/);
  });

  it('refuses to ingest a source in a declined category, even one that got into the registry', async () => {
    const [row] = await t.store.db.query<{ id: number }>("INSERT INTO sources (name, legal_authority, purposes, category, retention_days, registered_by) VALUES ('phones', 'none', '{data-quality}', 'phone-records', 30, 'x') RETURNING id");
    await t.store.db.transaction((tx) => IngestStore.addMapping(tx, row.id, mapping, 'x'));
    await expect(ingestFiles(t.store, { source: 'phones', files: [csv('phones.csv', ['P1,Ana,Garcia,1990-01-02,MEX'])], context: steward })).rejects.toThrow(/DECLINED-PHONE-RECORDS/);
    expect(await t.store.db.query('SELECT id FROM raw_records')).toEqual([]);
    const [entry] = await LedgerStore.list(t.store.db, { target: 'source:phones' });
    expect(entry).toMatchObject({ action: 'ingest.run', outcome: 'refused', details: { rule: 'DECLINED-PHONE-RECORDS' } });
  });

  it('accounts for every row of the malformed corpus', async () => {
    const csvFiles = corpus.filter((c) => c.file.endsWith('.csv') && c.fileError === undefined && c.file !== 'duplicate-header.csv');
    for (const expectation of csvFiles) {
      const [summary] = await ingestFiles(t.store, { source: 'arrivals', files: [join(dir, 'corpus', expectation.file)], context: steward, today: '2026-11-29' });
      expect(summary.read, expectation.file).toBe(expectation.rows + expectation.bad.length);
      expect(summary.stored + summary.duplicates + summary.quarantined, expectation.file).toBe(summary.read);
    }
    const stored = (await t.store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM raw_records'))[0].n;
    const quarantined = (await t.store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM quarantine'))[0].n;
    const files = await t.store.db.query<{ s: number; d: number; q: number; r: number }>('SELECT sum(rows_stored)::int AS s, sum(rows_duplicate)::int AS d, sum(rows_quarantined)::int AS q, sum(rows_read)::int AS r FROM ingest_files');
    expect(files[0].s).toBe(stored);
    expect(files[0].q).toBe(quarantined);
    expect(files[0].s + files[0].d + files[0].q).toBe(files[0].r);
  });
});
