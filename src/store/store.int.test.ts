import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocketError } from '../core/errors/index.js';
import type { AuditContext, AuditRecord } from '../core/ledger/index.js';
import { LedgerStore, registerSource, SourceStore, Store } from './index.js';
import { migrations } from './migrations/index.js';
import { openTestStore, testBackends, type TestStore } from './testing/test-store.js';

const steward: AuditContext = { actor: 'steward.ana', role: 'data-steward', purpose: 'data-quality', legalBasis: '8 U.S.C. 1103(a)' };
const arrivals = {
  name: 'arrivals',
  legalAuthority: '8 U.S.C. 1365b',
  purposes: ['identity-resolution', 'departure-verification'],
  category: 'travel-records',
  retention: '75y',
};

async function caught(promise: Promise<unknown>): Promise<DocketError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DocketError) return error;
    throw error;
  }
  throw new Error('expected a DocketError');
}

describe.each(testBackends)('store on %s', (backend) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(backend);
  });
  afterEach(async () => {
    await t.dispose();
  });

  describe('migrations', () => {
    it('applies every migration once and nothing on reopen', async () => {
      expect(t.store.migration.applied).toEqual(migrations.map((m) => m.version));
      const again = await t.reopen();
      expect(again.migration.applied).toEqual([]);
      expect(again.migration.version).toBe(migrations.at(-1)?.version);
    });

    it('refuses a database set up by a newer Docket and leaves it as it was', async () => {
      await t.store.db.query("INSERT INTO docket_migrations (version, name, checksum) VALUES (999, 'future', 'x')");
      const error = await caught(t.reopen());
      expect(error.code).toBe('migration');
      expect(error.message).toMatch(/newer Docket \(schema version 999/);
      expect(await t.store.db.query('SELECT version FROM docket_migrations ORDER BY version')).toEqual([...migrations.map((m) => ({ version: m.version })), { version: 999 }]);
    });

    it('refuses a database whose applied migration was altered', async () => {
      await t.store.db.query("UPDATE docket_migrations SET checksum = 'tampered' WHERE version = 1");
      expect((await caught(t.reopen())).message).toMatch(/schema version 1 .* differs/);
    });
  });

  describe('audit ledger', () => {
    it('appends a chain that verifies', async () => {
      for (const target of ['a', 'b', 'c']) await t.store.record(steward, 'person.read', target, 'success', { n: 1 });
      const verdict = await LedgerStore.verify(t.store.db);
      expect(verdict).toMatchObject({ kind: 'intact', count: 3, headSeq: 3 });
      const [latest] = await LedgerStore.list(t.store.db, { limit: 1 });
      expect(latest).toMatchObject({ seq: 3, actor: 'steward.ana', role: 'data-steward', purpose: 'data-quality', legalBasis: '8 U.S.C. 1103(a)', target: 'c' });
    });

    it.each([
      ['UPDATE', "UPDATE audit_ledger SET actor = 'someone-else' WHERE seq = 1"],
      ['DELETE', 'DELETE FROM audit_ledger WHERE seq = 1'],
      ['TRUNCATE', 'TRUNCATE audit_ledger'],
    ])('the database refuses %s on the ledger', async (_op, sql) => {
      await t.store.record(steward, 'person.read', 'a', 'success');
      await expect(t.store.db.query(sql)).rejects.toThrow(/append-only/);
      expect(await LedgerStore.verify(t.store.db)).toMatchObject({ kind: 'intact', count: 1 });
    });

    it('names the entry that was changed behind the trigger', async () => {
      for (const target of ['a', 'b', 'c', 'd']) await t.store.record(steward, 'person.read', target, 'success');
      await t.store.db.transaction(async (tx) => {
        // Replication role skips ordinary triggers: the path a superuser could take to forge an entry.
        await tx.exec("SET LOCAL session_replication_role = replica; UPDATE audit_ledger SET target = 'forged' WHERE seq = 3");
      });
      const verdict = await LedgerStore.verify(t.store.db);
      expect(verdict).toMatchObject({ kind: 'broken', seq: 3 });
    });

    it('keeps one unbroken chain under concurrent writers', async () => {
      await Promise.all(Array.from({ length: 20 }, (_, i) => t.store.record(steward, 'person.read', `p${i}`, 'success')));
      expect(await LedgerStore.verify(t.store.db)).toMatchObject({ kind: 'intact', count: 20, headSeq: 20 });
    });

    it('appends a batch after the head it was given, in one statement', async () => {
      const first = await t.store.record(steward, 'person.read', 'a', 'success');
      const read = (target: string): AuditRecord => ({ ...steward, action: 'person.search', target, outcome: 'success', details: { query: target } });
      const written = await LedgerStore.appendAfter(t.store.db, first, [read('b'), read('c')]);
      expect(written?.map((e) => [e.seq, e.target])).toEqual([[2, 'b'], [3, 'c']]);
      expect(written?.[0]?.prevHash).toBe(first.hash);
      expect(await LedgerStore.verify(t.store.db)).toMatchObject({ kind: 'intact', count: 3, headHash: written?.[1]?.hash });
    });

    it('writes nothing after a head that is no longer the last entry', async () => {
      const first = await t.store.record(steward, 'person.read', 'a', 'success');
      await t.store.record(steward, 'person.read', 'b', 'success');
      const read: AuditRecord = { ...steward, action: 'person.search', target: 'late', outcome: 'success', details: {} };
      expect(await LedgerStore.appendAfter(t.store.db, first, [read])).toBeUndefined();
      expect((await LedgerStore.list(t.store.db)).map((e) => e.target)).toEqual(['b', 'a']);
      expect(await LedgerStore.verify(t.store.db)).toMatchObject({ kind: 'intact', count: 2 });
    });

    it('keeps one chain when batches after a remembered head race writers in other connections', async () => {
      const other = await t.reopen();
      let head = await t.store.record(steward, 'person.read', 'start', 'success');
      const batches = async (): Promise<number> => {
        let written = 0;
        for (let i = 0; i < 15; i++) {
          const records: AuditRecord[] = [0, 1, 2].map((k) => ({ ...steward, action: 'person.search', target: `batch-${i}-${k}`, outcome: 'success', details: {} }));
          const entries = await LedgerStore.appendAfter(t.store.db, head, records) ?? await t.store.db.transaction((tx) => LedgerStore.appendMany(tx, records));
          head = entries.at(-1) ?? head;
          written += entries.length;
        }
        return written;
      };
      const [batched] = await Promise.all([
        batches(),
        Promise.all(Array.from({ length: 15 }, (_, i) => other.record(steward, 'person.read', `other-${i}`, 'success'))),
      ]);
      expect(batched).toBe(45);
      expect(await LedgerStore.verify(t.store.db)).toMatchObject({ kind: 'intact', count: 1 + 45 + 15 });
    });
  });

  describe('bulk rows', () => {
    it('appends rows by COPY that read back exactly, escapes, NULLs and arrays included', async () => {
      await t.store.db.exec('CREATE TABLE copied (n bigint, t text, j json, a bigint[], b boolean)');
      const text = 'tab\there\nnew line\\ backslash "quoted" café 𝄞';
      await t.store.db.transaction((tx) => tx.copyRows('copied', ['n', 't', 'j', 'a', 'b'], [[1, text, JSON.stringify({ text }), '{1,2}', true], [2, null, null, '{}', false]]));
      expect(await t.store.db.query('SELECT n, t, j, a::int[] AS a, b FROM copied ORDER BY n')).toEqual([
        { n: 1, t: text, j: { text }, a: [1, 2], b: true },
        { n: 2, t: null, j: null, a: [], b: false },
      ]);
    });
  });

  describe('entities', () => {
    it('refuses to delete an entity, which memberships and cases point at', async () => {
      const [entity] = await t.store.db.query<{ id: number }>('INSERT INTO entities DEFAULT VALUES RETURNING id');
      await expect(t.store.db.query('DELETE FROM entities WHERE id = $1', [entity.id])).rejects.toThrow(/retired, never deleted/);
      expect(await t.store.db.query('SELECT count(*)::int AS n FROM entities')).toEqual([{ n: 1 }]);
    });
  });

  describe('source registry', () => {
    it('registers a source and records it in the same transaction', async () => {
      const source = await registerSource(t.store, steward, arrivals);
      expect(source).toMatchObject({ name: 'arrivals', category: 'travel-records', retentionDays: 75 * 365, registeredBy: 'steward.ana' });
      expect(await SourceStore.get(t.store.db, 'arrivals')).toEqual(source);
      const [entry] = await LedgerStore.list(t.store.db);
      expect(entry).toMatchObject({ action: 'source.register', target: 'source:arrivals', outcome: 'success', details: { category: 'travel-records' } });
    });

    it('refuses a declined category, stores nothing, and records the refusal with its rule', async () => {
      const error = await caught(registerSource(t.store, steward, { ...arrivals, name: 'plates', category: 'licence-plate-reads' }));
      expect(error.code).toBe('declined-by-design');
      expect(await SourceStore.list(t.store.db)).toEqual([]);
      const [entry] = await LedgerStore.list(t.store.db);
      expect(entry).toMatchObject({ action: 'source.register', target: 'source:plates', outcome: 'refused', details: { rule: 'DECLINED-LICENCE-PLATE-READS' } });
    });

    it('refuses a registration with a missing field and records it', async () => {
      const error = await caught(registerSource(t.store, steward, { ...arrivals, legalAuthority: '' }));
      expect(error.message).toMatch(/legalAuthority/);
      expect(await SourceStore.list(t.store.db)).toEqual([]);
      expect((await LedgerStore.list(t.store.db))[0]).toMatchObject({ outcome: 'refused' });
    });

    it('refuses a second source of the same name', async () => {
      await registerSource(t.store, steward, arrivals);
      expect((await caught(registerSource(t.store, steward, arrivals))).code).toBe('conflict');
      expect(await SourceStore.list(t.store.db)).toHaveLength(1);
    });

    it('rolls the change back when its work fails after writing', async () => {
      await expect(t.store.audited(steward, 'source.register', 'source:x', async (tx) => {
        await tx.query("INSERT INTO sources (name, legal_authority, purposes, category, retention_days, registered_by) VALUES ('x', 'law', '{data-quality}', 'visa-records', 10, 'me')");
        throw new DocketError('refused', 'changed my mind');
      })).rejects.toThrow('changed my mind');
      expect(await SourceStore.list(t.store.db)).toEqual([]);
      expect(await LedgerStore.verify(t.store.db)).toMatchObject({ kind: 'intact', count: 1 });
    });
  });
});

describe('bad database configuration', () => {
  it('says the PostgreSQL server cannot be reached, and what to do', async () => {
    const error = await caught(Store.open({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/docket', location: 'PostgreSQL at 127.0.0.1:1/docket', database: 'docket' }));
    expect(error.code).toBe('database-unavailable');
    expect(error.toLine()).toMatch(/cannot reach the database at PostgreSQL at 127.0.0.1:1\/docket .*start PostgreSQL or fix DATABASE_URL/);
  });
});

describe.runIf(testBackends.includes('postgres'))('a PostgreSQL server that goes away', () => {
  it('reports the lost connection as unavailable and keeps no half-written change', async () => {
    const t = await openTestStore('postgres');
    try {
      const error = await caught(t.store.audited(steward, 'source.register', 'source:y', async (tx) => {
        await tx.query("INSERT INTO sources (name, legal_authority, purposes, category, retention_days, registered_by) VALUES ('y', 'law', '{data-quality}', 'visa-records', 10, 'me')");
        await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
        return { value: undefined };
      }));
      expect(error.code).toBe('database-unavailable');
      expect(await SourceStore.list(t.store.db)).toEqual([]);
    } finally {
      await t.dispose();
    }
  });
});
