import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialectName } from '../store/index.js';
import { migrations } from '../store/migrations/index.js';
import { testBackends } from '../store/testing/test-store.js';
import { openCliBackend, type CliBackend } from './testing/cli-backend.js';
import { repoRoot, runCli } from './testing/run-cli.js';

const register = ['sources', 'add', '--name', 'arrivals', '--legal-authority', '8 U.S.C. 1365b', '--purpose', 'identity-resolution,departure-verification', '--category', 'travel-records', '--retention', '75y'];

interface Backend extends CliBackend {
  /** Tampers with ledger entry `seq` the way a superuser could, skipping the trigger. */
  tamper(seq: number): Promise<void>;
}

function setUp(backend: DialectName): Backend {
  const cli = openCliBackend(backend);
  return {
    ...cli,
    async tamper(seq) {
      const store = await cli.open();
      try {
        await store.db.transaction((tx) => tx.exec(`SET LOCAL session_replication_role = replica; UPDATE audit_ledger SET actor = 'nobody' WHERE seq = ${seq}`));
      } finally {
        await store.close();
      }
    },
  };
}

describe.each(testBackends)('docket CLI on %s', (backend) => {
  let b: Backend;
  let work: string;
  beforeAll(() => {
    b = setUp(backend);
    work = mkdtempSync(join(tmpdir(), 'docket-out-'));
  });
  afterAll(async () => {
    await b.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it('initializes the database, creating it when needed', async () => {
    const result = await runCli(['init', '--json'], b.env);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ version: migrations.at(-1)?.version, applied: migrations.map((m) => m.version) });
    expect(JSON.parse((await runCli(['init', '--json'], b.env)).stdout)).toMatchObject({ applied: [] });
  });

  it('registers, lists and shows a source', async () => {
    expect((await runCli(register, b.env)).stdout).toMatch(/registered source "arrivals"/);
    const list = JSON.parse((await runCli(['sources', 'list', '--json'], b.env)).stdout) as { name: string }[];
    expect(list.map((s) => s.name)).toEqual(['arrivals']);
    const shown = await runCli(['sources', 'show', 'arrivals'], b.env);
    expect(shown.stdout).toMatch(/legal authority\s+8 U.S.C. 1365b/);
  });

  it('refuses a declined category with one line naming the rule, and records the refusal', async () => {
    const result = await runCli(['sources', 'add', '--name', 'feeds', '--legal-authority', 'none', '--purpose', 'data-quality', '--category', 'social-media', '--retention', '1y'], b.env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^docket: DECLINED-SOCIAL-MEDIA:/);
    const entries = JSON.parse((await runCli(['audit', 'list', '--target', 'source:feeds', '--json'], b.env)).stdout) as { outcome: string; details: { rule: string } }[];
    expect(entries[0]).toMatchObject({ outcome: 'refused', details: { rule: 'DECLINED-SOCIAL-MEDIA' } });
  });

  it('says which field is missing from a registration', async () => {
    const result = await runCli(['sources', 'add', '--name', 'x1', '--legal-authority', 'law', '--category', 'visa-records', '--retention', '1y'], b.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/purposes: at least one permitted purpose is required/);
  });

  it('exports a ledger that an outside auditor verifies without Docket, and that detects edits', async () => {
    const file = join(work, 'ledger.ndjson');
    const exported = JSON.parse((await runCli(['audit', 'export', '--out', file, '--json'], b.env)).stdout) as { entries: number };
    expect(exported.entries).toBeGreaterThanOrEqual(4);
    const outside = execFileSync(process.execPath, [join(repoRoot, 'tools/verify-ledger.mjs'), file], { encoding: 'utf8' });
    expect(outside).toMatch(/checksum matches\nledger intact/);
    expect((await runCli(['audit', 'verify', '--file', file], b.env)).code).toBe(0);

    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = lines[2].replace('"cli:', '"mallory:');
    writeFileSync(file, lines.join('\n'));
    const verdict = await runCli(['audit', 'verify', '--file', file], b.env);
    expect(verdict.code).toBe(1);
    expect(verdict.stdout).toMatch(/BROKEN at entry #2: its content does not match its hash/);
    expect(verdict.stdout).toMatch(/checksum DOES NOT match/);
  });

  it('names the database entry tampered with behind the trigger', async () => {
    const anchor = join(work, 'anchor.ndjson');
    await runCli(['audit', 'export', '--out', anchor], b.env);
    expect((await runCli(['audit', 'verify'], b.env)).code).toBe(0);
    await b.tamper(3);
    const verdict = await runCli(['audit', 'verify', '--against', anchor], b.env);
    expect(verdict.code).toBe(1);
    expect(verdict.stdout).toMatch(/ledger BROKEN at entry #3/);
  });
});

describe('docket CLI with a bad DATABASE_URL', () => {
  it.each([
    ['not a URL', 'DATABASE_URL is not a valid URL'],
    ['mysql://root@127.0.0.1/docket', 'must be a PostgreSQL URL'],
    ['postgres://postgres@127.0.0.1:1/docket', 'cannot reach the database at PostgreSQL at 127.0.0.1:1/docket'],
  ])('%s: one line saying what to do', async (url, message) => {
    const result = await runCli(['sources', 'list'], { DATABASE_URL: url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
