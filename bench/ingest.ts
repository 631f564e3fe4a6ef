/**
 * Ingest benchmark: synthetic multi-source folders (the generator's fourteen sources) loaded with
 * the real `docket demo load` command, timed from outside the process, in five cases:
 *
 *   1-2. embedded database (PGlite), without and with live resolution
 *   3-4. PostgreSQL, without and with live resolution (fresh database: the first model is trained
 *        on the first 50,000 records, the rest are resolved against the live index)
 *   5.   PostgreSQL with live resolution against an index that already holds about a million
 *        resolved records: a pre-load (timed and reported, not the target) then a further folder
 *        of new people (another seed) ingested and resolved against it
 *
 *   node --import tsx bench/ingest.ts [CASE...]
 *
 * CASE picks cases by number (e.g. `3 4`, the PostgreSQL cases on a fresh index); a partial run
 * prints its figures and leaves bench/results as they are.
 * Sizes, in people (the generator writes about five rows per person):
 *   BENCH_PEOPLE_EMBEDDED  cases 1-2            default 10,000  (~50k rows)
 *   BENCH_PEOPLE           cases 3-4 and case 5's timed folder   default 20,000 (~100k rows)
 *   BENCH_INDEX_PEOPLE     case 5's pre-load    default 200,000 (~1M records); 0 skips case 5
 * Each case takes the shared benchmark lock by itself (`flock BENCH_LOCK`, default
 * /tmp/docket-bench.lock; BENCH_LOCK= runs without it), so run this script outside the lock.
 * The whole run takes about 10 minutes on two quiet cores with the defaults.
 *
 * Two rates per case: rows read / wall seconds of the whole process (start-up, registration,
 * opening the index, first model), and rows read / the seconds ingest itself took (the sum of the
 * per-file times `demo load` reports: reading, mapping, storing, resolving). The target, 20,000
 * rows/s into PostgreSQL with live resolution against a million records, is read on the second.
 * Writes bench/results/ingest.json and bench/results/ingest.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const databaseUrl = process.env['DOCKET_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/docket_bench_ingest';
const peopleEmbedded = Number(process.env['BENCH_PEOPLE_EMBEDDED'] ?? 10_000);
const people = Number(process.env['BENCH_PEOPLE'] ?? 20_000);
const indexPeople = Number(process.env['BENCH_INDEX_PEOPLE'] ?? 200_000);
const lock = process.env['BENCH_LOCK'] ?? '/tmp/docket-bench.lock';
const TARGET = 20_000;
const picked = process.argv.slice(2).map(Number);
if (picked.some((n) => !Number.isInteger(n) || n < 1 || n > 5)) throw new Error(`cases are numbered 1 to 5, not ${process.argv.slice(2).join(' ')}`);
const runs = (n: number): boolean => picked.length === 0 || picked.includes(n);

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

interface LoadResult {
  readonly case: string;
  readonly backend: 'PGlite' | 'PostgreSQL';
  readonly resolution: 'none' | 'live, fresh index' | 'live, index of the pre-load';
  readonly people: number;
  /** Resolved records already in the database before this load. */
  readonly recordsBefore: number;
  readonly rows: number;
  readonly stored: number;
  readonly quarantined: number;
  readonly wallSeconds: number;
  readonly ingestSeconds: number;
  readonly rowsPerSecondWall: number;
  readonly rowsPerSecondIngest: number;
  readonly peakRssMb: number;
  readonly loadBefore: number;
  readonly loadAfter: number;
}

/** A command line, under the shared benchmark lock when there is one. */
function locked(command: string, args: readonly string[]): [string, string[]] {
  return lock === '' || !existsSync('/usr/bin/flock') ? [command, [...args]] : ['/usr/bin/flock', [lock, command, ...args]];
}

function generate(count: number, seed: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'docket-bench-ingest-'));
  const [command, args] = locked(process.execPath, [join(root, 'bin/docket.js'), 'demo', 'generate', '--people', String(count), '--seed', String(seed), '--out', dir]);
  execFileSync(command, args, { stdio: 'ignore' });
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

async function resolvedRecords(): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM entity_members WHERE valid_to IS NULL');
  await client.end();
  return rows[0]?.n ?? 0;
}

