import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCsv, parseCsv } from '../../src/cli/resolve/csv.js';
import { csvField } from '../../src/cli/resolve/csv-writer.js';
import { GENERATOR_VERSION, generate } from '../../src/synth/index.js';

/** Resolve-ready synthetic sources: one CSV per source with a shared id column, and the truth. */
export interface SynthData {
  readonly files: readonly string[];
  readonly truth: string;
  readonly records: number;
  readonly people: number;
}

interface Ready {
  readonly generatorVersion: number;
  readonly people: number;
  readonly seed: number;
  readonly files: readonly string[];
  readonly records: number;
}

/**
 * Generates immigration-style sources with Docket's synthetic generator (src/synth) and rewrites
 * them for `docket resolve`: each source's own id becomes `record_key` = `<file>:<id>`, unique
 * across files, and the truth becomes `record_id,truth`. Kept in `dir` and reused while the
 * generator version, size and seed are the same.
 */
export async function prepareSynthData(people: number, seed: number, dir: string): Promise<SynthData> {
  const readyPath = join(dir, 'ready.json');
  if (existsSync(readyPath)) {
    const ready = JSON.parse(readFileSync(readyPath, 'utf8')) as Ready;
    if (ready.generatorVersion === GENERATOR_VERSION && ready.people === people && ready.seed === seed) {
      return { files: ready.files.map((f) => join(dir, f)), truth: join(dir, 'truth.csv'), records: ready.records, people };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const raw = join(dir, 'raw');
  mkdirSync(raw, { recursive: true });
  const summary = await generate({ people, seed, outDir: raw });
  const stems = new Map<string, string>();
  const files: string[] = [];
  let records = 0;
  for (const file of summary.files) {
    if (file.kind === 'truth-people' || file.kind === 'truth-records') continue;
    const stem = file.file.replace(/\.csv$/, '');
    stems.set(file.kind, stem);
    const rows: string[] = [];
    const header = parseCsv(decodeCsv(readFileSync(join(raw, file.file)), file.file), file.file, (fields) => {
      rows.push([`${stem}:${fields[0]}`, ...fields.slice(1)].map(csvField).join(','));
    });
    if (rows.length === 0) continue;
    records += rows.length;
    writeFileSync(join(dir, file.file), [['record_key', ...header.slice(1)].map(csvField).join(','), ...rows, ''].join('\n'));
    files.push(file.file);
  }
  const truth: string[] = ['record_id,truth'];
  parseCsv(decodeCsv(readFileSync(join(raw, 'truth', 'records.csv')), 'truth/records.csv'), 'truth/records.csv', (fields) => {
    truth.push(`${csvField(`${stems.get(fields[0]) ?? fields[0]}:${fields[1]}`)},${csvField(fields[2])}`);
  });
  writeFileSync(join(dir, 'truth.csv'), `${truth.join('\n')}\n`);
  for (const name of readdirSync(raw)) if (name.endsWith('.csv')) rmSync(join(raw, name));
  const ready: Ready = { generatorVersion: GENERATOR_VERSION, people, seed, files, records };
  writeFileSync(readyPath, JSON.stringify(ready, null, 2));
  return { files: files.map((f) => join(dir, f)), truth: join(dir, 'truth.csv'), records, people };
}
