import type { PersonRecord } from '../../core/records/index.js';
import { jaroWinkler, parseDate, soundKey, standardizeDocumentNumber, standardizeName, variantGroups } from '../../linkage/index.js';
import { BoundedHeap } from './bounded-heap.js';
import { IntVector } from './int-vector.js';
import type { QueryTerm } from './query-terms.js';

/**
 * How much each kind of agreement counts, in hundredths; a document number is the strongest
 * evidence. Each code names one kind, for the reasons.
 */
const code = { exact: 100, variant: 90, sound: 75, prefix: 60, document: 200, date: 101, dateSwapped: 61 } as const;
type Code = (typeof code)[keyof typeof code];

/**
 * Marks hold a code's place in this table (3 bits) under the query's stamp (5 bits), so one
 * byte per record serves a term; 0 is "no code".
 */
const codeTable: readonly number[] = [0, code.exact, code.variant, code.sound, code.prefix, code.document, code.date, code.dateSwapped];
const codeSlot = new Map(codeTable.map((c, i) => [c, i]));
const stampPeriod = 31;

/** At most this many terms are read from a query (queryTerms keeps eight). */
const maxTerms = 8;

/**
 * Postings one query may mark, and candidates it may then score, most selective term and
 * strongest evidence first: bounds the cost of a query made only of the commonest names, at
 * the price of its weakest partial matches.
 */
const markingBudget = 400_000;
const postingBudget = 60_000;

/** A term far commoner than the candidates is checked against each candidate's keys instead of being marked. */
const probeRatio = 8;

/** Sound keys shorter than this (`mr` for Maria, Mario, Moore…) select too much to help. */
const minSoundKey = 3;

/** Completions of the word being typed that a query reads. */
const maxCompletions = 64;

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

/** The sound key of a token, or undefined when it is too short to select anything. */
function soundKeyOf(token: string): string | undefined {
  const key = soundKey(token);
  return key.length >= minSoundKey ? key : undefined;
}

function displayName(record: PersonRecord): string {
  const n = record.name;
  const parts = [n.given, n.middle, n.surname].filter((p): p is string => p !== undefined && p !== '');
  return parts.length > 0 ? parts.join(' ') : (n.full ?? '');
}

