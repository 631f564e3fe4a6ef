import type { PersonRecord } from '../../core/records/index.js';
import { jaroWinkler, parseDate, soundKey, standardizeDocumentNumber, standardizeName, variantGroups } from '../../linkage/index.js';
import { BoundedHeap } from './bounded-heap.js';
import type { QueryTerm } from './query-terms.js';

/** How much each kind of agreement counts; a document number is the strongest evidence. */
const score = { exact: 1, variant: 0.9, sound: 0.75, prefix: 0.6, document: 2, date: 1, dateSwapped: 0.6 } as const;

export interface IndexedRecord {
  readonly recordId: number;
  readonly entityId: number;
  readonly sourceId: number;
  readonly record: PersonRecord;
}

export interface SearchHit {
  readonly personId: number;
  readonly recordId: number;
  readonly name: string;
  readonly dateOfBirth: string | null;
  readonly score: number;
  readonly reasons: readonly string[];
}

export interface SearchOptions {
  readonly limit: number;
  /** Only records from these sources may be hits (their registrations permit the purpose). */
  readonly sources: ReadonlySet<number>;
}

const nameKey = (token: string): string => `n:${token}`;
const soundKeyOf = (token: string): string => `s:${soundKey(token)}`;
const docKey = (number: string): string => `d:${number}`;
const dateKey = (date: string): string => `b:${date}`;

function displayName(record: PersonRecord): string {
  const n = record.name;
  const parts = [n.given, n.middle, n.surname].filter((p): p is string => p !== undefined && p !== '');
  return parts.length > 0 ? parts.join(' ') : (n.full ?? '');
}

function nameTokens(record: PersonRecord): { given: string[]; surname: string[] } {
  const given: string[] = [];
  const surname: string[] = [];
  for (const name of [record.name, ...record.aliases]) {
    for (const part of [name.given, name.middle]) if (part !== undefined) given.push(...standardizeName(part).split(' '));
    if (name.surname !== undefined) surname.push(...standardizeName(name.surname).split(' '));
    // A single full-name field: each word may be either part.
    if (name.full !== undefined) for (const t of standardizeName(name.full).split(' ')) { given.push(t); surname.push(t); }
  }
  return { given: [...new Set(given.filter((t) => t !== ''))], surname: [...new Set(surname.filter((t) => t !== ''))] };
}

/**
 * An in-memory inverted index of person records for search: every name word under its
 * spelling, its sound key and its variant families (nicknames, transliterations), document
 * numbers and dates of birth under their standardized forms. A query costs the length of the
 * posting lists it touches, not the size of the population.
 */
