import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LedgerStore } from '../store/index.js';
import { testBackends } from '../store/testing/test-store.js';
import { openCliBackend } from '../cli/testing/cli-backend.js';
import { repoRoot, runCli } from '../cli/testing/run-cli.js';

const ROWS = 60_000;
const dir = mkdtempSync(join(tmpdir(), 'docket-resume-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const letters = (n: number): string => {
  let text = '';
  for (let v = n; text.length < 4 || v > 0; v = Math.floor(v / 26)) text += String.fromCharCode(97 + (v % 26));
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** A large source file with bad rows and exact duplicates sprinkled through it. */
function writeLargeFile(): { path: string; good: number; bad: number; duplicates: number } {
  const lines = ['person_id,given_name,surname,date_of_birth,country'];
  let bad = 0;
  let duplicates = 0;
  for (let i = 1; i <= ROWS; i += 1) {
    if (i % 1000 === 0) {
      lines.push(`P${i},${letters(i)},Broken`);
      bad += 1;
    } else if (i % 1500 === 0) {
      lines.push(lines[lines.length - 1] ?? '');
      duplicates += 1;
    } else lines.push(`P${i},${letters(i)},${letters(i * 7 + 3)},19${String(50 + (i % 50))}-0${String(1 + (i % 9))}-1${String(i % 10)},MEX`);
  }
  const path = join(dir, 'large.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, good: ROWS - bad - duplicates, bad, duplicates };
}

const mapping = { recordKey: 'person_id', fields: { 'name.given': 'given_name', 'name.surname': 'surname', dateOfBirth: 'date_of_birth', countryOfBirth: 'country' } };

/** Starts an ingest and kills it with SIGKILL as soon as it reports its first committed batch. */
function ingestAndKill(env: Record<string, string>, file: string): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin/docket.js'), 'ingest', '--source', 'arrivals', '--batch-size', '500', file], { env: { PATH: process.env['PATH'], ...env }, cwd: repoRoot });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stderr.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('rows,')) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal);
    });
  });
}

describe.each(testBackends)('an ingest killed mid-file on %s', (backend) => {
  it('completes on the next run with no row lost and none stored twice', async () => {
    const cli = openCliBackend(backend);
    try {
      const file = writeLargeFile();
      const mappingFile = join(dir, 'mapping.json');
      writeFileSync(mappingFile, JSON.stringify(mapping));
      expect((await runCli(['init'], cli.env)).code).toBe(0);
      expect((await runCli(['sources', 'add', '--name', 'arrivals', '--legal-authority', '8 U.S.C. 1365b', '--purpose', 'identity-resolution', '--category', 'travel-records', '--retention', '10y'], cli.env)).code).toBe(0);
      expect((await runCli(['sources', 'map', 'arrivals', '--file', mappingFile], cli.env)).code).toBe(0);

      expect(await ingestAndKill(cli.env, file.path)).toBe('SIGKILL');
      let store = await cli.open();
      const [partial] = await store.db.query<{ status: string; rows_read: number }>('SELECT status, rows_read FROM ingest_files');
      await store.close();
      expect(partial.status).toBe('in-progress');
      expect(partial.rows_read).toBeGreaterThan(0);
      expect(partial.rows_read).toBeLessThan(ROWS);

      const rerun = await runCli(['ingest', '--source', 'arrivals', '--json', file.path], cli.env, 120_000);
      expect(rerun.code, rerun.stderr).toBe(0);
      const [summary] = JSON.parse(rerun.stdout) as { outcome: string; read: number; stored: number; duplicates: number; quarantined: number }[];
      expect(summary).toEqual(expect.objectContaining({ outcome: 'resumed', read: ROWS, stored: file.good, duplicates: file.duplicates, quarantined: file.bad }));

      store = await cli.open();
      try {
        const counts = await store.db.query<{ raw: number; records: number; lines: number; quarantined: number }>(
          `SELECT (SELECT count(*)::int FROM raw_records) AS raw, (SELECT count(*)::int FROM person_records) AS records,
                  (SELECT count(DISTINCT line)::int FROM raw_records) AS lines, (SELECT count(*)::int FROM quarantine) AS quarantined`,
        );
        expect(counts[0]).toEqual({ raw: file.good, records: file.good, lines: file.good, quarantined: file.bad });
        expect(await LedgerStore.verify(store.db)).toMatchObject({ kind: 'intact' });
      } finally {
        await store.close();
      }
    } finally {
      await cli.cleanup();
    }
  }, 240_000);
});
