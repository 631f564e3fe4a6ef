/**
 * Entity-resolution benchmark: builds Docket, then times the real `node bin/docket.js resolve` on
 * FEBRL3 (deduplicate) and FEBRL4 (link two files), scores them with `docket evaluate`, times a
 * deduplication of about 50,000 synthetic immigration records (Splink's demo size), runs a
 * deduplication of about a million synthetic immigration records (src/synth, 200,000 people) with
 * its peak memory, and times incremental matching against that million-record index.
 *
 *   node --import tsx bench/linkage.ts
 *
 * BENCH_PEOPLE changes the million-record run's size (people; about five records each), BENCH_RUNS
 * the timed FEBRL and 50,000-record runs. Writes bench/results/linkage.json and bench/results/linkage.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareSynthData } from './linkage/synth-data.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const febrl = join(root, '..', 'shared', 'data', 'febrl');
const runs = Number(process.env['BENCH_RUNS'] ?? 5);
const people = Number(process.env['BENCH_PEOPLE'] ?? 200_000);
const work = mkdtempSync(join(tmpdir(), 'docket-bench-linkage-'));
const cache = join(tmpdir(), 'docket-bench-linkage-synth');

interface Metrics {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly truePairs: number;
  readonly predictedPairs: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
}

interface IncrementalResult {
  readonly records: number;
  readonly buildSeconds: number;
  readonly probes: number;
  readonly sameEntity: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly peakRssMb: number;
}

interface Timed {
  readonly seconds: number;
  /** User plus system CPU seconds of the process, all threads (JIT and GC helpers included). */
  readonly cpuSeconds: number | undefined;
  readonly peakRssMb: number | undefined;
  readonly summary: string;
}

const hasGnuTime = existsSync('/usr/bin/time');