/** YYYYMMDD as YYYY-MM-DD; anything else (a partial date) is not shown. */
function displayDate(date: string): string | null {
  return /^\d{8}$/.test(date) ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}` : null;
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

/** A term's keys (ids) with their codes, strongest first, and how many postings they hold together. */
interface PlannedTerm {
  readonly ids: number[];
  readonly codes: number[];
  readonly postings: number;
}

/** Key ids of one kind by their text (or number); ids are shared by every kind. */
class KeySpace<K> {
  private readonly ids = new Map<K, number>();
  get(key: K): number | undefined {
    return this.ids.get(key);
  }
  idOf(key: K, next: () => number): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = next();
      this.ids.set(key, id);
    }
    return id;
  }
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
 *
 * A query's cost is mostly memory traffic, so what it touches per candidate is kept small: a
 * bit per record for "already seen", a byte per record for a term's marks, and one 16-bit
 * number per record saying whether it belongs to a person and from which source.
 */
export class SearchIndex {
  // Separate key spaces keep each lookup table small (a million document numbers do not slow a name's lookup).
  private readonly words = new KeySpace<string>();
  private readonly sounds = new KeySpace<string>();
  private readonly variants = new KeySpace<number>();
  private readonly documents = new KeySpace<string>();
  private readonly dates = new KeySpace<string>();
  /**
   * Postings by key id: name keys (words, sound keys, variant families) count up from 0, and
   * document numbers and dates count down from -1, so a table by name key id, which every
   * candidate's keys are looked up in when a common name is probed, stays small.
   */
  private readonly postings: IntVector[] = [];
  private readonly rarePostings: IntVector[] = [];
  private readonly recordIds = new IntVector(1024);
  private readonly entityIds = new IntVector(1024);
  private readonly sourceIds = new IntVector(1024);
  /** Per slot: 0 when the record belongs to no person yet, else its source's place in `sourceList` + 1. */
  private filter = new Uint16Array(1024);
  private readonly sourceList: number[] = [];
  private readonly sourcePlace = new Map<number, number>();
  private readonly names: string[] = [];
  private readonly birthDates: (string | null)[] = [];
  /** Each slot's standardized name words, for explaining a hit and breaking ties. */
  private readonly slotWords: string[] = [];
  private readonly slotOf = new Map<number, number>();
  /** Indexed name words, sorted, with their key ids, for completing a word being typed; new words wait in `newWords`. */
  private vocabulary: string[] = [];
  private vocabularyIds = new Int32Array(0);
  private newWords: string[] = [];
  /** Each slot's keys: slotKeys[slotStart[s] .. slotStart[s + 1]), to check a candidate against a common term. */
  private readonly slotStart = new IntVector(1024);
  private readonly slotKeys = new IntVector(8192);
  /** Per term of a query: a byte per record, the place of its best code under the query's stamp. */
  private marks: Uint8Array[] = [];
  private readonly marksUsed: boolean[] = [];
  private stamp = 0;
  /** Per term of a query: the code of each of its keys, by key id; cleared after the query. */
  private probes: Uint8Array[] = [];
  /** One bit per record: seen by this query; cleared before the next. */
  private seen = new Uint32Array(0);

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
      this.setSlotEntity(existing, entry.entityId);
      return;
    }
    const slot = this.recordIds.length;
    this.recordIds.push(entry.recordId);
    this.entityIds.push(entry.entityId);
    this.sourceIds.push(entry.sourceId);
    let place = this.sourcePlace.get(entry.sourceId);
    if (place === undefined) {
      place = this.sourceList.length + 1;
      if (place > 0xffff) throw new Error('the search index holds at most 65,535 sources');
      this.sourceList.push(entry.sourceId);
      this.sourcePlace.set(entry.sourceId, place);
    }
    if (slot >= this.filter.length) {
      const grown = new Uint16Array(this.filter.length * 2);
      grown.set(this.filter);
      this.filter = grown;
    }
    this.filter[slot] = entry.entityId > 0 ? place : 0;
    this.names.push(displayName(entry.record));
    this.slotOf.set(entry.recordId, slot);
    const { given, surname } = nameTokens(entry.record);
    const keys = new Set<number>();
    const next = (): number => {
      this.postings.push(new IntVector(2));
      return this.postings.length - 1;
    };
    const nextRare = (): number => {
      this.rarePostings.push(new IntVector(2));
      return -this.rarePostings.length;
    };
    for (const [tokens, kind] of [[given, 'given'], [surname, 'surname']] as const) {
      for (const t of tokens) {
        keys.add(this.words.idOf(t, () => {
          this.newWords.push(t);
          return next();
        }));
        const sound = soundKeyOf(t);
        if (sound !== undefined) keys.add(this.sounds.idOf(sound, next));
        for (const g of variantGroups(t, kind)) keys.add(this.variants.idOf(g, next));
      }
    }
    this.slotWords.push([...new Set([...given, ...surname])].join(' '));
    for (const d of entry.record.documents) {
      const number = standardizeDocumentNumber(d.number);
      if (number !== '') keys.add(this.documents.idOf(number, nextRare));
    }
    const date = entry.record.dateOfBirth === undefined ? '' : (parseDate(entry.record.dateOfBirth) ?? '');
    this.birthDates.push(displayDate(date));
    if (date !== '') keys.add(this.dates.idOf(date, nextRare));
    for (const id of keys) {
      this.listOf(id)?.push(slot);
      this.slotKeys.push(id);
    }
    this.slotStart.push(this.slotKeys.length);
  }

  private listOf(id: number): IntVector | undefined {
    return id >= 0 ? this.postings[id] : this.rarePostings[-1 - id];
  }

  /** Moves a record to another person (a merge, a split, a review decision). */
  setEntity(recordId: number, entityId: number): void {
    const slot = this.slotOf.get(recordId);
    if (slot !== undefined) this.setSlotEntity(slot, entityId);
  }

  has(recordId: number): boolean {
    return this.slotOf.has(recordId);
  }

  search(allTerms: readonly QueryTerm[], options: SearchOptions): SearchHit[] {
    const terms = allTerms.slice(0, maxTerms);
    if (terms.length === 0) return [];
    const n = terms.length;
    this.ensureScratch(n);
    const planned = terms.map((t) => this.plan(t));
    const stamp = this.nextStamp();
    const order = planned.map((_, i) => i).sort((a, b) => (planned[a]?.postings ?? 0) - (planned[b]?.postings ?? 0));
    // The first driver needs no marks: a candidate's code for it is the key it was found under
    // (keys are read strongest first), and once it is read to the end, unseen records lack it.
    // Every other term is either marked (its best code per record written along its posting
    // lists, which sweep memory forwards) or, when it is far commoner than the candidates will
    // be, probed: each candidate's own keys are looked up in a table of the term's few keys.
    const first = order[0] ?? 0;
    const candidates = Math.max(256, planned[first]?.postings ?? 0);
    // 0: the first driver; 1: marked; 2: probed.
    const how = new Uint8Array(n);
    /** Probed terms with document or date keys, which are not in the probe tables. */
    const rare = new Array<boolean>(n).fill(false);
    const marks = this.marks;
    const probes = this.probes;
    let markBudget = markingBudget;
    for (let t = 0; t < n; t++) {
      const plan = planned[t];
      if (t === first) continue;
      if (plan.postings > probeRatio * candidates) {
        how[t] = 2;
        const probe = probes[t];
        for (let k = 0; k < plan.ids.length; k++) if ((plan.ids[k] ?? -1) >= 0) probe[plan.ids[k] ?? 0] = plan.codes[k] ?? 0;
        rare[t] = plan.ids.some((id) => id < 0);
        continue;
      }
      how[t] = 1;
      const mark = marks[t];
      this.marksUsed[t] = true;
      for (let k = 0; k < plan.ids.length; k++) {
        const list = this.listOf(plan.ids[k] ?? 0)?.view();
        if (list === undefined) continue;
        const value = (stamp << 3) | (codeSlot.get(plan.codes[k] ?? 0) ?? 0);
        const end = Math.min(list.length, Math.max(0, markBudget));
        markBudget -= end;
        for (let i = 0; i < end; i++) {
          const slot = list[i] ?? 0;
          if ((mark[slot] ?? 0) >> 3 !== stamp) mark[slot] = value;
        }
      }
    }

    const wanted = Math.max(options.limit * 2, 20);
    const allowed = new Uint8Array(this.sourceList.length + 1);
    for (let p = 1; p <= this.sourceList.length; p++) allowed[p] = options.sources.has(this.sourceList[p - 1] ?? -1) ? 1 : 0;
    const heap = new BoundedHeap(wanted);
    const seen = this.seen;
    seen.fill(0, 0, (this.recordIds.length >> 5) + 1);
    const filter = this.filter;
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
      const plan = planned[d];
      for (let k = 0; k < plan.ids.length; k++) {
        if (budget <= 0 || enough()) break drivers;
        const list = this.listOf(plan.ids[k] ?? 0)?.view();
        if (list === undefined) continue;
        const driverCode = plan.codes[k] ?? 0;
        const end = Math.min(list.length, budget);
        budget -= end;
        for (let i = 0; i < end; i++) {
          if ((i & 255) === 255 && enough()) break drivers;
          const slot = list[i] ?? 0;
          const word = slot >> 5;
          const bit = 1 << (slot & 31);
          const w = seen[word] ?? 0;
          if ((w & bit) !== 0) continue;
          seen[word] = w | bit;
          if (allowed[filter[slot] ?? 0] !== 1) continue;
          let total = driverCode;
          let matched = 1;
          for (let t = 0; t < n; t++) {
            const kind = how[t];
            if (t === d || kind === 0) continue;
            let best = 0;
            if (kind === 1) {
              const m = marks[t]?.[slot] ?? 0;
              if (m >> 3 === stamp) best = codeTable[m & 7] ?? 0;
            } else {
              const probe = probes[t];
              for (let j = slotStart[slot] ?? 0, to = slotStart[slot + 1] ?? 0; j < to; j++) {
                const key = slotKeys[j] ?? 0;
                const c = key >= 0 ? (probe[key] ?? 0) : rare[t] ? this.rareCode(planned[t], key) : 0;
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

    const hits = this.hits(heap, terms, options.limit, (slot, t) => this.codeOf(slot, t, how[t] ?? 0, stamp, planned[t]));
    // Probe tables are cleared key by key; marks wait for the stamp to come round.
    for (let t = 0; t < n; t++) {
      const probe = probes[t];
      const plan = planned[t];
      if (how[t] === 2) for (const id of plan.ids) if (id >= 0) probe[id] = 0;
    }
    return hits;
  }

  /**
   * The first page: best first, one hit per person, each with its reasons. Closeness of the
   * whole written name breaks ties between equal evidence, and only those, so it is computed
   * only where two candidates tie.
   */
  private hits(heap: BoundedHeap, terms: readonly QueryTerm[], limit: number, codeOf: (slot: number, term: number) => number): SearchHit[] {
    const ranked = heap.drain();
    const typed = terms.filter((t) => t.kind === 'name').map((t) => t.token).join(' ').slice(0, 31);
    if (typed !== '') {
      for (let i = 0; i < ranked.length;) {
        let j = i + 1;
        while (j < ranked.length && ranked[j]?.score === ranked[i]?.score) j++;
        if (j - i > 1) {
          const run = ranked.slice(i, j).map((r) => ({ ...r, closeness: jaroWinkler(typed, (this.slotWords[r.item] ?? '').slice(0, 31)) }));
          run.sort((a, b) => b.closeness - a.closeness || a.item - b.item);
          for (let k = 0; k < run.length; k++) {
            ranked[i + k] = run[k];
          }
        }
        i = j;
      }
    }
    const entityIds = this.entityIds.view();
    const out: SearchHit[] = [];
    const people = new Set<number>();
    for (const { item: slot, score } of ranked) {
      const personId = entityIds[slot] ?? 0;
      if (people.has(personId)) continue;
      people.add(personId);
      out.push({
        personId,
        recordId: this.recordIds.get(slot),
        name: this.names[slot] ?? '',
        dateOfBirth: this.birthDates[slot] ?? null,
        score: Math.round(score % 1000) / 100,
        reasons: this.reasons(slot, terms, (t) => codeOf(slot, t)),
      });
      if (out.length >= limit) break;
    }
    return out;
  }

  /** The keys a term reads, strongest first (exact, variant, sound, prefix), and their total postings. */
  private plan(term: QueryTerm): PlannedTerm {
    const ids: number[] = [];
    const codes: number[] = [];
    let postings = 0;
    const use = (id: number | undefined, c: Code): void => {
      if (id === undefined || ids.includes(id)) return;
      ids.push(id);
      codes.push(c);
      postings += this.listOf(id)?.length ?? 0;
    };
    switch (term.kind) {
      case 'document':
        use(this.documents.get(term.number), code.document);
        break;
      case 'date':
        use(this.dates.get(term.date), code.date);
        if (term.swapped !== undefined) use(this.dates.get(term.swapped), code.dateSwapped);
        break;
      case 'name': {
        use(this.words.get(term.token), code.exact);
        for (const g of new Set([...variantGroups(term.token, 'given'), ...variantGroups(term.token, 'surname')])) use(this.variants.get(g), code.variant);
        const sound = soundKeyOf(term.token);
        if (sound !== undefined) use(this.sounds.get(sound), code.sound);
        if (term.prefix) for (const id of this.completions(term.token)) use(id, code.prefix);
        break;
      }
    }
    return { ids, codes, postings };
  }

  /** Key ids of indexed name words that begin with `prefix` (not the word itself), at most 64 of them. */
  private completions(prefix: string): number[] {
    this.mergeNewWords();
    const vocabulary = this.vocabulary;
    let lo = 0;
    let hi = vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((vocabulary[mid] ?? '') < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < vocabulary.length && out.length < maxCompletions; i++) {
      const word = vocabulary[i] ?? '';
      if (!word.startsWith(prefix)) break;
      if (word !== prefix) out.push(this.vocabularyIds[i] ?? 0);
    }
    return out;
  }

  /** New words join the sorted vocabulary at the next query: one sort, and their ids looked up once. */
  private mergeNewWords(): void {
    if (this.newWords.length === 0) return;
    const vocabulary = this.newWords.length > 256 ? [...this.vocabulary, ...this.newWords].sort() : this.vocabulary;
    if (vocabulary === this.vocabulary) {
      for (const word of this.newWords) {
        let lo = 0;
        let hi = vocabulary.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((vocabulary[mid] ?? '') < word) lo = mid + 1;
          else hi = mid;
        }
        vocabulary.splice(lo, 0, word);
      }
    }
    this.vocabulary = vocabulary;
    this.vocabularyIds = Int32Array.from(vocabulary, (w) => this.words.get(w) ?? 0);
    this.newWords = [];
  }

  /** The best code `slot` reached for term `t`, however the query read it. */
  private codeOf(slot: number, t: number, how: number, stamp: number, plan: PlannedTerm | undefined): number {
    if (plan === undefined) return 0;
    if (how === 1) {
      const m = this.marks[t]?.[slot] ?? 0;
      return m >> 3 === stamp ? (codeTable[m & 7] ?? 0) : 0;
    }
    // The first driver and probed terms: the strongest of the term's keys among the slot's keys.
    let best = 0;
    for (let j = this.slotStart.get(slot), to = this.slotStart.get(slot + 1); j < to; j++) {
      const k = plan.ids.indexOf(this.slotKeys.get(j));
      if (k >= 0) best = Math.max(best, plan.codes[k] ?? 0);
    }
    return best;
  }

  /** The code of a document or date key in a probed term's plan. */
  private rareCode(plan: PlannedTerm | undefined, key: number): number {
    const k = plan?.ids.indexOf(key) ?? -1;
    return k < 0 ? 0 : (plan?.codes[k] ?? 0);
  }

  /** Why `slot` matched, one sentence per term it matched. */
  private reasons(slot: number, terms: readonly QueryTerm[], codeOf: (term: number) => number): string[] {
    const words = (this.slotWords[slot] ?? '').split(' ');
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

  private setSlotEntity(slot: number, entityId: number): void {
    this.entityIds.view()[slot] = entityId;
    this.filter[slot] = entityId > 0 ? (this.sourcePlace.get(this.sourceIds.get(slot)) ?? 0) : 0;
  }

  /** Stamps run 1..31; when they wrap, the marks written since the last wrap are cleared once. */
  private nextStamp(): number {
    this.stamp = (this.stamp % stampPeriod) + 1;
    if (this.stamp === 1) {
      this.marks.forEach((mark, t) => {
        if (this.marksUsed[t]) mark.fill(0);
        this.marksUsed[t] = false;
      });
    }
    return this.stamp;
  }

  private ensureScratch(terms: number): void {
    const size = this.recordIds.length;
    if (this.seen.length * 32 < size) {
      const capacity = Math.max(1024, Math.ceil(size * 1.25));
      this.seen = new Uint32Array((capacity >> 5) + 1);
      this.marks = this.marks.map(() => new Uint8Array(capacity));
    }
    while (this.marks.length < terms) this.marks.push(new Uint8Array(this.seen.length * 32));
    const keys = this.postings.length;
    if ((this.probes[0]?.length ?? 0) < keys) this.probes = this.probes.map(() => new Uint8Array(Math.ceil(keys * 1.25)));
    while (this.probes.length < terms) this.probes.push(new Uint8Array(Math.ceil(keys * 1.25)));
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
