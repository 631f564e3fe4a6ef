/**
 * Ingest benchmark: synthetic multi-source files (the generator's fourteen sources) loaded with
 * the real `docket demo load` command into the embedded database and into PostgreSQL, timed as
 * whole processes. Rows per second = rows read / seconds.
 *
 *   node --import tsx bench/ingest.ts
 *
 * BENCH_PEOPLE (PostgreSQL, default 60000) and BENCH_PEOPLE_EMBEDDED (default 10000) set the
 * sizes. Writes bench/results/ingest.json and bench/results/ingest.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const databaseUrl = process.env['DOCKET_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/docket_bench_ingest';
const peoplePg = Number(process.env['BENCH_PEOPLE'] ?? 60_000);
const peopleEmbedded = Number(process.env['BENCH_PEOPLE_EMBEDDED'] ?? 10_000);

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

interface LoadResult {
  readonly backend: string;
  readonly people: number;
  readonly rows: number;
  readonly stored: number;
  readonly quarantined: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  readonly peakRssMb: number;
}

function generate(people: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'docket-bench-ingest-'));
  execFileSync(process.execPath, [join(root, 'bin/docket.js'), 'demo', 'generate', '--people', String(people), '--seed', '11', '--out', dir], { stdio: 'ignore' });
  return dir;
}

async function resetDatabase(): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  await client.end();
}

/** Runs `docket demo load` under /usr/bin/time for its wall time and peak memory. */
function load(backend: string, dir: string, env: Record<string, string>, people: number): LoadResult {
  const docket = [join(root, 'bin/docket.js')];
  const init = spawnSync(process.execPath, [...docket, 'init'], { env: { ...process.env, ...env } });
  if (init.status !== 0) throw new Error(`init failed: ${init.stderr.toString()}`);
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...docket, 'demo', 'load', '--json', dir], { env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`load failed: ${run.stderr.toString()}`);
  const summary = JSON.parse(run.stdout.toString()) as { files: { read: number; stored: number; quarantined: number }[] };
  const rows = summary.files.reduce((n, f) => n + f.read, 0);
  const peakKb = Number(run.stderr.toString().trim().split('\n').at(-1));
  return {
    backend, people, rows, seconds,
    stored: summary.files.reduce((n, f) => n + f.stored, 0),
    quarantined: summary.files.reduce((n, f) => n + f.quarantined, 0),
    rowsPerSecond: Math.round(rows / seconds),
    peakRssMb: Math.round(peakKb / 1024),
  };
}

const results: LoadResult[] = [];
const embeddedData = generate(peopleEmbedded);
const home = mkdtempSync(join(tmpdir(), 'docket-bench-home-'));
say(`embedded database: ${peopleEmbedded} people …`);
results.push(load('embedded (PGlite)', embeddedData, { DOCKET_HOME: home }, peopleEmbedded));
rmSync(home, { recursive: true, force: true });
rmSync(embeddedData, { recursive: true, force: true });

const pgData = generate(peoplePg);
await resetDatabase();
say(`PostgreSQL: ${peoplePg} people …`);
results.push(load('PostgreSQL 15', pgData, { DATABASE_URL: databaseUrl }, peoplePg));
rmSync(pgData, { recursive: true, force: true });
await resetDatabase();

for (const r of results) say(`${r.backend}: ${r.rows} rows in ${r.seconds.toFixed(1)} s = ${r.rowsPerSecond} rows/s, peak ${r.peakRssMb} MB`);
mkdirSync(join(root, 'bench/results'), { recursive: true });
const machine = `${cpus().length} cores, Node ${process.version}`;
writeFileSync(join(root, 'bench/results/ingest.json'), `${JSON.stringify({ machine, date: new Date().toISOString(), resolution: 'none (records stored; entity resolution not part of this run)', results }, null, 2)}\n`);
writeFileSync(join(root, 'bench/results/ingest.md'), [
  '# Ingest benchmark',
  '',
  `${machine}; \`docket demo load\` of the generator's fourteen source files, whole process, one run each.`,
  '',
  '| backend | people | rows read | stored | quarantined | seconds | rows/s | peak RSS |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map((r) => `| ${r.backend} | ${r.people} | ${r.rows} | ${r.stored} | ${r.quarantined} | ${r.seconds.toFixed(1)} | ${r.rowsPerSecond} | ${r.peakRssMb} MB |`),
  '',
].join('\n'));
