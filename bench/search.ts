/**
 * Search benchmark: 1,000,000 synthetic person records in the search index, 50 concurrent
 * clients against the real HTTP server on loopback (session cookie, purpose of use, ledger
 * entry per search, as in production), measured with autocannon.
 *
 *   node --max-old-space-size=8192 --import tsx bench/search.ts
 *
 * BENCH_RECORDS, BENCH_CONNECTIONS and BENCH_SECONDS change the size of the run; BENCH_PROFILE=DIR writes a CPU
 * profile of the server's main thread over the measurement into DIR. Writes
 * bench/results/search.json and bench/results/search.md. The server runs in a child process,
 * so the load generator does not share its event loop.
 */
import { fork } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { PersonRecord } from '../src/core/records/index.js';
import type { IndexedRecord } from '../src/server/search/search-index.js';
import { buildApp } from '../src/server/app.js';
import { demoAccounts, seedDemoAccounts } from '../src/server/auth/demo-accounts.js';
import { Fixture } from '../src/server/testing/fixtures.js';
import { LedgerStore, Store } from '../src/store/index.js';
import { originTable } from '../src/synth/origins.js';
import { Random } from '../src/synth/random.js';
import type { NamePart } from '../src/synth/names/name-token.js';

const records = Number(process.env['BENCH_RECORDS'] ?? 1_000_000);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const seconds = Number(process.env['BENCH_SECONDS'] ?? 20);
/** Search threads, two as `docket serve` has on two cores; BENCH_SEARCH_THREADS=0 keeps the index in the server's thread. */
const searchThreads = Number(process.env['BENCH_SEARCH_THREADS'] ?? 2);
const searchThread = searchThreads > 0;
const queriesWanted = 5_000;

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}

function summarize(samples: number[]): { count: number; p50: number; p95: number; p99: number; max: number; mean: number } {
  const sorted = Float64Array.from(samples).sort();
  const mean = samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length);
  const round = (v: number): number => Math.round(v * 100) / 100;
  return { count: samples.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? 0), mean: round(mean) };
}

const spell = (parts: readonly NamePart[], random: Random, variant: boolean): string =>
  parts.map((p) => (variant ? random.pick(p.token.forms) : p.token.render(p.form, 'title-unicode'))).join(' ');

function digits(random: Random, layout: string): string {
  let out = '';
  for (const ch of layout) out += ch === '#' ? String(random.between(0, 9)) : ch === 'L' ? String.fromCharCode(65 + random.between(0, 25)) : ch === 'X' ? String(random.between(0, 9)) : ch;
  return out;
}

/**
 * People from the generator's name cultures; each person has two records, the second spelled
 * with another transliteration of each name, so search meets the variants it must bridge.
 */
function* people(count: number, random: Random): Generator<{ entity: number; record: PersonRecord; query: string | undefined }> {
  for (let i = 0; i < count; i++) {
    const entity = Math.floor(i / 2) + 1;
    const second = i % 2 === 1;
    const origin = originTable.sample(random);
    const sex = random.chance(0.5) ? 'F' : 'M';
    const name = origin.culture.name(random, sex, {}, origin.regions.sample(random));
    const dob = `${random.between(1940, 2010)}-${String(random.between(1, 12)).padStart(2, '0')}-${String(random.between(1, 28)).padStart(2, '0')}`;
    const passport = digits(random, origin.passport);
    const record: PersonRecord = {
      name: { given: spell(name.given, random, second), ...(name.middle.length > 0 ? { middle: spell(name.middle, random, second) } : {}), surname: spell(name.surname, random, second) },
      aliases: [],
      dateOfBirth: dob,
      sex,
      countryOfBirth: origin.code,
      citizenships: [origin.code],
      documents: [{ kind: 'passport', number: passport, issuingCountry: origin.code }],
      addresses: [],
      events: [],
    };
    // Every 200th record gives a query: a variant spelling, a document number, a surname with a date, or a prefix.
    let query: string | undefined;
    if (i % 200 === 0) {
      const given = random.pick(name.given[0]?.token.forms ?? ['']);
      const surname = random.pick(name.surname.at(-1)?.token.forms ?? ['']);
      const kind = random.between(0, 3);
      query = kind === 0 ? `${given} ${surname}` : kind === 1 ? passport : kind === 2 ? `${surname} ${dob}` : `${given} ${surname.slice(0, Math.max(3, surname.length - 2))}`;
    }
    yield { entity, record, query };
  }
}

