import type { Dataset } from '../dataset/dataset.js';
import { BlockKeys } from './block-keys.js';
import type { BlockingRule } from './blocking-rule.js';
import { defaultMaxBlockSize } from './blocking-rule.js';
import { PairList } from './pair-list.js';

/** What one blocking rule did. */
export interface RuleStats {
  readonly rule: string;
  readonly blocks: number;
  readonly largestBlock: number;
  /** Blocks over the size cap, left out, and the records in them. */
  readonly droppedBlocks: number;
  readonly droppedRecords: number;
  /** Pairs inside its blocks, and those no earlier rule had found. */
  readonly pairs: number;
  readonly newPairs: number;
}

/** Candidate pairs, unioned over the rules, each found once. */
export interface CandidatePairs {
  readonly pairs: PairList;
  /** Per rule, the block number of each record (-1: not in a kept block). */
  readonly keys: readonly Int32Array[];
  readonly stats: readonly RuleStats[];
}

/** At most 16 rules, one bit each in `PairList.rules`. */
export const maxRules = 16;

/**
 * Finds candidate pairs: records sharing a block under any rule. A pair is emitted by the first
 * rule that finds it (later rules skip pairs an earlier one holds), and carries a bit for every
 * rule under which it shares a block, which training uses to pick each rule's pairs.
 */
export function candidatePairs(dataset: Dataset, rules: readonly BlockingRule[], maxBlockSize = defaultMaxBlockSize): CandidatePairs {
  const n = dataset.size;
  const blockKeys = new BlockKeys(dataset);
  const usable = rules.slice(0, maxRules);
  const keys: Int32Array[] = [];
  const layouts: { starts: Int32Array; members: Int32Array }[] = [];
  const stats: RuleStats[] = [];
  for (const rule of usable) {
    const key = blockKeys.keys(rule);
    const cap = Math.min(maxBlockSize, rule.maxBlockSize ?? maxBlockSize);
    let blockCount = 0;
    for (let r = 0; r < n; r++) if (key[r] >= blockCount) blockCount = key[r] + 1;
    const sizes = new Int32Array(blockCount);
    for (let r = 0; r < n; r++) if (key[r] >= 0) sizes[key[r]]++;
    let largest = 0;
    let droppedBlocks = 0;
    let droppedRecords = 0;
    let pairs = 0;
    let blocks = 0;
    for (let b = 0; b < blockCount; b++) {
      const size = sizes[b];
      if (size > largest) largest = size;
      if (size > cap) {
        droppedBlocks++;
        droppedRecords += size;
      } else if (size >= 2) {
        blocks++;
        pairs += (size * (size - 1)) / 2;
      }
    }
    for (let r = 0; r < n; r++) if (key[r] >= 0 && sizes[key[r]] > cap) key[r] = -1;
    // Counting sort of records by block: members of block b are members[starts[b]..starts[b+1]).
    const starts = new Int32Array(blockCount + 1);
    for (let b = 0; b < blockCount; b++) starts[b + 1] = starts[b] + (sizes[b] > cap ? 0 : sizes[b]);
    const fill = starts.slice(0, blockCount);
    const members = new Int32Array(starts[blockCount]);
    for (let r = 0; r < n; r++) if (key[r] >= 0) members[fill[key[r]]++] = r;
    keys.push(key);
    layouts.push({ starts, members });
    stats.push({ rule: rule.name, blocks, largestBlock: largest, droppedBlocks, droppedRecords, pairs, newPairs: 0 });
  }

  // Every record's keys side by side (record-major), so checking a pair's other rules reads two
  // cache lines instead of two per rule.
  const R = keys.length;
  const byRecord = new Int32Array(n * R);
  for (let r = 0; r < R; r++) {
    const kr = keys[r];
    for (let i = 0; i < n; i++) byRecord[i * R + r] = kr[i];
  }
  const list = new PairList(Math.max(1024, Math.min(1 << 26, stats.reduce((s, x) => s + x.pairs, 0))));
  for (let k = 0; k < R; k++) {
    const { starts, members } = layouts[k];
    const before = list.length;
    for (let b = 0; b + 1 < starts.length; b++) {
      const from = starts[b];
      const to = starts[b + 1];
      for (let x = from; x < to; x++) {
        const a = members[x] * R;
        for (let y = x + 1; y < to; y++) {
          const c = members[y] * R;
          let mask = 1 << k;
          let seen = false;
          for (let r = 0; r < R; r++) {
            const ka = byRecord[a + r];
            if (r === k || ka < 0 || ka !== byRecord[c + r]) continue;
            if (r < k) {
              seen = true;
              break;
            }
            mask |= 1 << r;
          }
          if (!seen) list.push(members[x], members[y], mask);
        }
      }
    }
    stats[k] = { ...stats[k], newPairs: list.length - before };
  }
  return { pairs: list, keys, stats };
}
