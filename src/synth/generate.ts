import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { DocketError } from '../core/errors/index.js';
import type { LegalStatusKind } from '../core/records/index.js';
import type { ChunkOutput } from './chunk-builder.js';
import { ChunkBuilder } from './chunk-builder.js';
import { chunkPlans } from './chunk-plan.js';
import { ChunkPool } from './chunk-pool.js';
import type { SourceId } from './emission.js';
import type { GenerateOptionsInput, GenerateProgress } from './generate-options.js';
import { resolveOptions } from './generate-options.js';
import type { ErrorRates } from './noise.js';
import { FileSink } from './output/file-sink.js';
import { ErrorStats } from './record-writer.js';
import type { OutputFormat } from './source-catalog.js';
import { SOURCE_DEFINITIONS, sourceCatalog } from './source-catalog.js';

const encoder = new TextEncoder();

/** People per chunk: large enough to shuffle rows well and write in big blocks, small enough to keep memory flat. */
export const CHUNK_PEOPLE = 4096;

/** The version of the generator's output; it changes whenever the same seed would give different files. */
export const GENERATOR_VERSION = 2;

export interface GenerateOptions extends GenerateOptionsInput {
  /** Called after each chunk is written. */
  readonly onProgress?: (progress: GenerateProgress) => void;
  /**
   * Worker threads that build chunks (0 builds them on this thread). The files are the same for
   * any number. Default: one per core, up to four, from 50,000 people.
   */
  readonly workers?: number;
}

export interface GeneratedFile {
  /** The source, or `truth-people` / `truth-records`. */
  readonly kind: SourceId | 'truth-people' | 'truth-records';
  /** Path relative to the output folder. */
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
}

/** What a run wrote (also saved as manifest.json in the output folder). */
export interface GenerateSummary {
  readonly generatorVersion: number;
  readonly seed: string;
  readonly people: number;
  readonly households: number;
  readonly asOf: string;
  readonly format: OutputFormat;
  readonly outDir: string;
  readonly elapsedMs: number;
  readonly sourceRows: number;
  readonly files: readonly GeneratedFile[];
  /** True legal status on the as-of date, by kind. */
  readonly statuses: Readonly<Partial<Record<LegalStatusKind, number>>>;
  /** People by truth fact. */
  readonly facts: Readonly<Record<string, number>>;
  readonly peopleWithoutRecords: number;
  readonly errorRates: Readonly<Partial<Record<SourceId, ErrorRates>>>;
  /** Per source and error kind: rows where it could happen and rows that carry it. */
  readonly errors: Readonly<Record<string, Record<string, { applicable: number; injected: number }>>>;
}

/**
 * Writes synthetic source files and ground truth for `people` people into `outDir`, streaming
 * chunk by chunk so memory stays flat from a thousand people to twenty million.
 *
 * @example await generate({ people: 10_000, seed: 7, outDir: 'demo-data' })
 */
