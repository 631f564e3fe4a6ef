import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testBackends } from '../store/testing/test-store.js';
import { openCliBackend } from './testing/cli-backend.js';
import { repoRoot } from './testing/run-cli.js';

/** `npm start` on a fresh database: demo data generated, ingested and resolved, then the app served. */
describe.each(testBackends)('docket start on %s', (backend) => {
  it('sets up demo data on first start, serves the app, and stops cleanly on Ctrl-C', async () => {
    const cli = openCliBackend(backend);
    try {
      const child = spawn(process.execPath, [join(repoRoot, 'bin/docket.js'), 'start'], {
        env: { PATH: process.env['PATH'], ...cli.env, DOCKET_DEMO_PEOPLE: '300', PORT: '0' },
        cwd: repoRoot,
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
        resolve(code);
      }));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`no server after 150 s:\n${output}`));
        }, 150_000);
        child.stdout.on('data', () => {
          const match = /serving .* at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match?.[1] !== undefined && output.includes('Stop with Ctrl-C.')) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      expect(output).toMatch(/Loaded 14 sources: \d+ records stored/);
      expect(output).toMatch(/reviewing-officer\s+reviewing\.officer\s+demo-reviewing-officer/);
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      const page = await fetch(url);
      expect(await page.text()).toMatch(/<div id="root">|<html/i);
      child.kill('SIGINT');
      expect(await exited).toBe(0);

      const store = await cli.open();
      try {
        const [counts] = await store.db.query<{ records: number; resolved: number; entities: number }>(
          `SELECT (SELECT count(*)::int FROM person_records) AS records,
                  (SELECT count(*)::int FROM entity_members WHERE valid_to IS NULL) AS resolved,
                  (SELECT count(*)::int FROM entities WHERE status = 'active') AS entities`,
        );
        expect(counts.records).toBeGreaterThan(1000);
        expect(counts.resolved).toBe(counts.records);
        expect(counts.entities).toBeLessThan(counts.records);
      } finally {
        await store.close();
      }
    } finally {
      await cli.cleanup();
    }
  }, 240_000);
});
