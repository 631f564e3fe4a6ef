import { readFileSync } from 'node:fs';
import { DocketError } from '../../core/errors/index.js';
import type { PairwiseMetrics } from '../../linkage/index.js';
import { pairwiseMetrics } from '../../linkage/index.js';
import { decodeCsv, parseCsv } from './csv.js';

/** Label columns tried in order when none is named: the plain `truth`, then the generator's `person_id`. */
const labelColumns = ['truth', 'person_id'];

/**
 * Reads two columns of a CSV file into a map from the first to the second, refusing duplicates.
 * `value` may offer several names; the first one in the header is used.
 */
function readColumns(path: string, key: string, value: string | readonly string[]): Map<string, string> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new DocketError('io', `cannot read ${path}: ${(error as Error).message}`, { hint: 'check the file name', details: { file: path }, cause: error });
  }
  const text = decodeCsv(bytes, path);
  const header = parseCsv(text, path, () => undefined, 0);
  const values = typeof value === 'string' ? [value] : value;
  const k = header.indexOf(key);
  const v = values.map((name) => header.indexOf(name)).find((position) => position >= 0) ?? -1;
  const wanted = values.map((name) => `"${name}"`).join(' or ');
  for (const [name, position] of [[`"${key}"`, k], [wanted, v]] as const) {
    if (position < 0) throw new DocketError('invalid-input', `${path}:1: no column ${name} in the header (${header.join(', ')})`, { hint: `the file needs the column ${key} and a label column (${wanted})`, details: { file: path, line: 1 } });
  }
  const out = new Map<string, string>();
  parseCsv(text, path, (fields, line) => {
    const id = fields[k];
    if (out.has(id)) throw new DocketError('invalid-input', `${path}:${line}: record "${id}" appears twice`, { hint: 'give each record one row', details: { file: path, line } });
    out.set(id, fields[v]);
  });
  return out;
}

/** `docket evaluate`: pairwise precision, recall and F1 of clusters against labelled truth. */
export function runEvaluate(clustersPath: string, truthPath: string, json: boolean, truthColumn?: string): PairwiseMetrics {
  const clusters = readColumns(clustersPath, 'record_id', 'entity_id');
  const truth = readColumns(truthPath, 'record_id', truthColumn ?? labelColumns);
  const predicted: string[] = [];
  const actual: string[] = [];
  let missing = 0;
  for (const [id, entity] of clusters) {
    const t = truth.get(id);
    if (t === undefined) {
      missing++;
      continue;
    }
    predicted.push(entity);
    actual.push(t);
  }
  if (predicted.length === 0) throw new DocketError('invalid-input', `no record of ${clustersPath} is in ${truthPath}`, { hint: 'the record_id values of both files must match' });
  if (missing > 0) process.stderr.write(`docket evaluate: ${missing} records have no truth label and are left out\n`);
  const metrics = pairwiseMetrics(predicted, actual);
  if (json) {
    process.stdout.write(`${JSON.stringify(metrics, null, 2)}\n`);
  } else {
    process.stdout.write(
      `records ${metrics.records}\n` +
        `precision ${metrics.precision.toFixed(6)}\nrecall ${metrics.recall.toFixed(6)}\nf1 ${metrics.f1.toFixed(6)}\n` +
        `predicted pairs ${metrics.predictedPairs}\ntrue pairs ${metrics.truePairs}\n` +
        `true positives ${metrics.truePositives}\nfalse positives ${metrics.falsePositives}\nfalse negatives ${metrics.falseNegatives}\n`,
    );
  }
  return metrics;
}
