import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocketError } from '../core/errors/index.js';
import { GENERATOR_VERSION, generate } from './generate.js';
import { sourceCatalog } from './source-catalog.js';
import { tempOutput } from './testing/temp-output.js';

function digests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** Digest of every file for 600 people, seed 1, generator version 2. */
const GOLDEN = '46b3d139dcf7d57fb4b12d39780693cc409481e434034fb2116a0b639f502c4a';

describe('generate', () => {
  const root = tempOutput('determinism');

  it('writes byte-identical files for the same seed, in CSV and NDJSON', async () => {
    for (const format of ['csv', 'ndjson'] as const) {
      const a = join(root, `${format}-a`);
      const b = join(root, `${format}-b`);
      await generate({ people: 2500, seed: 20250630, outDir: a, format });
      await generate({ people: 2500, seed: 20250630, outDir: b, format });
      const first = digests(a);
      expect(Object.keys(first)).toHaveLength(sourceCatalog.length + 4);
      expect(digests(b)).toEqual(first);
    }
  });

  it('writes the recorded bytes for a fixed seed (any machine, any Node; change GENERATOR_VERSION with it)', async () => {
    const dir = join(root, 'golden');
    await generate({ people: 600, seed: 1, outDir: dir });
    const hash = createHash('sha256');
    for (const [file] of Object.entries(digests(dir))) hash.update(file).update(readFileSync(join(dir, file)));
    expect(GENERATOR_VERSION).toBe(2);
    expect(hash.digest('hex')).toBe(GOLDEN);
  });

  it('writes the same bytes whether chunks are built here or by worker threads', async () => {
    await generate({ people: 9_500, seed: 77, outDir: join(root, 'inline'), workers: 0 });
    await generate({ people: 9_500, seed: 77, outDir: join(root, 'threads'), workers: 2 });
    expect(digests(join(root, 'threads'))).toEqual(digests(join(root, 'inline')));
  });

  it('writes different data for a different seed, and a text seed works', async () => {
    await generate({ people: 500, seed: 1, outDir: join(root, 'one') });
    await generate({ people: 500, seed: 2, outDir: join(root, 'two') });
    await generate({ people: 500, seed: 'demo', outDir: join(root, 'text') });
    const one = digests(join(root, 'one'));
    const two = digests(join(root, 'two'));
    expect(one['truth/people.csv']).not.toEqual(two['truth/people.csv']);
    expect(one['i94_arrivals_departures.csv']).not.toEqual(two['i94_arrivals_departures.csv']);
    expect(digests(join(root, 'text'))['truth/people.csv']).not.toEqual(one['truth/people.csv']);
  });

  it('makes exactly the number of people asked for and reports what it wrote', async () => {
    const out = join(root, 'count');
    const progress: number[] = [];
    const summary = await generate({ people: 9001, seed: 5, outDir: out, onProgress: (p) => progress.push(p.people) });
    expect(summary.people).toBe(9001);
    expect(progress.at(-1)).toBe(9001);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const people = summary.files.find((file) => file.kind === 'truth-people');
    expect(people?.rows).toBe(9001);
    const records = summary.files.find((file) => file.kind === 'truth-records');
    expect(records?.rows).toBe(summary.sourceRows);
    for (const file of summary.files) expect(statSync(join(out, file.file)).size).toBe(file.bytes);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { people: number; seed: string };
    expect(manifest).toMatchObject({ people: 9001, seed: '5' });
  });

  it('refuses bad options with a DocketError that says what and where', async () => {
    await expect(generate({ people: 0, outDir: join(root, 'bad') })).rejects.toSatisfy((error) => DocketError.is(error, 'invalid-input') && error.message.includes('people'));
    await expect(generate({ people: 10, outDir: join(root, 'bad'), asOf: '2025-02-30' })).rejects.toSatisfy((error) => DocketError.is(error, 'invalid-input'));
    await expect(generate({ people: 10, outDir: join(root, 'bad'), errorRates: { 'court-dockets': { typo: 2 } } })).rejects.toSatisfy((error) => DocketError.is(error, 'invalid-input'));
  });
});
