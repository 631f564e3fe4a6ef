import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCliBackend, type CliBackend } from '../../cli/testing/cli-backend.js';
import { repoRoot, runCli } from '../../cli/testing/run-cli.js';
import { LedgerStore } from '../../store/index.js';
import { testBackends } from '../../store/testing/test-store.js';

const natsUrl = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
const dir = mkdtempSync(join(tmpdir(), 'docket-workers-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const word = (n: number): string => {
  let text = '';
  for (let v = n; text.length < 5; v = Math.floor(v / 26) + 7) text += String.fromCharCode(97 + (v % 26));
  return text.charAt(0).toUpperCase() + text.slice(1);
};

function writeFile(): string {
  const lines = ['person_id,given_name,surname,date_of_birth,country'];
  for (let i = 1; i <= 12_000; i += 1) {
    if (i % 997 === 0) lines.push(`P${i},Broken`);
    else if (i % 1201 === 0) lines.push(lines.at(-1) ?? '');
    else lines.push(`P${i},${word(i)},${word(i * 31 + 5)},19${String(40 + (i % 60))}-1${String(i % 3)}-0${String(1 + (i % 9))},CAN`);
  }
  const path = join(dir, 'people.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function prepare(cli: CliBackend): Promise<void> {
  const mapping = join(dir, 'mapping.json');
  writeFileSync(mapping, JSON.stringify({ fields: { 'name.given': 'given_name', 'name.surname': 'surname', dateOfBirth: 'date_of_birth', countryOfBirth: 'country' } }));
  for (const args of [['init'], ['sources', 'add', '--name', 'arrivals', '--legal-authority', '8 U.S.C. 1365b', '--purpose', 'identity-resolution', '--category', 'travel-records', '--retention', '10y'], ['sources', 'map', 'arrivals', '--file', mapping]]) {
    const result = await runCli(args, cli.env);
    expect(result.code, result.stderr).toBe(0);
  }
}

function worker(env: Record<string, string>): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin/docket.js'), 'ingest-worker', '--idle-exit', '4'], { env: { PATH: process.env['PATH'], ...env }, cwd: repoRoot, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => {
      resolve(code);
    });
  });
}

async function storedState(cli: CliBackend): Promise<{ hashes: string[]; entities: string[]; quarantined: number; counts: unknown; ledger: string }> {
  const store = await cli.open();
  try {
    const hashes = (await store.db.query<{ content_hash: string }>('SELECT content_hash FROM raw_records ORDER BY content_hash')).map((r) => r.content_hash);
    // Entities as sets of record contents: entity ids differ between databases, the grouping must not.
    const entities = (await store.db.query<{ members: string }>(
      `SELECT string_agg(r.content_hash, ',' ORDER BY r.content_hash) AS members
         FROM entity_members m JOIN person_records p ON p.id = m.person_record_id JOIN raw_records r ON r.id = p.raw_record_id
        WHERE m.valid_to IS NULL GROUP BY m.entity_id ORDER BY members`,
    )).map((r) => r.members);
    const quarantined = (await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM quarantine')).at(0)?.n ?? -1;
    const counts = (await store.db.query('SELECT status, rows_read, rows_stored, rows_duplicate, rows_quarantined FROM ingest_files')).at(0);
    return { hashes, entities, quarantined, counts, ledger: (await LedgerStore.verify(store.db)).kind };
  } finally {
    await store.close();
  }
}

describe.runIf(testBackends.includes('postgres'))('ingest by two workers over NATS against one PostgreSQL', () => {
  it('stores and resolves exactly what a single process does', async () => {
    const file = writeFile();
    const single = openCliBackend('postgres');
    const shared = openCliBackend('postgres');
    try {
      await prepare(single);
      const alone = await runCli(['ingest', '--source', 'arrivals', file], single.env, 120_000);
      expect(alone.code, alone.stderr).toBe(0);

      await prepare(shared);
      const env = { ...shared.env, NATS_URL: natsUrl };
      const workers = [worker(env), worker(env)];
      const dispatched = await runCli(['ingest', '--source', 'arrivals', '--queue', '--batch-size', '500', '--json', file], env, 120_000);
      expect(dispatched.code, dispatched.stderr).toBe(0);
      expect(JSON.parse(dispatched.stdout)).toEqual([expect.objectContaining({ status: 'completed', read: 12_000 })]);
      expect(await Promise.all(workers)).toEqual([0, 0]);

      const [one, two] = await Promise.all([storedState(single), storedState(shared)]);
      expect(two.hashes).toEqual(one.hashes);
      expect(one.entities.length).toBeGreaterThan(100);
      expect(two.entities).toEqual(one.entities);
      expect(two.quarantined).toBe(one.quarantined);
      expect(two.counts).toEqual(one.counts);
      expect(two.ledger).toBe('intact');
    } finally {
      await single.cleanup();
      await shared.cleanup();
    }
  }, 240_000);
});