/** Runs `node bin/docket.js ARGS` and times it from outside, with peak memory when GNU time is there. */
function docket(args: readonly string[]): Timed {
  const command = hasGnuTime ? '/usr/bin/time' : process.execPath;
  const full = hasGnuTime ? ['-v', process.execPath, 'bin/docket.js', ...args] : ['bin/docket.js', ...args];
  const started = performance.now();
  const run = spawnSync(command, full, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`docket ${args.join(' ')} failed:\n${run.stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(run.stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(run.stderr);
  const summary = run.stderr.split('\n').find((l) => l.startsWith('docket resolve: ') && l.includes('records,')) ?? '';
  return {
    seconds,
    cpuSeconds: user === null || system === null ? undefined : Number(user[1]) + Number(system[1]),
    peakRssMb: rss === null ? undefined : Number(rss[1]) / 1024,
    summary,
  };
}

function evaluate(clusters: string, truth: string): Metrics {
  const run = spawnSync(process.execPath, ['bin/docket.js', 'evaluate', clusters, '--truth', truth, '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`docket evaluate failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as Metrics;
}

/** Truth for FEBRL: rec-<n>-org and rec-<n>-dup-<k> are person <n>. */
function febrlTruth(files: readonly string[], path: string): void {
  const lines = ['record_id,truth'];
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const id = line.split(',')[0]?.trim() ?? '';
      if (id !== '') lines.push(`${id},${id.split('-')[1] ?? id}`);
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function step(text: string): void {
  process.stdout.write(`${text}\n`);
}

const loadBefore = loadavg();
step('building');
const buildStarted = Date.now();
const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  // tsc still writes JavaScript when other parts of the tree have type errors; go on only if the
  // engine and the command were written by this build.
  const fresh = ['dist/linkage/index.js', 'dist/cli/resolve/run-resolve.js'].every((f) => existsSync(join(root, f)) && statSync(join(root, f)).mtimeMs >= buildStarted - 1000);
  if (!fresh) process.exit(build.status ?? 1);
  step('the build reported errors (see above); the linkage engine and command were emitted, so the benchmark goes on');
}

const startupRuns = Array.from({ length: runs }, () => docket(['--help']).seconds);
// Bare Node start-up on this machine now: how busy the machine is shows in it.
const nodeRuns = Array.from({ length: runs }, () => {
  const started = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  return (performance.now() - started) / 1000;
});

const febrlResults = [
  { name: 'FEBRL3', files: ['dataset3.csv'], target: 0.998 },
  { name: 'FEBRL4', files: ['dataset4a.csv', 'dataset4b.csv'], target: 0.9995 },
].map(({ name, files, target }) => {
  step(`${name}: ${runs} timed runs`);
  const paths = files.map((f) => join(febrl, f));
  const out = join(work, `${name}.csv`);
  const truth = join(work, `${name}-truth.csv`);
  febrlTruth(paths, truth);
  const timed = Array.from({ length: runs }, () => docket(['resolve', ...paths, '--id', 'rec_id', '--out', out, '--quiet']));
  const metrics = evaluate(out, truth);
  return {
    name, records: timed[0].summary, target,
    f1: metrics.f1, precision: metrics.precision, recall: metrics.recall, falsePositives: metrics.falsePositives, falseNegatives: metrics.falseNegatives,
    secondsMin: Math.min(...timed.map((t) => t.seconds)), secondsMedian: median(timed.map((t) => t.seconds)),
    cpuSecondsMin: Math.min(...timed.map((t) => t.cpuSeconds ?? Number.NaN)),
    peakRssMb: timed[0].peakRssMb,
  };
});

// Splink's demo deduplicates 50,000 records in about 11 s here: the same size from the generator.
const midPeople = 10_000;
step(`50,000-record deduplication: ${midPeople} people (src/synth), ${runs} timed runs`);
const mid = await prepareSynthData(midPeople, 1, `${cache}-${midPeople}`);
const midOut = join(work, 'synth-mid.csv');
const midRuns = Array.from({ length: runs }, () => docket(['resolve', ...mid.files, '--id', 'record_key', '--out', midOut, '--quiet']));
const midMetrics = evaluate(midOut, mid.truth);
const midResult = {
  people: midPeople, records: mid.records, f1: midMetrics.f1, precision: midMetrics.precision, recall: midMetrics.recall,
  secondsMin: Math.min(...midRuns.map((t) => t.seconds)), secondsMedian: median(midRuns.map((t) => t.seconds)),
  cpuSecondsMin: Math.min(...midRuns.map((t) => t.cpuSeconds ?? Number.NaN)), peakRssMb: midRuns[0].peakRssMb,
};

step(`synthetic data: ${people} people (src/synth), cached in ${cache}`);
const synth = await prepareSynthData(people, 1, cache);
step(`million-record run: ${synth.records} records`);
const synthOut = join(work, 'synth.csv');
const synthModel = join(work, 'synth-model.json');
const million = docket(['resolve', ...synth.files, '--id', 'record_key', '--out', synthOut, '--save-model', synthModel]);
const millionMetrics = evaluate(synthOut, synth.truth);

step('incremental matching against the million-record index');
const incrementalRun = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/linkage/incremental.ts', synthModel, synthOut, ...synth.files], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
if (incrementalRun.status !== 0) throw new Error(`incremental benchmark failed:\n${incrementalRun.stderr}`);
const incremental = JSON.parse(incrementalRun.stdout.trim().split('\n').pop() ?? '{}') as IncrementalResult;

const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version, loadAverageBefore: loadBefore, loadAverage: loadavg() },
  startupSeconds: { min: Math.min(...startupRuns), median: median(startupRuns) },
  bareNodeSeconds: { min: Math.min(...nodeRuns), median: median(nodeRuns) },
  febrl: febrlResults,
  fiftyThousand: midResult,
  million: {
    people, records: synth.records, seconds: million.seconds, cpuSeconds: million.cpuSeconds, peakRssMb: million.peakRssMb, summary: million.summary,
    f1: millionMetrics.f1, precision: millionMetrics.precision, recall: millionMetrics.recall, truePairs: millionMetrics.truePairs, predictedPairs: millionMetrics.predictedPairs,
  },
  incremental,
  targets: { febrl3F1: 0.998, febrl4F1: 0.9995, febrl4Seconds: 0.3, fiftyThousandSeconds: 1.1, millionSeconds: 30, millionRssMb: 4096, incrementalP99Ms: 5 },
};

const resultsDir = join(root, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'linkage.json'), `${JSON.stringify(results, null, 2)}\n`);

