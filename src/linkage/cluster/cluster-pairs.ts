import { probabilityOf, weightOf } from '../model/linkage-model.js';

/**
 * What a cross pair that no blocking rule proposed counts against a join. Not sharing any key is
 * evidence of a non-match, but weaker than a compared pair that scored low (a heavily mistyped
 * record can miss every key while still matching its group), so it counts half of a clear "no".
 */
const unobservedSupport = 0.25;

/** Pairs scoring below this (match probability 1 in 10,000) are kept out of the adjacency. */
const adjacencyFloor = weightOf(1e-4);

/** Scored pairs to cluster: records left[k] and right[k] with match weight weights[k] (bits, prior included). */
export interface ScoredPairs {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly weights: Float64Array;
  readonly length: number;
}

/** A link above the threshold that clustering refused because the two groups disagree as a whole. */
export interface RejectedLink {
  readonly pair: number;
  /** The net support for joining the two groups (below zero: refused). */
  readonly support: number;
}

export interface Clustering {
  /** Entity number per record, 0-based and dense, in order of first record. */
  readonly entity: Int32Array;
  readonly entities: number;
  readonly rejected: readonly RejectedLink[];
}

/**
 * Groups records into entities. Links at or above `thresholdWeight` are taken strongest first; two
 * groups are joined only when the pairs between them, taken together, support it: the sum over
 * all cross pairs of (match probability − ½) must be positive, a cross pair that no blocking rule
 * proposed (or that scored below a floor) counting `unobservedSupport` against. So one strong link cannot chain two groups whose
 * other members clearly differ, and a record cannot join a group most of whose members it does not match.
 */
export function clusterPairs(records: number, pairs: ScoredPairs, thresholdWeight: number): Clustering {
  const n = records;
  // Adjacency of the scored pairs that can still count for or against a join. Pairs below the
  // floor (most candidate pairs: clear non-matches) are left out and count as unobserved, which
  // saves walking and storing most of the list.
  const degree = new Int32Array(n + 1);
  for (let k = 0; k < pairs.length; k++) {
    if (pairs.weights[k] < adjacencyFloor) continue;
    degree[pairs.left[k] + 1]++;
    degree[pairs.right[k] + 1]++;
  }
  for (let i = 0; i < n; i++) degree[i + 1] += degree[i];
  const neighbours = new Int32Array(degree[n]);
  // Weights, not probabilities: only the few cross pairs of a join need the conversion.
  const weights = new Float32Array(degree[n]);
  const fill = degree.slice(0, n);
  for (let k = 0; k < pairs.length; k++) {
    const w = pairs.weights[k];
    if (w < adjacencyFloor) continue;
    const a = pairs.left[k];
    const b = pairs.right[k];
    neighbours[fill[a]] = b;
    weights[fill[a]++] = w;
    neighbours[fill[b]] = a;
    weights[fill[b]++] = w;
  }

  const links = strongestFirst(pairs, thresholdWeight);

  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  // Members of each group as a circular linked list, to walk a group without storing arrays.
  const next = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    parent[i] = i;
    next[i] = i;
  }
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root];
    while (parent[x] !== root) {
      const up = parent[x];
      parent[x] = root;
      x = up;
    }
    return root;
  };

  const join = (small: number, large: number) => {
    parent[small] = large;
    size[large] += size[small];
    const t = next[small];
    next[small] = next[large];
    next[large] = t;
  };

  const rejected: RejectedLink[] = [];
  for (const k of links) {
    const ra = find(pairs.left[k]);
    const rb = find(pairs.right[k]);
    if (ra === rb) continue;
    const [small, large] = size[ra] <= size[rb] ? [ra, rb] : [rb, ra];
    if (size[small] === 1 && size[large] === 1) {
      // Two single records: the link itself is the only cross pair, and it is above the threshold.
      join(small, large);
      continue;
    }
    let support = 0;
    let seen = 0;
    let member = small;
    do {
      for (let e = degree[member]; e < degree[member + 1]; e++) {
        if (find(neighbours[e]) === large) {
          support += probabilityOf(weights[e]) - 0.5;
          seen++;
        }
      }
      member = next[member];
    } while (member !== small);
    support -= unobservedSupport * (size[small] * size[large] - seen);
    if (support <= 0) {
      rejected.push({ pair: k, support });
      continue;
    }
    join(small, large);
  }

  const entity = new Int32Array(n).fill(-1);
  const rootEntity = new Int32Array(n).fill(-1);
  let entities = 0;
  for (let i = 0; i < n; i++) {
    const root = find(i);
    if (rootEntity[root] < 0) rootEntity[root] = entities++;
    entity[i] = rootEntity[root];
  }
  return { entity, entities, rejected };
}

/** Pair indices fit below this in a sort key; weights are kept to 1/100,000 of a bit. */
const indexSpace = 2 ** 25;
const weightScale = 1e5;

/**
 * The pairs at or above the threshold, strongest first. Each is packed into one number
 * (rounded weight, then index) so that a native numeric sort does the work: a million links
 * sort in a fraction of what a comparator function costs.
 */
function strongestFirst(pairs: ScoredPairs, thresholdWeight: number): Int32Array {
  let count = 0;
  for (let k = 0; k < pairs.length; k++) if (pairs.weights[k] >= thresholdWeight) count++;
  const packed = pairs.length < indexSpace ? new Float64Array(count) : undefined;
  if (packed === undefined) {
    const links: number[] = [];
    for (let k = 0; k < pairs.length; k++) if (pairs.weights[k] >= thresholdWeight) links.push(k);
    return Int32Array.from(links.sort((x, y) => pairs.weights[y] - pairs.weights[x]));
  }
  let at = 0;
  for (let k = 0; k < pairs.length; k++) {
    const w = pairs.weights[k];
    if (w >= thresholdWeight) packed[at++] = Math.round(-Math.min(1e3, w) * weightScale) * indexSpace + k;
  }
  packed.sort();
  const links = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const key = packed[i];
    links[i] = key - Math.floor(key / indexSpace) * indexSpace;
  }
  return links;
}