export class SearchIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly recordIds: number[] = [];
  private readonly entityIds: number[] = [];
  private readonly sourceIds: number[] = [];
  private readonly names: string[] = [];
  private readonly dates: string[] = [];
  /** Each slot's standardized name words, for explaining a hit. */
  private readonly words: string[] = [];
  private readonly slotOf = new Map<number, number>();
  private vocabulary: string[] = [];
  private vocabularyDirty = false;
  private accumulator = new Float64Array(1024);
  private marks = new Int32Array(1024);
  private mark = 0;

  get size(): number {
    return this.recordIds.length;
  }

  /** Adds a record, or replaces it when its id is already indexed. */
  add(entry: IndexedRecord): void {
    const existing = this.slotOf.get(entry.recordId);
    if (existing !== undefined) {
      // Records are immutable once ingested; only their person changes, so keep the postings.
      this.entityIds[existing] = entry.entityId;
      return;
    }
    const slot = this.recordIds.length;
    this.recordIds.push(entry.recordId);
    this.entityIds.push(entry.entityId);
    this.sourceIds.push(entry.sourceId);
    this.names.push(displayName(entry.record));
    this.slotOf.set(entry.recordId, slot);
    const { given, surname } = nameTokens(entry.record);
    const keys = new Set<string>();
    for (const t of given) {
      keys.add(nameKey(t)).add(soundKeyOf(t));
      for (const g of variantGroups(t, 'given')) keys.add(`v:${g}`);
    }
    for (const t of surname) {
      keys.add(nameKey(t)).add(soundKeyOf(t));
      for (const g of variantGroups(t, 'surname')) keys.add(`v:${g}`);
    }
    this.words.push([...new Set([...given, ...surname])].join(' '));
    for (const d of entry.record.documents) {
      const number = standardizeDocumentNumber(d.number);
      if (number !== '') keys.add(docKey(number));
    }
    const date = entry.record.dateOfBirth === undefined ? '' : (parseDate(entry.record.dateOfBirth) ?? '');
    this.dates.push(date);
    if (date !== '') keys.add(dateKey(date));
    for (const key of keys) {
      const list = this.postings.get(key);
      if (list === undefined) {
        this.postings.set(key, [slot]);
        if (key.startsWith('n:')) this.vocabularyDirty = true;
      } else list.push(slot);
    }
  }

  /** Moves a record to another person (a merge, a split, a review decision). */
  setEntity(recordId: number, entityId: number): void {
    const slot = this.slotOf.get(recordId);
    if (slot !== undefined) this.entityIds[slot] = entityId;
  }

  has(recordId: number): boolean {
    return this.slotOf.has(recordId);
  }

  search(terms: readonly QueryTerm[], options: SearchOptions): SearchHit[] {
    if (terms.length === 0) return [];
    this.ensureCapacity();
    const touched: number[] = [];
    const acc = this.accumulator;
    for (const term of terms) {
      // A fresh mark per term: a slot counts once per term, with the best key it matched.
      const mark = ++this.mark;
      for (const [key, weight] of this.keysOf(term)) {
        const list = this.postings.get(key);
        if (list === undefined) continue;
        for (const slot of list) {
          if (this.marks[slot] === mark) continue;
          this.marks[slot] = mark;
          if (acc[slot] === 0) touched.push(slot);
          acc[slot] = (acc[slot] ?? 0) + weight;
        }
      }
    }
    const heap = new BoundedHeap(Math.max(options.limit * 8, 64));
    for (const slot of touched) {
      const s = acc[slot] ?? 0;
      acc[slot] = 0;
      if ((this.entityIds[slot] ?? 0) > 0 && options.sources.has(this.sourceIds[slot] ?? -1)) heap.offer(slot, s);
    }
    const typed = terms.filter((t) => t.kind === 'name').map((t) => t.token).join(' ');
    const ranked = heap.drain().map(({ item, score: s }) => ({
      slot: item,
      // Closeness of the whole written name breaks ties between equal evidence.
      score: s + (typed === '' ? 0 : 0.25 * jaroWinkler(typed, this.words[item] ?? '')),
    })).sort((a, b) => b.score - a.score || a.slot - b.slot);
    const hits: SearchHit[] = [];
    const seen = new Set<number>();
    for (const { slot, score: s } of ranked) {
      const personId = this.entityIds[slot] ?? 0;
      if (seen.has(personId)) continue;
      seen.add(personId);
      const date = this.dates[slot] ?? '';
      hits.push({
        personId,
        recordId: this.recordIds[slot] ?? 0,
        name: this.names[slot] ?? '',
        dateOfBirth: /^\d{8}$/.test(date) ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}` : null,
        score: Math.round(s * 1000) / 1000,
        reasons: this.reasons(slot, terms),
      });
      if (hits.length >= options.limit) break;
    }
    return hits;
  }

  private keysOf(term: QueryTerm): [string, number][] {
    switch (term.kind) {
      case 'document':
        return [[docKey(term.number), score.document]];
      case 'date':
        return term.swapped === undefined ? [[dateKey(term.date), score.date]] : [[dateKey(term.date), score.date], [dateKey(term.swapped), score.dateSwapped]];
      case 'name': {
        const keys: [string, number][] = [[nameKey(term.token), score.exact]];
        const groups = new Set([...variantGroups(term.token, 'given'), ...variantGroups(term.token, 'surname')]);
        for (const g of groups) keys.push([`v:${g}`, score.variant]);
        keys.push([soundKeyOf(term.token), score.sound]);
        if (term.prefix) for (const word of this.completions(term.token)) keys.push([nameKey(word), score.prefix]);
        return keys;
      }
    }
  }

  /** Indexed name words that begin with `prefix`, at most 64 of them. */
  private completions(prefix: string): string[] {
    if (this.vocabularyDirty) {
      this.vocabulary = [...this.postings.keys()].filter((k) => k.startsWith('n:')).map((k) => k.slice(2)).sort();
      this.vocabularyDirty = false;
    }
    let lo = 0;
    let hi = this.vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.vocabulary[mid] ?? '') < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.vocabulary.length && out.length < 64; i++) {
      const word = this.vocabulary[i] ?? '';
      if (!word.startsWith(prefix)) break;
      if (word !== prefix) out.push(word);
    }
    return out;
  }

  /** Why `slot` matched, one sentence per term it matched. */
  private reasons(slot: number, terms: readonly QueryTerm[]): string[] {
    const words = (this.words[slot] ?? '').split(' ');
    const date = this.dates[slot] ?? '';
    const out: string[] = [];
    for (const term of terms) {
      switch (term.kind) {
        case 'document':
          if ((this.postings.get(docKey(term.number)) ?? []).includes(slot)) out.push(`document number ${term.text} matches`);
          break;
        case 'date':
          if (date === term.date) out.push(`date of birth ${term.text} matches`);
          else if (date === term.swapped) out.push(`date of birth matches ${term.text} with day and month swapped`);
          break;
        case 'name': {
          const reason = nameReason(term.token, term.prefix, words);
          // Say how a transliterated or accented word was read (Сергей → sergei).
          const typed = term.text.toLowerCase() === term.token ? '' : ` (typed "${term.text}")`;
          if (reason !== undefined) out.push(`${reason}${typed}`);
          break;
        }
      }
    }
    return out;
  }

  private ensureCapacity(): void {
    if (this.accumulator.length >= this.recordIds.length) return;
    const size = Math.max(this.recordIds.length, this.accumulator.length * 2);
    this.accumulator = new Float64Array(size);
    this.marks = new Int32Array(size);
    this.mark = 0;
  }
}

function nameReason(token: string, prefix: boolean, words: readonly string[]): string | undefined {
  if (words.includes(token)) return `name "${token}" matches`;
  const groups = new Set([...variantGroups(token, 'given'), ...variantGroups(token, 'surname')]);
  const variant = words.find((w) => [...variantGroups(w, 'given'), ...variantGroups(w, 'surname')].some((g) => groups.has(g)));
  if (variant !== undefined) return `"${variant}" is a known variant of "${token}" (nickname or transliteration)`;
  const key = soundKey(token);
  const sound = words.find((w) => soundKey(w) === key);
  if (sound !== undefined) return `"${sound}" sounds like "${token}"`;
  if (prefix) {
    const begun = words.find((w) => w.startsWith(token));
    if (begun !== undefined) return `"${begun}" begins with "${token}"`;
  }
  return undefined;
}