const [f3, f4] = febrlResults;
const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
const md = `# Entity resolution benchmark

${results.date} · ${results.machine.cpus} × ${results.machine.model} · Node ${results.machine.node} · load average (1 / 5 / 15 min) before ${loadBefore.map((x) => x.toFixed(1)).join(' / ')}, at the end ${results.machine.loadAverage.map((x) => x.toFixed(1)).join(' / ')}

Every figure times the real command, \`node bin/docket.js resolve …\`, from outside the process. One set of defaults, no labels; the threshold is the tool's own (match probability ½).

| | records | F1 | precision | recall | wall seconds (min / median of ${runs}) | CPU seconds, all threads (min) | peak RSS | target |
|---|---:|---:|---:|---:|---:|---:|---:|---|
| FEBRL3 dedupe | 5,000 | ${f3.f1.toFixed(5)} | ${f3.precision.toFixed(5)} | ${f3.recall.toFixed(5)} | ${f3.secondsMin.toFixed(3)} / ${f3.secondsMedian.toFixed(3)} | ${f3.cpuSecondsMin.toFixed(2)} | ${f3.peakRssMb?.toFixed(0) ?? '?'} MB | F1 ≥ 0.998: ${mark(f3.f1 >= 0.998)} |
| FEBRL4 link | 10,000 | ${f4.f1.toFixed(5)} | ${f4.precision.toFixed(5)} | ${f4.recall.toFixed(5)} | ${f4.secondsMin.toFixed(3)} / ${f4.secondsMedian.toFixed(3)} | ${f4.cpuSecondsMin.toFixed(2)} | ${f4.peakRssMb?.toFixed(0) ?? '?'} MB | F1 ≥ 0.9995: ${mark(f4.f1 >= 0.9995)}; ≤ 0.3 s: ${mark(f4.secondsMin <= 0.3)} |
| synthetic immigration records (${midPeople.toLocaleString('en')} people) | ${mid.records.toLocaleString('en')} | ${midResult.f1.toFixed(4)} | ${midResult.precision.toFixed(4)} | ${midResult.recall.toFixed(4)} | ${midResult.secondsMin.toFixed(2)} / ${midResult.secondsMedian.toFixed(2)} | ${midResult.cpuSecondsMin.toFixed(2)} | ${midResult.peakRssMb?.toFixed(0) ?? '?'} MB | < 1.1 s (a tenth of Splink's 11 s for 50,000): ${mark(midResult.secondsMin < 1.1)} |
| synthetic immigration records (${people.toLocaleString('en')} people) | ${synth.records.toLocaleString('en')} | ${millionMetrics.f1.toFixed(4)} | ${millionMetrics.precision.toFixed(4)} | ${millionMetrics.recall.toFixed(4)} | ${million.seconds.toFixed(1)} | ${million.cpuSeconds?.toFixed(1) ?? '?'} | ${million.peakRssMb?.toFixed(0) ?? '?'} MB | < 30 s: ${mark(million.seconds < 30)}; < 4 GB: ${mark((million.peakRssMb ?? Infinity) < 4096)} |

- Start-up, \`node bin/docket.js --help\`: ${results.startupSeconds.min.toFixed(3)} s (min), ${results.startupSeconds.median.toFixed(3)} s (median); bare \`node -e 0\` on the machine at the same time: ${results.bareNodeSeconds.min.toFixed(3)} s (min). The machine is shared: when bare Node takes several times its quiet ~0.05 s, every wall time here is inflated likewise.
- FEBRL errors: FEBRL3 ${f3.falsePositives} false-positive and ${f3.falseNegatives} false-negative pairs; FEBRL4 ${f4.falsePositives} and ${f4.falseNegatives}.
- Million-record run: ${million.summary.replace('docket resolve: ', '')}.
- Incremental, one record against the ${incremental.records.toLocaleString('en')}-record index (${incremental.probes} probes, each an indexed record with one letter of the given name changed): p50 ${incremental.p50Ms.toFixed(2)} ms, p95 ${incremental.p95Ms.toFixed(2)} ms, p99 ${incremental.p99Ms.toFixed(2)} ms (target < 5 ms: ${mark(incremental.p99Ms < 5)}); same entity as the batch for ${(100 * incremental.sameEntity).toFixed(1)} %; index built in ${incremental.buildSeconds.toFixed(1)} s, peak RSS ${incremental.peakRssMb.toFixed(0)} MB.

Reference points on these machines: Python Record Linkage Toolkit FEBRL4 ≈ 3 s; Splink 4 ≈ 6 s on FEBRL4 with F1 0.9971 (FEBRL3) / 0.9992 (FEBRL4) at its best threshold chosen with the labels; Splink 4 on a million immigration-style records: 230 s, 11.5 GB, F1 0.88 (its own generator, not this one).
`;
writeFileSync(join(resultsDir, 'linkage.md'), md);
rmSync(work, { recursive: true, force: true });
step(md);