export async function generate(options: GenerateOptions): Promise<GenerateSummary> {
  const resolved = resolveOptions(options);
  const started = performance.now();
  const extension = resolved.format === 'csv' ? 'csv' : 'ndjson';
  try {
    await mkdir(join(resolved.outDir, 'truth'), { recursive: true });
  } catch (error) {
    throw new DocketError('io', `cannot create the output folder ${resolved.outDir}`, { hint: 'choose a folder you can write to', cause: error });
  }
  const builder = new ChunkBuilder(resolved);
  const headers = builder.headers();
  const sinks = new Map<SourceId, FileSink>();
  const opened: FileSink[] = [];
  try {
    for (const source of SOURCE_DEFINITIONS) {
      const sink = await FileSink.create(join(resolved.outDir, `${source.stem}.${extension}`));
      opened.push(sink);
      sinks.set(source.id, sink);
      await sink.write(encoder.encode(headers.sources.get(source.id) ?? ''), 0);
    }
    const peopleSink = await FileSink.create(join(resolved.outDir, 'truth', `people.${extension}`));
    opened.push(peopleSink);
    const recordSink = await FileSink.create(join(resolved.outDir, 'truth', `records.${extension}`));
    opened.push(recordSink);
    await peopleSink.write(encoder.encode(headers.people), 0);
    await recordSink.write(encoder.encode(headers.records), 0);

    const stats = new ErrorStats();
    const statuses: Partial<Record<LegalStatusKind, number>> = {};
    const facts: Record<string, number> = {};
    let households = 0;
    let person = 0;
    let rows = 0;
    let withoutRecords = 0;
    const write = async (output: ChunkOutput): Promise<void> => {
      const writes: Promise<void>[] = [];
      for (const [id, part] of output.sources) {
        const sink = sinks.get(id);
        if (sink !== undefined) writes.push(sink.write(part.bytes, part.rows));
        rows += part.rows;
      }
      writes.push(peopleSink.write(output.people.bytes, output.people.rows), recordSink.write(output.records.bytes, output.records.rows));
      await Promise.all(writes);
      person += output.people.rows;
      withoutRecords += output.withoutRecords;
      stats.add(output.errors);
      for (const [status, count] of output.statuses) statuses[status] = (statuses[status] ?? 0) + count;
      for (const [fact, count] of output.facts) facts[fact] = (facts[fact] ?? 0) + count;
      options.onProgress?.({ people: person, totalPeople: resolved.people, rows, bytes: opened.reduce((sum, sink) => sum + sink.bytes, 0), elapsedMs: performance.now() - started });
    };

    const workers = options.workers ?? (resolved.people >= 50_000 ? Math.min(availableParallelism(), 4) : 0);
    if (!Number.isInteger(workers) || workers < 0 || workers > 16) throw new DocketError('invalid-input', `workers must be a whole number from 0 to 16, not ${workers}`, { hint: '0 builds every chunk on the calling thread' });
    const pool = workers > 0 ? new ChunkPool(workers, resolved) : undefined;
    try {
      // With workers, a few chunks are built ahead while earlier ones are written, in chunk order.
      const ahead: Promise<ChunkOutput>[] = [];
      for (const plan of chunkPlans(resolved.seed, resolved.people, CHUNK_PEOPLE)) {
        households = plan.firstHousehold + plan.households;
        if (pool === undefined) {
          await write(builder.build(plan));
          continue;
        }
        const built = pool.build(plan);
        built.catch(() => undefined);
        ahead.push(built);
        const next = ahead.length > workers * 2 ? ahead.shift() : undefined;
        if (next !== undefined) await write(await next);
      }
      for (const built of ahead.splice(0)) await write(await built);
    } finally {
      await pool?.close();
    }

    const files: GeneratedFile[] = [
      ...SOURCE_DEFINITIONS.map((source) => {
        const sink = sinks.get(source.id) as FileSink;
        return { kind: source.id, file: `${source.stem}.${extension}`, rows: sink.rows, bytes: sink.bytes };
      }),
      { kind: 'truth-people', file: `truth/people.${extension}`, rows: peopleSink.rows, bytes: peopleSink.bytes },
      { kind: 'truth-records', file: `truth/records.${extension}`, rows: recordSink.rows, bytes: recordSink.bytes },
    ];
    const summary: GenerateSummary = {
      generatorVersion: GENERATOR_VERSION, seed: resolved.seedText, people: person, households, asOf: resolved.asOfText, format: resolved.format,
      outDir: resolved.outDir, elapsedMs: Math.round(performance.now() - started), sourceRows: rows, files, statuses: sortKeys(statuses), facts: sortKeys(facts),
      peopleWithoutRecords: withoutRecords, errorRates: Object.fromEntries(resolved.rates), errors: stats.toJSON(),
    };
    // elapsedMs differs between runs, so the manifest leaves it out: the folder stays byte-identical for a seed.
    const { elapsedMs: _elapsed, outDir: _outDir, ...stable } = summary;
    await writeFile(join(resolved.outDir, 'manifest.json'), `${JSON.stringify(stable, null, 2)}\n`);
    await writeFile(join(resolved.outDir, 'sources.json'), `${JSON.stringify(sourceCatalog, null, 2)}\n`);
    return summary;
  } finally {
    await Promise.all(opened.map((sink) => sink.close()));
  }
}

function sortKeys<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
