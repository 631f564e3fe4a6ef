/**
 * Synthetic-data benchmark: generates 100,000 and 1,000,000 people (CSV, default error rates,
 * worker threads as `docket demo generate` uses them), each in its own process so peak memory
 * is measured per run. Target: a million people in under a minute on two cores.
 *
 *   node --import tsx bench/synth.ts
 *
 * BENCH_PEOPLE (comma-separated) changes the sizes. Writes bench/results/synth.json and
 * bench/results/synth.md; the generated files go to a temporary folder and are removed.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GenerateSummary } from '../src/synth/index.js';

interface Measurement {
  readonly people: number;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
  readonly sourceRows: number;
  readonly rowsPerSecond: number;
  readonly outputMb: number;
  readonly files: GenerateSummary['files'];
}

const TARGET_SECONDS = 60;

/** One run in this process (the child side). */
async function child(people: number, outDir: string): Promise<void> {
  const { generate } = await import('../src/synth/index.js');
  const started = performance.now();
  const summary = await generate({ people, seed: 2025, outDir });
  const wallSeconds = (performance.now() - started) / 1000;
  const usage = process.resourceUsage();
  const measurement: Measurement = {
    people, wallSeconds, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peakRssMb: usage.maxRSS / 1024,
    sourceRows: summary.sourceRows, rowsPerSecond: summary.sourceRows / wallSeconds,
    outputMb: summary.files.reduce((sum, file) => sum + file.bytes, 0) / 1e6, files: summary.files,
  };
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0] ?? 0;
  const sizes = (process.env['BENCH_PEOPLE'] ?? '100000,1000000').split(',').map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
  const script = fileURLToPath(import.meta.url);
  const results: Measurement[] = [];
  for (const people of sizes) {
    const outDir = await mkdtemp(join(tmpdir(), 'docket-bench-synth-'));
    try {
      process.stderr.write(`generating ${people} people…\n`);
      const run = spawnSync(process.execPath, ['--import', 'tsx', script, '--child', String(people), outDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
      if (run.status !== 0) throw new Error(`the run for ${people} people failed (exit ${String(run.status)})`);
      const measurement = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Measurement;
      results.push(measurement);
      process.stderr.write(`  ${round(measurement.wallSeconds)} s, ${Math.round(measurement.rowsPerSecond)} rows/s, peak ${Math.round(measurement.peakRssMb)} MB, ${Math.round(measurement.outputMb)} MB written\n`);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  }

  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', availableParallelism: availableParallelism(), memoryGb: round(totalmem() / 2 ** 30), node: process.version };
  const largest = results.at(-1);
  const million = results.find((r) => r.people === 1_000_000);
  const json = {
    benchmark: 'synth', date: new Date().toISOString(), machine, loadAverageAtStart: round(loadAtStart), targetSeconds: TARGET_SECONDS,
    metTarget: million === undefined ? null : million.wallSeconds < TARGET_SECONDS,
    runs: results.map((r) => ({ ...r, wallSeconds: round(r.wallSeconds, 2), cpuSeconds: round(r.cpuSeconds, 2), peakRssMb: round(r.peakRssMb), rowsPerSecond: Math.round(r.rowsPerSecond), outputMb: round(r.outputMb) })),
  };
  const lines = [
    '# Synthetic data generator benchmark',
    '',
    `\`node --import tsx bench/synth.ts\` on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}; ${json.date}. CSV, default error rates, seed 2025, worker threads as the CLI uses them; each size in its own process. Wall time includes writing every file; CPU time is all threads together.`,
    '',
    '| people | wall (s) | CPU (s) | source rows | rows/s | peak RSS (MB) | output (MB) |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...json.runs.map((r) => `| ${r.people.toLocaleString('en-US')} | ${r.wallSeconds} | ${r.cpuSeconds} | ${r.sourceRows.toLocaleString('en-US')} | ${r.rowsPerSecond.toLocaleString('en-US')} | ${r.peakRssMb} | ${r.outputMb} |`),
    '',
    json.metTarget === null
      ? `Target: ${TARGET_SECONDS} s for 1,000,000 people on two cores — not measured (no run of 1,000,000).`
      : `Target: ${TARGET_SECONDS} s for 1,000,000 people on two cores — ${json.metTarget ? 'met' : 'NOT met'} in this run (load average at the start: ${loadAtStart.toFixed(1)} on ${machine.cpus} cores; other work on the machine slows it).`,
    '',
    ...(largest === undefined ? [] : [
      `Files for ${largest.people.toLocaleString('en-US')} people:`,
      '',
      '| file | rows | MB |',
      '|---|---:|---:|',
      ...largest.files.map((file) => `| ${file.file} | ${file.rows.toLocaleString('en-US')} | ${round(file.bytes / 1e6)} |`),
    ]),
    '',
  ];
  const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
  await mkdir(resultsDir, { recursive: true });
  await writeFile(join(resultsDir, 'synth.json'), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(join(resultsDir, 'synth.md'), lines.join('\n'));
  process.stdout.write(`${lines.join('\n')}\n`);
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) await child(Number(process.argv[childAt + 1]), process.argv[childAt + 2] ?? '');
else await main();
