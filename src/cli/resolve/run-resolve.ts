import { readFileSync, writeFileSync } from 'node:fs';
import { DocketError } from '../../core/errors/index.js';
import type { Dataset, LinkageModel, Resolution, ResolveStage } from '../../linkage/index.js';
import { LinkageModel as Model, PairExplainer, resolveDataset } from '../../linkage/index.js';
import { CsvWriter } from './csv-writer.js';
import { loadRecords } from './load-records.js';
import { readSchemaFile } from './resolve-schema-file.js';

export interface ResolveCommandOptions {
  readonly id: string;
  readonly out: string;
  readonly pairs?: string;
  readonly review?: string;
  readonly schema?: string;
  readonly model?: string;
  readonly saveModel?: string;
  readonly threads?: string;
  readonly quiet?: boolean;
}

/** Records from which progress is worth showing. */
const progressFrom = 50_000;

/** `docket resolve`: read, resolve, write clusters (and pairs, review, model), summarize on stderr. */
export function runResolve(files: readonly string[], options: ResolveCommandOptions): void {
  const started = performance.now();
  const threads = options.threads === undefined ? undefined : Number(options.threads);
  if (threads !== undefined && !(threads === 1 || threads === 2)) {
    throw new DocketError('invalid-input', `--threads must be 1 or 2, not "${options.threads ?? ''}"`, { hint: 'leave it out to let docket choose' });
  }
  const overrides = options.schema === undefined ? undefined : readSchemaFile(options.schema);
  const model = options.model === undefined ? undefined : readModel(options.model);
  const { dataset, unused } = loadRecords(files, options.id, overrides);
  for (const { file, columns } of unused) {
    if (columns.length > 0) process.stderr.write(`docket resolve: ${file}: not compared: ${columns.join(', ')}\n`);
  }
  const showProgress = options.quiet !== true && dataset.size >= progressFrom;
  let lastStage = '';
  const resolution = resolveDataset(dataset, {
    model,
    threads,
    onProgress: showProgress
      ? (stage: ResolveStage, done: number, total: number) => {
          const line = `${stage} ${Math.round((100 * done) / Math.max(1, total))}%`;
          if (stage !== lastStage || done === total) process.stderr.write(`docket resolve: ${line}\n`);
          lastStage = stage;
        }
      : undefined,
  });
  writeClusters(options.out, dataset, resolution);
  if (options.pairs !== undefined || options.review !== undefined) {
    const explainer = new PairExplainer(resolution.model, dataset);
    if (options.pairs !== undefined) writePairs(options.pairs, dataset, resolution, explainer, pairsToWrite(resolution));
    if (options.review !== undefined) writePairs(options.review, dataset, resolution, explainer, resolution.review);
  }
  if (options.saveModel !== undefined) writeModel(options.saveModel, resolution.model);
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `docket resolve: ${dataset.size} records, ${resolution.pairs.length} candidate pairs, ${resolution.clustering.entities} entities, ` +
      `${resolution.review.length} pairs for review, ${seconds.toFixed(2)} s\n`,
  );
}

function writeClusters(path: string, dataset: Dataset, resolution: Resolution): void {
  const out = new CsvWriter(path, ['source', 'record_id', 'entity_id']);
  const { entity } = resolution.clustering;
  for (let i = 0; i < dataset.size; i++) out.row([dataset.source(i), dataset.ids[i], `e${entity[i] + 1}`]);
  out.close();
}

/** Pairs worth showing: every candidate pair at or above the review band's lower edge. */
function pairsToWrite(resolution: Resolution): number[] {
  const [low] = resolution.model.reviewWeights;
  const out: number[] = [];
  for (let k = 0; k < resolution.pairs.length; k++) if (resolution.pairs.weights[k] >= low) out.push(k);
  return out;
}

function writePairs(path: string, dataset: Dataset, resolution: Resolution, explainer: PairExplainer, indices: readonly number[]): void {
  const names = resolution.model.comparisons.map((c) => c.name);
  const out = new CsvWriter(path, [
    'source_a', 'record_id_a', 'source_b', 'record_id_b', 'match_weight', 'match_probability', 'linked', 'names_crossed', 'prior_weight',
    ...names.flatMap((n) => [`${n}_level`, `${n}_weight`]),
  ]);
  const { entity } = resolution.clustering;
  for (const k of indices) {
    const i = resolution.pairs.left[k];
    const j = resolution.pairs.right[k];
    const e = explainer.explain(i, j);
    out.row([
      dataset.source(i), dataset.ids[i], dataset.source(j), dataset.ids[j],
      e.weight.toFixed(3), e.probability.toPrecision(6), entity[i] === entity[j] ? 'yes' : 'no', e.namesCrossed ? 'yes' : 'no', e.prior.toFixed(3),
      ...e.comparisons.flatMap((c) => [c.label, c.weight.toFixed(3)]),
    ]);
  }
  out.close();
}

function readModel(path: string): LinkageModel {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DocketError('io', `cannot read the model ${path}: ${(error as Error).message}`, { hint: 'check the path given to --model', cause: error });
  }
  try {
    return Model.fromJSON(JSON.parse(text));
  } catch (error) {
    if (DocketError.is(error)) throw new DocketError(error.code, `${path}: ${error.message}`, { hint: error.hint, cause: error });
    throw new DocketError('invalid-input', `${path}: not valid JSON (${(error as Error).message})`, { hint: 'pass a model written by --save-model', cause: error });
  }
}

function writeModel(path: string, model: LinkageModel): void {
  try {
    writeFileSync(path, `${JSON.stringify(model.toJSON(), null, 2)}\n`);
  } catch (error) {
    throw new DocketError('io', `cannot write ${path}: ${(error as Error).message}`, { hint: 'check that the folder exists and is writable', cause: error });
  }
}
