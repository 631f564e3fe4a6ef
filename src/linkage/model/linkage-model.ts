import { DocketError } from '../../core/errors/index.js';
import type { BlockingRule } from '../blocking/blocking-rule.js';
import type { ComparisonKind } from '../schema/comparison-kind.js';
import { comparisonLevels, levelLabels } from '../schema/comparison-kind.js';
import type { ComparisonSpec } from '../schema/comparison-spec.js';
import type { LinkageSchema } from '../schema/field-role.js';
import { isFieldRole } from '../schema/field-role.js';
import type { DateOrder } from '../standardize/parse-date.js';

/** One level of a comparison: how often it occurs among matches (m) and among non-matches (u). */
export interface LevelParameters {
  readonly label: string;
  readonly m: number;
  readonly u: number;
}

export interface ComparisonParameters extends ComparisonSpec {
  /** Level 0 is "missing" and carries no weight. */
  readonly levels: readonly LevelParameters[];
}

/** A trained Fellegi–Sunter model, as stored (JSON). */
export interface LinkageModelJson {
  readonly format: 'docket-linkage-model';
  readonly version: 1;
  readonly schema: LinkageSchema;
  readonly dateOrder: DateOrder;
  readonly comparisons: readonly ComparisonParameters[];
  /** Probability that two records drawn at random are the same person. */
  readonly prior: number;
  /** Pairs whose match probability reaches this are linked. */
  readonly threshold: number;
  /** Pairs with a match probability in [low, high) go to clerical review. */
  readonly review: readonly [number, number];
  readonly blockingRules: readonly BlockingRule[];
  readonly maxBlockSize: number;
}

/** Weight of a Bayes factor, in bits. */
export function bits(ratio: number): number {
  return Math.log2(ratio);
}

/** Match probability of a total match weight (prior included), in bits. */
export function probabilityOf(weight: number): number {
  return 1 / (1 + Math.exp(-weight * Math.LN2));
}

/** Match weight (bits) of a probability. */
export function weightOf(probability: number): number {
  return Math.log2(probability / (1 - probability));
}

/** A comparison level that weighs this much against a pair (bits: 256 to 1) contradicts it. */
const contradictionWeight = -8;

/** The match probability a contradicted pair needs to link without a person's review. */
const contradictedLinkProbability = 0.999;

/**
 * A Fellegi–Sunter model ready to score: per comparison and level, the weight log2(m/u);
 * the prior as a weight; and the decision threshold.
 */
export class LinkageModel {
  /** weights[c][level], in bits; 0 for the missing level. */
  readonly weights: readonly Float64Array[];
  readonly priorWeight: number;
  /** Match weight (prior included) at which a pair links. */
  readonly thresholdWeight: number;
  readonly reviewWeights: readonly [number, number];
  /** Match weight a contradicted pair needs to link (see `decisionWeight`). */
  readonly contradictedLinkWeight: number;

  constructor(readonly json: LinkageModelJson) {
    this.weights = json.comparisons.map((c) => Float64Array.from(c.levels, (l, i) => (i === 0 ? 0 : bits(l.m / l.u))));
    this.priorWeight = weightOf(json.prior);
    this.thresholdWeight = weightOf(json.threshold);
    this.reviewWeights = [weightOf(json.review[0]), weightOf(json.review[1])];
    this.contradictedLinkWeight = Math.max(this.thresholdWeight, weightOf(contradictedLinkProbability));
  }

  /** Whether some comparison of the pattern `levels[from ..]` weighs at least 256 to 1 against the pair. */
  contradicts(levels: ArrayLike<number>, from = 0): boolean {
    for (let c = 0; c < this.weights.length; c++) if (this.weights[c][levels[from + c]] <= contradictionWeight) return true;
    return false;
  }

