import type { PersonRecord } from '../../core/records/index.js';
import { jaroWinkler, parseDate, soundKey, standardizeDocumentNumber, standardizeName, variantGroups } from '../../linkage/index.js';
import { BoundedHeap } from './bounded-heap.js';
import { IntVector } from './int-vector.js';
import type { QueryTerm } from './query-terms.js';

/**
 * How much each kind of agreement counts, in hundredths (they are stored per record in a byte);
 * a document number is the strongest evidence. Each code names one kind, for the reasons.
 */
const code = { exact: 100, variant: 90, sound: 75, prefix: 60, document: 200, date: 101, dateSwapped: 61 } as const;

/** At most this many terms are read from a query (queryTerms keeps eight). */
const maxTerms = 8;

/**
 * Postings one query may mark, and candidates it may then score, most selective term and
 * strongest evidence first: bounds the cost of a query made only of the commonest names, at
 * the price of its weakest partial matches.
 */
const markingBudget = 400_000;
const postingBudget = 60_000;

/** Sound keys shorter than this (`mr` for Maria, Mario, Moore…) select too much to help. */
const minSoundKey = 3;

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
/** The sound key of a token, or undefined when it is too short to select anything. */
function soundKeyOf(token: string): string | undefined {
  const key = soundKey(token);
  return key.length >= minSoundKey ? `s:${key}` : undefined;
}
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
    if (name.surname !== undefined) {
      const words = standardizeName(name.surname).split(' ');
      surname.push(...words);
      // Compound surnames are also written as one word (Al Hassan / Alhassan, De la Cruz / Delacruz).
      if (words.length > 1) surname.push(words.join(''));
    }
    // A single full-name field: each word may be either part.
    if (name.full !== undefined) for (const t of standardizeName(name.full).split(' ')) { given.push(t); surname.push(t); }
  }
  return { given: [...new Set(given.filter((t) => t !== ''))], surname: [...new Set(surname.filter((t) => t !== ''))] };
}

/** A term's keys with their weights, strongest first, and how many postings they hold together. */
interface PlannedTerm {
  readonly keys: readonly { readonly id: number; readonly code: number }[];
  readonly postings: number;
}

/**
 * An in-memory inverted index of person records for search: every name word under its
 * spelling, its sound key and its variant families (nicknames, transliterations), document
 * numbers and dates of birth under their standardized forms.
 *
 * A query reads the postings of its most selective term first (a date of birth or a document
 * number beats a common surname) and checks the other terms against each candidate's own keys,
 * so its cost follows the rarest thing typed, not the size of the population. Candidates are
 * ranked by how many of the typed terms they match, then by the weight of the evidence.
 */
export class SearchIndex {
  private readonly keyIds = new Map<string, number>();
  private readonly keyNames: string[] = [];
  private readonly postings: IntVector[] = [];
  private readonly recordIds = new IntVector(1024);
  private readonly entityIds = new IntVector(1024);
  private readonly sourceIds = new IntVector(1024);
  private readonly names: string[] = [];
  private readonly dates: string[] = [];
  /** Each slot's standardized name words, for explaining a hit and breaking ties. */
  private readonly words: string[] = [];
  private readonly slotOf = new Map<number, number>();
  /** Indexed name words, sorted, for completing a word being typed; new words wait in `newWords`. */
  private vocabulary: string[] = [];
  private newWords: string[] = [];
  /** Each slot's keys: slotKeys[slotStart[s] .. slotStart[s + 1]), to check a candidate against a common term. */
  private readonly slotStart = new IntVector(1024);
  private readonly slotKeys = new IntVector(8192);
  /** Per query, per term: the code of the best key each record matched (0: none); cleared after use. */
  private marks: Uint16Array[] = [];
  /** Marks carry the query's stamp in their high byte, so a query never has to clear them. */
  private stamp = 0;
  private seen = new Int32Array(0);
  private epoch = 0;

  constructor() {
    this.slotStart.push(0);
  }

  get size(): number {
    return this.recordIds.length;
  }