/** CPU time of this process's main thread alone (Linux: /proc counts it in clock ticks of 10 ms); elsewhere undefined. */
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

interface ServerReady {
  readonly port: number;
  readonly cookie: string;
  readonly queries: readonly string[];
  readonly indexSeconds: number;
  readonly heapMb: number;
  readonly engine: ReturnType<typeof summarize>;
  readonly engineRoundTrip: ReturnType<typeof summarize>;
  readonly found: number;
  readonly backend: string;
}

/** The child: a store, the index over the synthetic records, and the server listening on loopback. */
async function serve(): Promise<void> {
  const home = await mkdtemp(join(tmpdir(), 'docket-bench-search-'));
  const store = await Store.open({ kind: 'pglite', home });
  const fixture = new Fixture(store.db);
  const sourceId = await fixture.source('bench-arrivals', 'travel-records', ['case-processing', 'identity-resolution'], '8 U.S.C. 1365b');
  await seedDemoAccounts(store);
  const app = buildApp({ store, searchThreads, onError: (e) => { say(`server error: ${String(e)}`); } });
  await app.ready();

  say(`indexing ${records.toLocaleString('en-US')} synthetic records…`);
  const random = new Random(20_251_129);
  const queries: string[] = [];
  const started = performance.now();
  let n = 0;
  let batch: IndexedRecord[] = [];
  for (const p of people(records, random)) {
    batch.push({ recordId: ++n, entityId: p.entity, sourceId, record: p.record });
    if (batch.length === 5_000) {
      app.context.search.addRecords(batch);
      batch = [];
    }
    if (p.query !== undefined && queries.length < queriesWanted) queries.push(p.query);
    if (n % 200_000 === 0) say(`  ${n.toLocaleString('en-US')} indexed`);
  }
  app.context.search.addRecords(batch);
  // The first answer comes once every record before it is indexed (the engine applies messages in order).
  await app.context.search.search('warm', 'case-processing', 1);
  const indexSeconds = (performance.now() - started) / 1000;
  // Resident memory: the index may be in the search thread's heap rather than this one's.
  const heapMb = Math.round(process.memoryUsage().rss / 1_048_576);
  say(`indexed in ${indexSeconds.toFixed(1)} s, resident memory ${heapMb} MB; ${queries.length} queries`);

  // The engine alone, one query at a time, for comparison with the HTTP figures: its own time,
  // and the round trip to it (to the search thread and back, when it has one).
  const engine: number[] = [];
  const roundTrip: number[] = [];
  let found = 0;
  for (const q of queries) {
    const t0 = performance.now();
    const answer = await app.context.search.search(q, 'case-processing', 20);
    roundTrip.push(performance.now() - t0);
    engine.push(answer.engineMs);
    if (answer.personIds.length > 0) found++;
  }

  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const address = app.http.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const base = `http://127.0.0.1:${port}`;
  const officer = demoAccounts.find((a) => a.role === 'field-officer');
  if (officer === undefined) throw new Error('no field officer demo account');
  const signIn = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: officer.username, password: officer.password }) });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = await signIn.json() as { csrfToken: string };
  const purpose = await fetch(`${base}/api/session/purpose`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify({ purpose: 'case-processing' }) });
  if (purpose.status !== 200) throw new Error(`declaring a purpose answered ${purpose.status}`);

  const ready: ServerReady = { port, cookie, queries, indexSeconds, heapMb, engine: summarize(engine), engineRoundTrip: summarize(roundTrip), found, backend: store.db.dialect };
  process.send?.({ kind: 'ready', ready });
  // BENCH_PROFILE=DIR: a CPU profile of the server's main thread over the measurement only (not the indexing).
  const profileDir = process.env['BENCH_PROFILE'];
  const inspector = profileDir === undefined ? undefined : new Session();
  process.on('message', (message: { kind: string }) => {
    if (message.kind === 'cpu') {
      process.send?.({ kind: 'cpu-usage', usage: process.cpuUsage(), mainThreadMs: mainThreadCpuMs() });
      return;
    }
    if (message.kind === 'profile-start' && inspector !== undefined) {
      void (async () => {
        inspector.connect();
        await inspector.post('Profiler.enable');
        await inspector.post('Profiler.start');
        process.send?.({ kind: 'profiling' });
      })();
      return;
    }
    if (message.kind === 'profile-stop' && inspector !== undefined && profileDir !== undefined) {
      void (async () => {
        const { profile } = await inspector.post('Profiler.stop');
        const file = join(profileDir, `search-server-${searchThread ? 'thread' : 'in-thread'}-${Date.now()}.cpuprofile`);
        await mkdir(profileDir, { recursive: true });
        await writeFile(file, JSON.stringify(profile));
        inspector.disconnect();
        process.send?.({ kind: 'profiled', file });
      })();
      return;
    }
    if (message.kind !== 'stop') return;
    void (async () => {
      // Entries written together share one timestamp: the distinct ones count the group commits.
      const counted = (await store.db.query<{ n: number; commits: number }>(`SELECT count(*)::int AS n, count(DISTINCT at)::int AS commits FROM audit_ledger WHERE action = 'person.search'`)).at(0);
      const ledger = { entries: counted?.n ?? 0, commits: counted?.commits ?? 0, chain: (await LedgerStore.verify(store.db)).kind };
      await app.close();
      await store.close();
      await rm(home, { recursive: true, force: true });
      process.send?.({ kind: 'stopped', ledger }, () => process.exit(0));
    })();
  });
}