  /**
   * The weight a link decision uses. The model adds the fields' evidence as if each were
   * independent of the others, but relatives break that: twins and siblings agree on surname, date
   * of birth, country and address all at once. So a pair that one comparison strongly contradicts
   * (a wholly different given name) links only on overwhelming evidence; short of that it is held
   * just under the threshold, where clustering will not join on it and a person reviews it.
   */
  decisionWeight(weight: number, contradicted: boolean): number {
    return contradicted && weight < this.contradictedLinkWeight ? Math.min(weight, this.thresholdWeight - 1) : weight;
  }

  /** Whether `decisionWeight` holds a pair of this weight back from linking. */
  holdsBack(weight: number, contradicted: boolean): boolean {
    return contradicted && weight >= this.thresholdWeight && weight < this.contradictedLinkWeight;
  }

  get comparisons(): readonly ComparisonParameters[] {
    return this.json.comparisons;
  }

  toJSON(): LinkageModelJson {
    return this.json;
  }

  /** Reads a stored model, checking its shape. */
  static fromJSON(value: unknown): LinkageModel {
    return new LinkageModel(checkModelJson(value));
  }
}

const transforms: readonly string[] = ['exact', 'sound', 'initial', 'year', 'month-day', 'sound-pair', 'initial-pair'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const isProbability = (x: unknown): x is number => typeof x === 'number' && x > 0 && x < 1;

/** Checks that a parsed JSON value is a linkage model, field by field, naming the first fault. */
function checkModelJson(value: unknown): LinkageModelJson {
  const fail = (what: string): never => {
    throw new DocketError('invalid-input', `not a valid Docket linkage model: ${what}`, { hint: 'pass a model written by `docket resolve --save-model`' });
  };
  if (!isRecord(value) || value['format'] !== 'docket-linkage-model' || value['version'] !== 1) return fail('expected format "docket-linkage-model", version 1');
  const { schema, dateOrder, comparisons, prior, threshold, review, blockingRules, maxBlockSize } = value;
  if (!Array.isArray(schema) || !schema.every((f) => isRecord(f) && typeof f['column'] === 'string' && typeof f['role'] === 'string' && isFieldRole(f['role']))) return fail('bad "schema"');
  if (dateOrder !== 'mdy' && dateOrder !== 'dmy') return fail('bad "dateOrder"');
  if (!Array.isArray(comparisons) || comparisons.length === 0) return fail('no "comparisons"');
  for (const c of comparisons) {
    if (!isRecord(c) || typeof c['name'] !== 'string' || typeof c['kind'] !== 'string' || !(c['kind'] in comparisonLevels)) return fail('a comparison without name or known kind');
    const labels = levelLabels(c['kind'] as ComparisonKind);
    const levels = c['levels'];
    if (!Array.isArray(levels) || levels.length !== labels.length || !levels.every((l) => isRecord(l) && typeof l['m'] === 'number' && l['m'] > 0 && typeof l['u'] === 'number' && l['u'] > 0)) {
      return fail(`comparison "${c['name']}" has malformed levels`);
    }
    if (!Array.isArray(c['features']) || !c['features'].every((f) => typeof f === 'string') || typeof c['termFrequency'] !== 'boolean') return fail(`comparison "${c['name']}" is incomplete`);
  }
  if (!isProbability(prior) || !isProbability(threshold)) return fail('"prior" and "threshold" must be probabilities');
  if (!Array.isArray(review) || review.length !== 2 || !isProbability(review[0]) || !isProbability(review[1]) || review[0] > review[1]) return fail('bad "review" band');
  if (!Array.isArray(blockingRules) || !blockingRules.every((r) => isRecord(r) && typeof r['name'] === 'string' && Array.isArray(r['parts']) && r['parts'].every((p) => isRecord(p) && typeof p['feature'] === 'string' && typeof p['transform'] === 'string' && transforms.includes(p['transform'])))) {
    return fail('bad "blockingRules"');
  }
  if (typeof maxBlockSize !== 'number' || !Number.isInteger(maxBlockSize) || maxBlockSize < 2) return fail('bad "maxBlockSize"');
  return value as unknown as LinkageModelJson;
}
