import type { ValueDictionary } from '../dataset/value-dictionary.js';
import { nameCore } from '../standardize/name.js';
import type { NameKind } from '../standardize/name-variants.js';
import { variantGroups } from '../standardize/name-variants.js';
import { soundKey } from '../standardize/sound-key.js';
import { CharStore } from './char-store.js';
import { storeJaroWinkler, storeWithinOneEdit } from './code-similarity.js';
import { LevelCache } from './level-cache.js';

/** Name levels, in the order of `comparisonLevels.name`. */
export const NameLevel = { exact: 1, variant: 2, initial: 3, typo: 4, sound: 5, similar: 6, weak: 7, different: 8 } as const;

/** Which variant tables apply: a given name, a surname, or a name compared across the two. */
export type NameSide = NameKind | 'either';

function intersects(a: readonly number[], b: readonly number[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/** The words of a name (particles left out) with their variant families in each table. */
interface NameWords {
  readonly words: readonly string[];
  readonly given: readonly (readonly number[])[];
  readonly surname: readonly (readonly number[])[];
}

function wordVariants(x: NameWords, i: number, y: NameWords, j: number, side: NameSide): boolean {
  if (x.words[i] === y.words[j]) return true;
  if (side !== 'surname' && intersects(x.given[i], y.given[j])) return true;
  return side !== 'given' && intersects(x.surname[i], y.surname[j]);
}

/** Every word of the shorter name has an equal or variant word in the longer (Garcia ⊂ Garcia Lopez, Bob ~ Robert). */
function covered(a: NameWords, b: NameWords, side: NameSide): boolean {
  const [short, long] = a.words.length <= b.words.length ? [a, b] : [b, a];
  for (let i = 0; i < short.words.length; i++) {
    let found = false;
    for (let j = 0; j < long.words.length && !found; j++) found = wordVariants(short, i, long, j, side);
    if (!found) return false;
  }
  return true;
}

/**
 * What comparisons need of each distinct name, worked out once per name and kept in typed arrays:
 * its core without spaces or particles (van der Berg → berg), its words and their variant
 * families, its sound key and first letter. Shared by every comparator over one dictionary.
 */
class NameTable {
  readonly cores = new CharStore();
  readonly compacts: string[] = [];
  readonly coreWords: NameWords[] = [];
  sound = new Int32Array(256);
  first = new Int32Array(256);
  oneLetter = new Uint8Array(256);
  private readonly soundIds = new Map<string, number>();

  constructor(private readonly dictionary: ValueDictionary) {}

  get dictionarySize(): number {
    return this.dictionary.size;
  }

  ensure(id: number): void {
    while (this.cores.size <= id) {
      const k = this.cores.size;
      const text = this.dictionary.value(k);
      const core = nameCore(text);
      if (k >= this.sound.length) this.grow();
      this.cores.push(core.join(''));
      this.compacts.push(text.replace(/ /g, ''));
      this.coreWords.push({ words: core, given: core.map((w) => variantGroups(w, 'given')), surname: core.map((w) => variantGroups(w, 'surname')) });
      const sound = core.map(soundKey).join(' ');
      let soundId = this.soundIds.get(sound);
      if (soundId === undefined) {
        soundId = this.soundIds.size;
        this.soundIds.set(sound, soundId);
      }
      this.sound[k] = sound === '' ? -1 - k : soundId;
      this.first[k] = text.charCodeAt(0);
      this.oneLetter[k] = text.length === 1 ? 1 : 0;
    }
  }

  private grow(): void {
    const size = this.sound.length * 2;
    const sound = new Int32Array(size);
    sound.set(this.sound);
    this.sound = sound;
    const first = new Int32Array(size);
    first.set(this.first);
    this.first = first;
    const oneLetter = new Uint8Array(size);
    oneLetter.set(this.oneLetter);
    this.oneLetter = oneLetter;
  }
}

const tables = new WeakMap<ValueDictionary, NameTable>();

function tableOf(dictionary: ValueDictionary): NameTable {
  let table = tables.get(dictionary);
  if (table === undefined) {
    table = new NameTable(dictionary);
    tables.set(dictionary, table);
  }
  return table;
}

/**
 * Compares two standardized names: exact; variant (nickname, transliteration, particle or word
 * subset); initial; typo (Jaro–Winkler ≥ 0.92, or one edit in names of five letters or more);
 * same sound key; similar (≥ 0.84); weak (≥ 0.7); different. Each pair's level is remembered
 * per side.
 */
export class NameComparator {
  private readonly table: NameTable;
  /** Levels already worked out, per side. */
  private readonly caches: Readonly<Record<NameSide, LevelCache>> = { given: new LevelCache(), surname: new LevelCache(), either: new LevelCache() };

  /** `cache`: remember levels per pair of names (worth it for blocked pairs, not for random ones). */
  constructor(dictionary: ValueDictionary, private readonly cache = true) {
    this.table = tableOf(dictionary);
  }

  compare(a: number, b: number, side: NameSide): number {
    if (a === b) return NameLevel.exact;
    const x = a < b ? a : b;
    const y = a < b ? b : a;
    if (!this.cache) return this.measure(x, y, side);
    const cache = this.caches[side];
    let level = cache.get(x, y);
    if (level < 0) {
      level = this.measure(x, y, side);
      cache.set(x, y, level);
    }
    return level;
  }

  /** Works out every name's core, words and sound now, so no later comparison pays for it. */
  prepare(): void {
    this.table.ensure(this.table.dictionarySize - 1);
  }

  /** Forgets the remembered levels (one query's worth, in incremental matching). */
  forget(): void {
    for (const cache of Object.values(this.caches)) cache.clear();
  }

  /** Both names present and starting with the same letter. */
  sameInitial(a: number, b: number): boolean {
    if (a < 0 || b < 0) return false;
    this.table.ensure(a > b ? a : b);
    return this.table.first[a] === this.table.first[b];
  }

  private measure(a: number, b: number, side: NameSide): number {
    const t = this.table;
    t.ensure(b);
    const cores = t.cores;
    if (t.compacts[a] === t.compacts[b] || (cores.length[a] === cores.length[b] && this.sameCore(a, b))) return NameLevel.variant;
    const wordsA = t.coreWords[a];
    const wordsB = t.coreWords[b];
    if (wordsA.words.length === 1 && wordsB.words.length === 1 ? wordVariants(wordsA, 0, wordsB, 0, side) : covered(wordsA, wordsB, side)) return NameLevel.variant;
    if ((t.oneLetter[a] === 1 || t.oneLetter[b] === 1) && t.first[a] === t.first[b]) return NameLevel.initial;
    const jw = storeJaroWinkler(cores, a, b);
    if (jw >= 0.92) return NameLevel.typo;
    if (cores.length[a] >= 5 && cores.length[b] >= 5 && storeWithinOneEdit(cores, a, b)) return NameLevel.typo;
    if (t.sound[a] === t.sound[b]) return NameLevel.sound;
    if (jw >= 0.84) return NameLevel.similar;
    if (jw >= 0.7) return NameLevel.weak;
    return NameLevel.different;
  }

  private sameCore(a: number, b: number): boolean {
    const { chars, start, length } = this.table.cores;
    const sa = start[a];
    const sb = start[b];
    for (let k = 0; k < length[a]; k++) if (chars[sa + k] !== chars[sb + k]) return false;
    return true;
  }
}
