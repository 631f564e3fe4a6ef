/**
 * Incremental matching against a million-record index (run by bench/linkage.ts in its own
 * process): loads the records, indexes them with the model and entities the batch run wrote,
 * then times `match` for perturbed copies of indexed records. Prints one JSON line.
 *
 *   node --import tsx bench/linkage/incremental.ts MODEL.json CLUSTERS.csv FILE.csv...
 */
import { readFileSync } from 'node:fs';
import { decodeCsv, parseCsv } from '../../src/cli/resolve/csv.js';
import { loadRecords } from '../../src/cli/resolve/load-records.js';
import { IncrementalIndex, LinkageModel } from '../../src/linkage/index.js';
import { seededRandom } from '../../src/linkage/model/random.js';

if (process.argv.length < 5) {
  process.stderr.write('usage: incremental.ts MODEL.json CLUSTERS.csv FILE.csv...\n');
  process.exit(2);
}
const [modelPath, clustersPath, ...files] = process.argv.slice(2);
const probes = Number(process.env['BENCH_PROBES'] ?? 2000);

const model = LinkageModel.fromJSON(JSON.parse(readFileSync(modelPath, 'utf8')));
const started = performance.now();
const { dataset } = loadRecords(files, 'record_key', undefined);
const entityOf = new Map<string, number>();
parseCsv(decodeCsv(readFileSync(clustersPath), clustersPath), clustersPath, (fields) => {
  entityOf.set(fields[1], Number(fields[2].slice(1)));
});
const entities = dataset.ids.map((id) => entityOf.get(id) ?? -1);
const index = IncrementalIndex.build(dataset, model, entities);
const buildSeconds = (performance.now() - started) / 1000;
// Steady state: the garbage of loading and indexing is collected before timing (run with --expose-gc).
(globalThis as { gc?: () => void }).gc?.();

// Probes: indexed records with one letter of the given name changed, values in schema order.
const random = seededRandom(99);
const schema = dataset.schema;
const firstColumn = new Map(dataset.features.map((f, i) => [f.columns[0], i]));
const given = dataset.featureIndex('given');
const times: number[] = [];
let found = 0;
// The first probes warm the code up; they are matched but not timed.
const warmUp = Math.min(500, probes);
for (let p = -warmUp; p < probes; p++) {
  const record = Math.floor(random() * dataset.size);
  const values = schema.map((field) => {
    const f = firstColumn.get(field.column);
    return f === undefined ? undefined : dataset.value(f, record);
  });
  const g = given >= 0 ? schema.findIndex((field) => field.column === dataset.features[given].columns[0]) : -1;
  const name = g >= 0 ? values[g] : undefined;
  if (g >= 0 && name !== undefined && name.length > 3) values[g] = `${name.slice(0, 2)}x${name.slice(3)}`;
  const t = performance.now();
  const match = index.match(`probe-${String(p)}`, 'probe', values);
  if (p < 0) continue;
  times.push(performance.now() - t);
  if (match.entity === entities[record]) found++;
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
process.stdout.write(`${JSON.stringify({
  records: dataset.size,
  buildSeconds,
  probes,
  sameEntity: found / probes,
  p50Ms: at(0.5),
  p95Ms: at(0.95),
  p99Ms: at(0.99),
  maxMs: times[times.length - 1],
  peakRssMb: process.resourceUsage().maxRSS / 1024,
})}\n`);
