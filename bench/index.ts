// `npm run bench [name…]`: builds Docket, then runs each benchmark in its own process, one after
// another (two cores: running them side by side would measure the neighbour). Each writes
// bench/results/<name>.json and .md; this prints where they are.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const all = ['synth', 'linkage', 'ingest', 'search', 'status'];
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark ${unknown.join(', ')}; choose from ${all.join(', ')}\n`);
  process.exit(2);
}

const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let failed = 0;
for (const name of chosen.length > 0 ? chosen : all) {
  const script = `bench/${name}.ts`;
  if (!existsSync(`${root}${script}`)) {
    process.stdout.write(`- ${name}: no benchmark yet\n`);
    continue;
  }
  process.stdout.write(`\n=== ${name} ===\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
  process.stdout.write(`- ${name}: ${run.status === 0 ? 'done' : `failed (exit ${String(run.status)})`}; results in bench/results/${name}.md\n`);
}
process.exit(failed === 0 ? 0 : 1);