  /** Adds a record, or moves it to its (new) person when its id is already indexed. */
  add(entry: IndexedRecord): void {
    const existing = this.slotOf.get(entry.recordId);
    if (existing !== undefined) {
      // Records are immutable once ingested; only their person changes, so the keys stay.
      this.entityIds.view()[existing] = entry.entityId;
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
    for (const [tokens, kind] of [[given, 'given'], [surname, 'surname']] as const) {
      for (const t of tokens) {
        keys.add(nameKey(t));
        const sound = soundKeyOf(t);
        if (sound !== undefined) keys.add(sound);
        for (const g of variantGroups(t, kind)) keys.add(`v:${g}`);
      }
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
      let id = this.keyIds.get(key);
      if (id === undefined) {
        id = this.keyNames.length;
        this.keyIds.set(key, id);
        this.keyNames.push(key);
        this.postings.push(new IntVector(2));
        if (key.startsWith('n:')) this.newWords.push(key.slice(2));
      }
      this.postings[id]?.push(slot);
      this.slotKeys.push(id);
    }
    this.slotStart.push(this.slotKeys.length);
  }

  /** Moves a record to another person (a merge, a split, a review decision). */
  setEntity(recordId: number, entityId: number): void {
    const slot = this.slotOf.get(recordId);
    if (slot !== undefined) this.entityIds.view()[slot] = entityId;
  }

  has(recordId: number): boolean {
    return this.slotOf.has(recordId);
  }

  search(allTerms: readonly QueryTerm[], options: SearchOptions): SearchHit[] {
    const terms = allTerms.slice(0, maxTerms);
    if (terms.length === 0) return [];
    this.ensureScratch(terms.length);
    const n = terms.length;
    const planned = terms.map((t) => this.plan(t));
    const marks = this.marks.slice(0, n);
    const stamp = this.nextStamp();
    const order = planned.map((_, i) => i).sort((a, b) => (planned[a]?.postings ?? 0) - (planned[b]?.postings ?? 0));
    // The first driver needs no marks: a candidate's code for it is the key it was found under
    // (keys are read strongest first), and once it is read to the end, unseen records lack it.
    // Every other term is either marked (its best code per record written along its posting
    // lists, which sweep memory forwards) or, when it is far commoner than the candidates will
    // be, probed: each candidate's own keys are looked up in the term's few keys.
    const first = order[0] ?? 0;
    const candidates = Math.max(256, planned[first]?.postings ?? 0);
    const probes: (Map<number, number> | undefined)[] = planned.map((plan, t) =>
      t === first || plan.postings > 8 * candidates ? new Map(plan.keys.map((k) => [k.id, k.code])) : undefined);
    let markBudget = markingBudget;
    for (let t = 0; t < n; t++) {
      const mark = marks.at(t);
      const plan = planned.at(t);
      if (mark === undefined || plan === undefined || probes[t] !== undefined) continue;
      for (const key of plan.keys) {
        const list = this.postings.at(key.id)?.view();
        if (list === undefined) continue;
        const end = Math.min(list.length, Math.max(0, markBudget));
        markBudget -= end;
        for (let i = 0; i < end; i++) {
          const slot = list[i] ?? 0;
          if ((mark[slot] ?? 0) >> 8 !== stamp) mark[slot] = (stamp << 8) | key.code;
        }
      }
    }

    const wanted = Math.max(options.limit * 2, 20);
    const heap = new BoundedHeap(Math.max(options.limit * 2, 20));
    const epoch = ++this.epoch;
    const seen = this.seen;
    const sourceIds = this.sourceIds.view();
    const entityIds = this.entityIds.view();
    const slotStart = this.slotStart.view();
    const slotKeys = this.slotKeys.view();
    // byMatched[m]: candidates seen that match m terms. Once `exhausted` drivers are read to the
    // end, no unseen candidate matches more than n - exhausted terms: when enough candidates
    // reach that bound, reading further cannot change the first page.
    const byMatched = new Int32Array(n + 1);
    let exhausted = 0;
    const enough = (): boolean => {
      let atLeast = 0;
      for (let m = n - exhausted; m <= n; m++) atLeast += byMatched[m] ?? 0;
      return atLeast >= wanted;
    };
    let budget = postingBudget;
    drivers: for (const d of order) {
      for (const key of planned[d]?.keys ?? []) {
        if (budget <= 0 || enough()) break drivers;
        const list = this.postings.at(key.id)?.view();
        if (list === undefined) continue;
        const end = Math.min(list.length, budget);
        budget -= end;
        for (let i = 0; i < end; i++) {
          if ((i & 255) === 255 && enough()) break drivers;
          const slot = list[i] ?? 0;
          if (seen[slot] === epoch) continue;
          seen[slot] = epoch;
          if ((entityIds[slot] ?? 0) <= 0 || !options.sources.has(sourceIds[slot] ?? -1)) continue;
          let total = 0;
          let matched = 0;
          for (let t = 0; t < n; t++) {
            const probe = probes[t];
            let best = 0;
            if (t === d) best = key.code;
            else if (t === first) best = 0;
            else if (probe === undefined) {
              const m = marks[t]?.[slot] ?? 0;
              best = m >> 8 === stamp ? m & 0xff : 0;
            }
            else {
              for (let j = slotStart[slot] ?? 0, to = slotStart[slot + 1] ?? 0; j < to; j++) {
                const c = probe.get(slotKeys[j] ?? -1) ?? 0;
                if (c > best) best = c;
              }
            }
            if (best > 0) {
              total += best;
              matched++;
            }
          }
          byMatched[matched] = (byMatched[matched] ?? 0) + 1;
          // How many typed terms matched counts first, the weight of the evidence second.
          heap.offer(slot, matched * 1000 + total);
        }
      }
      exhausted++;
    }

    const typed = terms.filter((t) => t.kind === 'name').map((t) => t.token).join(' ');
    const ranked = heap.drain().map(({ item, score: s }) => ({
      slot: item,
      // Closeness of the whole written name breaks ties between equal evidence, and only those.
      score: s + (typed === '' ? 0 : jaroWinkler(typed.slice(0, 31), (this.words[item] ?? '').slice(0, 31))),
    })).sort((a, b) => b.score - a.score || a.slot - b.slot);
    const hits: SearchHit[] = [];
    const people = new Set<number>();
    for (const { slot, score: s } of ranked) {
      const personId = entityIds[slot] ?? 0;
      if (people.has(personId)) continue;
      people.add(personId);
      const date = this.dates[slot] ?? '';
      hits.push({
        personId,
        recordId: this.recordIds.get(slot),
        name: this.names[slot] ?? '',
        dateOfBirth: /^\d{8}$/.test(date) ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}` : null,
        score: Math.round(Math.floor(s) % 1000) / 100,
        reasons: this.reasons(slot, terms, (t) => this.codeOf(slot, marks[t], probes[t], stamp)),
      });
      if (hits.length >= options.limit) break;
    }
    return hits;
  }

  /** The keys a term reads, strongest first (exact, variant, sound, prefix), and their total postings. */
  private plan(term: QueryTerm): PlannedTerm {
    const wanted: [string, number][] = [];
    switch (term.kind) {
      case 'document':
        wanted.push([docKey(term.number), code.document]);
        break;
      case 'date':
        wanted.push([dateKey(term.date), code.date]);
        if (term.swapped !== undefined) wanted.push([dateKey(term.swapped), code.dateSwapped]);
        break;
      case 'name': {
        wanted.push([nameKey(term.token), code.exact]);
        const groups = new Set([...variantGroups(term.token, 'given'), ...variantGroups(term.token, 'surname')]);
        for (const g of groups) wanted.push([`v:${g}`, code.variant]);
        const sound = soundKeyOf(term.token);
        if (sound !== undefined) wanted.push([sound, code.sound]);
        if (term.prefix) for (const word of this.completions(term.token)) wanted.push([nameKey(word), code.prefix]);
        break;
      }
    }
    const keys: { id: number; code: number }[] = [];
    const used = new Set<number>();
    let postings = 0;
    for (const [key, c] of wanted) {
      const id = this.keyIds.get(key);
      if (id === undefined || used.has(id)) continue;
      used.add(id);
      keys.push({ id, code: c });
      postings += this.postings[id]?.length ?? 0;
    }
    return { keys, postings };
  }

  /** Indexed name words that begin with `prefix`, at most 64 of them. */
  private completions(prefix: string): string[] {
    this.mergeNewWords();
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

  /** Few new words (live ingest) are inserted in place; many (a bulk load) are merged by one sort. */
  private mergeNewWords(): void {
    if (this.newWords.length === 0) return;
    if (this.newWords.length > 256) {
      this.vocabulary = [...this.vocabulary, ...this.newWords].sort();
    } else {
      for (const word of this.newWords) {
        let lo = 0;
        let hi = this.vocabulary.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((this.vocabulary[mid] ?? '') < word) lo = mid + 1;
          else hi = mid;
        }
        this.vocabulary.splice(lo, 0, word);
      }
    }
    this.newWords = [];
  }

  /** The best code `slot` reached for a term, marked or probed. */
  private codeOf(slot: number, mark: Uint16Array | undefined, probe: Map<number, number> | undefined, stamp: number): number {
    if (probe === undefined) {
      const m = mark?.[slot] ?? 0;
      return m >> 8 === stamp ? m & 0xff : 0;
    }
    let best = 0;
    for (let j = this.slotStart.get(slot), to = this.slotStart.get(slot + 1); j < to; j++) best = Math.max(best, probe.get(this.slotKeys.get(j)) ?? 0);
    return best;
  }

  /** Why `slot` matched, one sentence per term it matched. */
  private reasons(slot: number, terms: readonly QueryTerm[], codeOf: (term: number) => number): string[] {
    const words = (this.words[slot] ?? '').split(' ');
    const out: string[] = [];
    terms.forEach((term, t) => {
      const c = codeOf(t);
      if (c === 0) return;
      switch (term.kind) {
        case 'document':
          out.push(`document number ${term.text} matches`);
          return;
        case 'date':
          out.push(c === code.date ? `date of birth ${term.text} matches` : `date of birth matches ${term.text} with day and month swapped`);
          return;
        case 'name':
          out.push(`${nameReason(term.token, c, words)}${term.text.toLowerCase() === term.token ? '' : ` (typed "${term.text}")`}`);
      }
    });
    return out;
  }

  /** Stamps run 1..255; when they wrap, every mark is cleared once (instead of after each query). */
  private nextStamp(): number {
    this.stamp = (this.stamp % 255) + 1;
    if (this.stamp === 1) for (const mark of this.marks) mark.fill(0);
    return this.stamp;
  }

  private ensureScratch(terms: number): void {
    const size = this.recordIds.length;
    if (this.seen.length < size) {
      const capacity = Math.max(1024, Math.ceil(size * 1.25));
      this.seen = new Int32Array(capacity);
      this.epoch = 0;
      this.marks = this.marks.map(() => new Uint16Array(capacity));
    }
    while (this.marks.length < terms) this.marks.push(new Uint16Array(this.seen.length));
  }
}

/** Says which written word gave the evidence of kind `c` for the typed `token`. */
function nameReason(token: string, c: number, words: readonly string[]): string {
  switch (c) {
    case code.exact:
      return `name "${token}" matches`;
    case code.variant: {
      const groups = new Set([...variantGroups(token, 'given'), ...variantGroups(token, 'surname')]);
      const variant = words.find((w) => [...variantGroups(w, 'given'), ...variantGroups(w, 'surname')].some((g) => groups.has(g)));
      return `"${variant ?? token}" is a known variant of "${token}" (nickname or transliteration)`;
    }
    case code.sound: {
      const key = soundKeyOf(token);
      const sound = words.find((w) => soundKeyOf(w) === key);
      return `"${sound ?? token}" sounds like "${token}"`;
    }
    default: {
      const begun = words.find((w) => w.startsWith(token));
      return `"${begun ?? token}" begins with "${token}"`;
    }
  }
}