/** Runs `docket demo load` under /usr/bin/time (wall time, peak memory) and the benchmark lock. */
function load(spec: Pick<LoadResult, 'case' | 'backend' | 'resolution' | 'people' | 'recordsBefore'>, dir: string, env: Record<string, string>): LoadResult {
  const docket = join(root, 'bin/docket.js');
  const fullEnv = { ...process.env, ...env };
  const init = spawnSync(process.execPath, [docket, 'init'], { env: fullEnv });
  if (init.status !== 0) throw new Error(`init failed: ${init.stderr.toString()}`);
  const resolve = spec.resolution === 'none' ? ['--no-resolve'] : [];
  // `time` inside the lock, so waiting for the lock is not timed.
  const [command, args] = locked('/usr/bin/time', ['-f', '%M %e', process.execPath, docket, 'demo', 'load', '--json', ...resolve, dir]);
  const loadBefore = loadavg()[0] ?? 0;
  const run = spawnSync(command, args, { env: fullEnv, maxBuffer: 1 << 28 });
  const loadAfter = loadavg()[0] ?? 0;
  if (run.status !== 0) throw new Error(`load failed: ${run.stderr.toString()}`);
  const summary = JSON.parse(run.stdout.toString()) as { files: { read: number; stored: number; quarantined: number; seconds: number }[] };
  const rows = summary.files.reduce((n, f) => n + f.read, 0);
  const ingestSeconds = summary.files.reduce((n, f) => n + f.seconds, 0);
  const [peakKb = 0, wallSeconds = Number.NaN] = (run.stderr.toString().trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  const result: LoadResult = {
    ...spec, rows, wallSeconds, ingestSeconds,
    stored: summary.files.reduce((n, f) => n + f.stored, 0),
    quarantined: summary.files.reduce((n, f) => n + f.quarantined, 0),
    rowsPerSecondWall: Math.round(rows / wallSeconds),
    rowsPerSecondIngest: Math.round(rows / ingestSeconds),
    peakRssMb: Math.round(peakKb / 1024),
    loadBefore, loadAfter,
  };
  say(`${result.case}: ${rows} rows, ${wallSeconds.toFixed(1)} s whole process (${result.rowsPerSecondWall} rows/s), ${ingestSeconds.toFixed(1)} s ingesting (${result.rowsPerSecondIngest} rows/s), peak ${result.peakRssMb} MB, load ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}`);
  return result;
}

const results: LoadResult[] = [];

const embedded = (['none', 'live, fresh index'] as const).filter((_, i) => runs(i + 1));
const embeddedData = embedded.length === 0 ? '' : generate(peopleEmbedded, 11);
for (const resolution of embedded) {
  const home = mkdtempSync(join(tmpdir(), 'docket-bench-home-'));
  results.push(load({ case: `PGlite, ${resolution === 'none' ? 'no resolution' : 'live resolution'}`, backend: 'PGlite', resolution, people: peopleEmbedded, recordsBefore: 0 }, embeddedData, { DOCKET_HOME: home }));
  rmSync(home, { recursive: true, force: true });
}
if (embeddedData !== '') rmSync(embeddedData, { recursive: true, force: true });

const pgData = [3, 4, 5].some(runs) ? generate(people, 11) : '';
for (const resolution of (['none', 'live, fresh index'] as const).filter((_, i) => runs(i + 3))) {
  await resetDatabase();
  results.push(load({ case: `PostgreSQL, ${resolution === 'none' ? 'no resolution' : 'live resolution'}`, backend: 'PostgreSQL', resolution, people, recordsBefore: 0 }, pgData, { DATABASE_URL: databaseUrl }));
}

let preload: LoadResult | undefined;
if (indexPeople > 0 && runs(5)) {
  await resetDatabase();
  const indexData = generate(indexPeople, 29);
  preload = load({ case: 'pre-load of the index (PostgreSQL, live resolution)', backend: 'PostgreSQL', resolution: 'live, fresh index', people: indexPeople, recordsBefore: 0 }, indexData, { DATABASE_URL: databaseUrl });
  rmSync(indexData, { recursive: true, force: true });
  const before = await resolvedRecords();
  results.push(load({ case: `PostgreSQL, live resolution against ${before.toLocaleString('en-US')} resolved records`, backend: 'PostgreSQL', resolution: 'live, index of the pre-load', people, recordsBefore: before }, pgData, { DATABASE_URL: databaseUrl }));
}
if (pgData !== '') rmSync(pgData, { recursive: true, force: true });
await resetDatabase();
if (picked.length > 0) process.exit(0);

const targetCase = results.find((r) => r.resolution === 'live, index of the pre-load');
const verdict = targetCase === undefined
  ? 'not measured (BENCH_INDEX_PEOPLE=0)'
  : `${targetCase.rowsPerSecondIngest.toLocaleString('en-US')} rows/s while ingesting (${targetCase.rowsPerSecondWall.toLocaleString('en-US')} rows/s whole process) against ${targetCase.recordsBefore.toLocaleString('en-US')} resolved records: ${targetCase.rowsPerSecondIngest >= TARGET ? 'met' : 'NOT met'}`;
const machine = { cpus: cpus().length, model: cpus()[0]?.model ?? '', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/ingest.json'), `${JSON.stringify({ machine, date: new Date().toISOString(), target: { rowsPerSecond: TARGET, verdict }, preload, results }, null, 2)}\n`);
const row = (r: LoadResult): string => `| ${r.case} | ${r.people.toLocaleString('en-US')} | ${r.rows.toLocaleString('en-US')} | ${r.stored.toLocaleString('en-US')} | ${r.quarantined} | ${r.wallSeconds.toFixed(1)} | ${r.rowsPerSecondWall.toLocaleString('en-US')} | ${r.ingestSeconds.toFixed(1)} | ${r.rowsPerSecondIngest.toLocaleString('en-US')} | ${r.peakRssMb} MB | ${r.loadBefore.toFixed(1)} → ${r.loadAfter.toFixed(1)} |`;
writeFileSync(join(root, 'bench/results/ingest.md'), [
  '# Ingest benchmark',
  '',
  `\`node --import tsx bench/ingest.ts\` on ${machine.cpus} × ${machine.model}, ${machine.memoryGb} GB, Node ${machine.node}; ${new Date().toISOString()}. Each case is one \`docket demo load\` of the generator's fourteen source files, one process, timed from outside under the shared benchmark lock. "Ingesting" is the sum of the per-file times the command reports (reading, mapping, storing, resolving); "whole process" adds start-up, registration, opening the live index and training a first model. The machine is shared: the load average (1 minute, before → after) says how much else ran.`,
  '',
  '| case | people | rows read | stored | quarantined | whole process (s) | rows/s | ingesting (s) | rows/s | peak RSS | load |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map(row),
  ...(preload === undefined ? [] : ['', 'Pre-load that built the index (every record resolved as it arrived; a first model trained on the first 50,000):', '', '| case | people | rows read | stored | quarantined | whole process (s) | rows/s | ingesting (s) | rows/s | peak RSS | load |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|', row(preload)]),
  '',
  `Target: ${TARGET.toLocaleString('en-US')} rows/s into PostgreSQL on 2 cores with live resolution against an index of a million records — ${verdict}.`,
  '',
].join('\n'));