/** The parent: starts the server, drives it with autocannon, writes the report. */
async function drive(): Promise<void> {
  const child = fork(new URL(import.meta.url).pathname, [], { env: { ...process.env, BENCH_ROLE: 'server' }, execArgv: ['--max-old-space-size=8192', '--import', 'tsx'] });
  const next = <T>(kind: string): Promise<T> => new Promise((resolve, reject) => {
    const onMessage = (message: { kind: string } & Record<string, unknown>): void => {
      if (message.kind === kind) {
        child.off('message', onMessage);
        resolve(message as T);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => { reject(new Error(`the server process exited (${code ?? 'signal'})`)); });
  });
  const { ready } = await next<{ ready: ServerReady }>('ready');
  const base = `http://127.0.0.1:${ready.port}`;
  say(`engine alone: p50 ${ready.engine.p50} ms, p95 ${ready.engine.p95} ms, p99 ${ready.engine.p99} ms, mean ${ready.engine.mean} ms (round trip p50 ${ready.engineRoundTrip.p50} ms, mean ${ready.engineRoundTrip.mean} ms); ${((ready.found / ready.queries.length) * 100).toFixed(1)} % of queries found someone`);

  let cursor = 0;
  const paths = ready.queries.map((q) => `/api/search?q=${encodeURIComponent(q)}&limit=20`);
  const run = (duration: number, latencies: number[] | undefined): Promise<autocannon.Result> => new Promise((resolve, reject) => {
    const instance = autocannon({
      url: base,
      connections,
      duration,
      headers: { cookie: ready.cookie },
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[cursor++ % paths.length] ?? '/api/health' }) }],
    }, (error, result) => {
      if (error !== null && error !== undefined) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(result);
    });
    if (latencies !== undefined) instance.on('response', (_client, _status, _bytes, responseTime) => { latencies.push(responseTime); });
  });

  say(`warming up (3 s, ${connections} connections)…`);
  await run(3, undefined);
  say(`measuring (${seconds} s, ${connections} connections)…`);
  const latencies: number[] = [];
  // The machine is shared: the load average says how much else was running.
  const loadBefore = loadavg()[0] ?? 0;
  // CPU time of the server process and of this (load-generating) process over the measurement.
  const serverCpu = async (): Promise<{ all: number; main: number | undefined }> => {
    const usage = next<{ usage: NodeJS.CpuUsage; mainThreadMs: number | undefined }>('cpu-usage');
    child.send({ kind: 'cpu' });
    const { usage: u, mainThreadMs } = await usage;
    return { all: (u.user + u.system) / 1000, main: mainThreadMs };
  };
  const profiling = process.env['BENCH_PROFILE'] !== undefined;
  if (profiling) {
    const started = next('profiling');
    child.send({ kind: 'profile-start' });
    await started;
  }
  const serverBefore = await serverCpu();
  const clientBefore = process.cpuUsage();
  const result = await run(seconds, latencies);
  const clientUsage = process.cpuUsage(clientBefore);
  const serverAfter = await serverCpu();
  const serverMs = serverAfter.all - serverBefore.all;
  const mainMs = serverAfter.main === undefined || serverBefore.main === undefined ? undefined : serverAfter.main - serverBefore.main;
  if (profiling) {
    const profiled = next<{ file: string }>('profiled');
    child.send({ kind: 'profile-stop' });
    say(`CPU profile of the server's main thread: ${(await profiled).file}`);
  }
  const clientMs = (clientUsage.user + clientUsage.system) / 1000;
  const loadAfter = loadavg()[0] ?? 0;
  const http = summarize(latencies);
  const stopped = next<{ ledger: { entries: number; commits: number; chain: string } }>('stopped');
  child.send({ kind: 'stop' });
  const { ledger } = await stopped;

  const report = {
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 1_073_741_824), node: process.version, loadAverageBefore: Math.round(loadBefore * 100) / 100, loadAverageAfter: Math.round(loadAfter * 100) / 100 },
    records,
    persons: Math.ceil(records / 2),
    indexSeconds: Math.round(ready.indexSeconds * 10) / 10,
    residentMb: ready.heapMb,
    searchThreads,
    distinctQueries: ready.queries.length,
    connections,
    seconds,
    backend: ready.backend,
    http: { ...http, requestsPerSecond: Math.round(result.requests.average), non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts },
    engine: ready.engine,
    engineRoundTrip: ready.engineRoundTrip,
    cpuMsPerRequest: {
      server: Math.round((serverMs / Math.max(1, result.requests.total)) * 1000) / 1000,
      serverMainThread: mainMs === undefined ? null : Math.round((mainMs / Math.max(1, result.requests.total)) * 1000) / 1000,
      loadGenerator: Math.round((clientMs / Math.max(1, result.requests.total)) * 1000) / 1000 },
    cpuCoresBusy: {
      server: Math.round((serverMs / (seconds * 1000)) * 100) / 100,
      serverMainThread: mainMs === undefined ? null : Math.round((mainMs / (seconds * 1000)) * 100) / 100,
      loadGenerator: Math.round((clientMs / (seconds * 1000)) * 100) / 100 },
    queriesWithHits: ready.found,
    ledgerEntriesForSearches: ledger.entries,
    ledgerCommitsForSearches: ledger.commits,
    ledgerChain: ledger.chain,
    target: { p95Ms: 25 },
    meetsTarget: http.p95 < 25 && result.non2xx === 0 && result.errors === 0,
  };
  const e = ready.engine;
  await mkdir(join(process.cwd(), 'bench', 'results'), { recursive: true });
  await writeFile(join(process.cwd(), 'bench', 'results', 'search.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(process.cwd(), 'bench', 'results', 'search.md'), [
    '# Search benchmark',
    '',
    `${records.toLocaleString('en-US')} synthetic person records (${report.persons.toLocaleString('en-US')} people, two spellings each) in the search index;`,
    `${connections} concurrent clients (autocannon, in its own process) for ${seconds} s against \`GET /api/search\` on 127.0.0.1, each request with a session cookie and a declared purpose,`,
    `each search written to the audit ledger (${report.backend}) before it is answered. ${report.distinctQueries.toLocaleString('en-US')} distinct queries: variant spellings, document numbers, surname with date of birth, prefixes.`,
    '',
    '| measure | p50 | p95 | p99 | max | mean |',
    '|---|---|---|---|---|---|',
    `| HTTP latency (ms) | ${http.p50} | ${http.p95} | ${http.p99} | ${http.max} | ${http.mean} |`,
    `| engine alone, its own time, one query at a time (ms) | ${e.p50} | ${e.p95} | ${e.p99} | ${e.max} | ${e.mean} |`,
    `| engine alone, round trip${searchThread ? ' to a search thread' : ''} (ms) | ${ready.engineRoundTrip.p50} | ${ready.engineRoundTrip.p95} | ${ready.engineRoundTrip.p99} | ${ready.engineRoundTrip.max} | ${ready.engineRoundTrip.mean} |`,
    '',
    `Throughput ${report.http.requestsPerSecond.toLocaleString('en-US')} requests/s; ${http.count.toLocaleString('en-US')} requests measured, ${result.non2xx} not 2xx, ${result.errors} errors, ${result.timeouts} timeouts; ${ledger.entries.toLocaleString('en-US')} search entries in the ledger (warm-up included), written in ${ledger.commits.toLocaleString('en-US')} commits (${(ledger.entries / Math.max(1, ledger.commits)).toFixed(1)} a commit); the chain verifies: ${ledger.chain === 'intact' ? 'yes' : `NO (${ledger.chain})`}.`,
    `Index built in ${report.indexSeconds} s, resident memory ${report.residentMb} MB; search ${searchThread ? `in ${searchThreads} thread${searchThreads === 1 ? '' : 's'} of its own, each with the whole index` : 'in the server thread'}. Target p95 < 25 ms: ${report.meetsTarget ? 'met' : 'NOT met'}.`,
    `CPU per request: server ${report.cpuMsPerRequest.server} ms (all its threads: the main thread, which serves HTTP, sessions and the ledger, ${report.cpuMsPerRequest.serverMainThread ?? 'not measured'} ms; the others, the search thread${searchThreads === 1 ? '' : 's'}${searchThread ? '' : ' (none here)'} and the runtime's helpers, the rest), load generator ${report.cpuMsPerRequest.loadGenerator} ms; cores busy: server ${report.cpuCoresBusy.server} (main thread ${report.cpuCoresBusy.serverMainThread ?? 'not measured'}), load generator ${report.cpuCoresBusy.loadGenerator}.`,
    `Machine: ${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memoryGb} GB, Node ${report.machine.node}; load average ${report.machine.loadAverageBefore} before and ${report.machine.loadAverageAfter} after the measurement (the server and autocannon need about 2). Measured ${report.at}.`,
    '',
  ].join('\n'));
  say(`HTTP: p50 ${http.p50} ms, p95 ${http.p95} ms, p99 ${http.p99} ms at ${report.http.requestsPerSecond} req/s (${result.non2xx} non-2xx, ${result.errors} errors)`);
  say(`CPU per request: server ${report.cpuMsPerRequest.server} ms (main thread ${report.cpuMsPerRequest.serverMainThread ?? '?'} ms), load generator ${report.cpuMsPerRequest.loadGenerator} ms; cores busy: server ${report.cpuCoresBusy.server}, load generator ${report.cpuCoresBusy.loadGenerator}; load average ${report.machine.loadAverageBefore} → ${report.machine.loadAverageAfter}`);
}

if (process.env['BENCH_ROLE'] === 'server') await serve();
else await drive();
