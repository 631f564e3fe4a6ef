import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempOutput } from '../../synth/testing/temp-output.js';
import { registerDemo } from './demo.js';

async function run(args: readonly string[]): Promise<{ stdout: string; stderr: string; exitCode: number | undefined }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { stdout += String(chunk); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => { stderr += String(chunk); return true; });
  const program = new Command('docket').exitOverride();
  registerDemo(program);
  process.exitCode = undefined;
  await program.parseAsync(['node', 'docket', ...args]);
  const exitCode = typeof process.exitCode === 'number' ? process.exitCode : undefined;
  process.exitCode = undefined;
  vi.restoreAllMocks();
  return { stdout, stderr, exitCode };
}

describe('docket demo', () => {
  const out = tempOutput('cli');
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('generate writes the files and prints a summary', async () => {
    const dir = join(out, 'run');
    const result = await run(['demo', 'generate', '--people', '400', '--seed', '12', '--out', dir, '--format', 'ndjson', '--error-rate', 'court-dockets.typo=0.2']);
    expect(result.exitCode).toBeUndefined();
    expect(result.stdout).toContain('wrote 400 people');
    expect(result.stderr).toMatch(/rows\/s/);
    expect(existsSync(join(dir, 'i94_arrivals_departures.ndjson'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { people: number; format: string; errorRates: Record<string, { typo: number }> };
    expect(manifest).toMatchObject({ people: 400, format: 'ndjson' });
    expect(manifest.errorRates['court-dockets']).toMatchObject({ typo: 0.2 });
  });

  it('generate --json prints the summary as JSON', async () => {
    const result = await run(['demo', 'generate', '--people', '50', '--out', join(out, 'json'), '--json', '--no-progress']);
    expect((JSON.parse(result.stdout) as { people: number }).people).toBe(50);
    expect(result.stderr).toBe('');
  });

  it('refuses bad flags with one line and exit code 1', async () => {
    const bad = await run(['demo', 'generate', '--people', 'many', '--out', join(out, 'bad')]);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('--people must be a whole number');
    const rate = await run(['demo', 'generate', '--people', '5', '--out', join(out, 'bad'), '--error-rate', 'typo']);
    expect(rate.exitCode).toBe(1);
    expect(rate.stderr).toContain('SOURCE.KIND=RATE');
  });

  it('sources lists every source system and its file', async () => {
    const result = await run(['demo', 'sources']);
    expect(result.stdout.trim().split('\n')).toHaveLength(14);
    expect(result.stdout).toContain('eoir_court_dockets.csv');
  });
});
