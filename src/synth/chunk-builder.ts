import type { LegalStatusKind } from '../core/records/index.js';
import { dayOf, isoDay } from './calendar.js';
import type { Emission, SourceId } from './emission.js';
import type { ChunkPlan } from './chunk-plan.js';
import type { ResolvedOptions } from './generate-options.js';
import type { SimulatedPerson } from './household.js';
import { householdRandom, planHousehold, runHousehold } from './household.js';
import type { World } from './life/life.js';
import type { NamePart } from './names/name-token.js';
import { Numbering } from './numbering.js';
import { RowFormat } from './output/row-format.js';
import type { Person } from './person.js';
import { Random } from './random.js';
import { ErrorStats, RecordWriter } from './record-writer.js';
import { SOURCE_DEFINITIONS } from './source-catalog.js';
import type { SourceDefinition } from './sources/source-definition.js';

/** Columns of the per-person truth file. */
export const PEOPLE_COLUMNS = [
  'person_id', 'household_id', 'role', 'mother_id', 'father_id', 'twin_id', 'origin', 'pathway', 'sex', 'date_of_birth', 'given_names', 'middle_names',
  'surnames', 'english_name', 'country_of_birth', 'citizenships', 'a_number', 'status', 'facts', 'records',
] as const;

/** Columns of the per-record truth file: which person each source row is about, and the errors it carries. */
export const RECORD_COLUMNS = ['source', 'record_id', 'person_id', 'errors'] as const;

/** A chunk's part of one file: UTF-8 bytes with a buffer of their own, so a worker can transfer them without a copy. */
export interface ChunkPart {
  readonly bytes: Uint8Array;
  readonly rows: number;
}

/** One chunk's bytes for every file, and what it counted; plain data, so it can cross from a worker thread. */
export interface ChunkOutput {
  readonly chunk: number;
  readonly sources: ReadonlyMap<SourceId, ChunkPart>;
  readonly records: ChunkPart;
  readonly people: ChunkPart;
  readonly errors: ReturnType<ErrorStats['toJSON']>;
  readonly statuses: ReadonlyMap<LegalStatusKind, number>;
  readonly facts: ReadonlyMap<string, number>;
  readonly withoutRecords: number;
}

type AnySource = SourceDefinition;

const encoder = new TextEncoder();

function part(lines: readonly string[]): ChunkPart {
  return { bytes: encoder.encode(lines.join('')), rows: lines.length };
}

/** The buffers a chunk's parts own, to transfer them from a worker thread. */
export function transferables(output: ChunkOutput): ArrayBuffer[] {
  return [...output.sources.values(), output.records, output.people].map((p) => p.bytes.buffer as ArrayBuffer);
}

function trueName(parts: readonly NamePart[]): string {
  return parts.map((part) => part.token.render(part.form, 'title-unicode')).join(' ');
}

/**
 * Builds the output of consecutive households, pure apart from memory: the same options and
 * household range give the same text in any process, so chunks may be built anywhere and
 * written in order.
 */
export class ChunkBuilder {
  private readonly world: World;
  private readonly formats: ReadonlyMap<SourceId, RowFormat>;
  private readonly peopleFormat: RowFormat;
  private readonly recordFormat: RowFormat;
  private readonly definitions: ReadonlyMap<SourceId, AnySource>;

  constructor(private readonly options: ResolvedOptions) {
    this.world = { asOf: options.asOf, recordsFrom: dayOf(1995, 1, 1), numbering: new Numbering(options.seed) };
    this.definitions = new Map(SOURCE_DEFINITIONS.map((source: AnySource) => [source.id, source]));
    this.formats = new Map(SOURCE_DEFINITIONS.map((source: AnySource) => [source.id, new RowFormat(options.format, source.columns)]));
    this.peopleFormat = new RowFormat(options.format, PEOPLE_COLUMNS);
    this.recordFormat = new RowFormat(options.format, RECORD_COLUMNS);
  }

  headers(): { readonly sources: ReadonlyMap<SourceId, string>; readonly people: string; readonly records: string } {
    return {
      sources: new Map([...this.formats].map(([id, format]) => [id, format.header()])),
      people: this.peopleFormat.header(),
      records: this.recordFormat.header(),
    };
  }

  /** The households of one chunk: each runs whole, except the run's last one, cut at the plan's count. */
  build(plan: ChunkPlan): ChunkOutput {
    const seed = this.options.seed;
    const lines = new Map<SourceId, string[]>();
    const recordLines: string[] = [];
    const peopleLines: string[] = [];
    const stats = new ErrorStats();
    const statuses = new Map<LegalStatusKind, number>();
    const facts = new Map<string, number>();
    let withoutRecords = 0;
    let made = 0;
    for (let household = plan.firstHousehold; household < plan.firstHousehold + plan.households; household++) {
      const random = householdRandom(seed, household);
      const simulated = runHousehold(this.world, planHousehold(random, household), random, plan.firstPerson + made, plan.people - made);
      const writer = new RecordWriter(Random.derive(seed, household, 0x6e6f6973), stats);
      for (const person of simulated) {
        const counts = new Map<SourceId, number>();
        for (const emission of person.person.emissions) {
          const k = counts.get(emission.source) ?? 0;
          counts.set(emission.source, k + 1);
          this.writeRecord(emission, person.person, k, writer, lines, recordLines);
        }
        if (person.person.emissions.length === 0) withoutRecords++;
        statuses.set(person.status, (statuses.get(person.status) ?? 0) + 1);
        for (const fact of person.facts) facts.set(fact, (facts.get(fact) ?? 0) + 1);
        peopleLines.push(this.personLine(person));
      }
      made += simulated.length;
    }
    // Rows of a chunk are shuffled so a file's order says nothing about who is who.
    const shuffle = Random.derive(seed, plan.chunk, 0x73687566);
    const sources = new Map<SourceId, ChunkPart>();
    for (const [id, list] of lines) {
      shuffle.shuffle(list);
      sources.set(id, part(list));
    }
    shuffle.shuffle(recordLines);
    return {
      chunk: plan.chunk, sources, records: part(recordLines), people: part(peopleLines),
      errors: stats.toJSON(), statuses, facts, withoutRecords,
    };
  }

  private writeRecord(emission: Emission, person: Person, k: number, writer: RecordWriter, lines: Map<SourceId, string[]>, recordLines: string[]): void {
    const source = this.definitions.get(emission.source);
    const format = this.formats.get(emission.source);
    if (source === undefined || format === undefined) throw new RangeError(`unknown source ${emission.source}`);
    const rates = this.options.rates.get(emission.source);
    if (rates === undefined) throw new RangeError(`no error rates for ${emission.source}`);
    writer.begin(person, emission.source, rates, source.dateFormat);
    const id = this.world.numbering.record(emission.source, person.index, k);
    const row: Readonly<Partial<Record<string, string>>> = source.render(emission, writer, id);
    let list = lines.get(emission.source);
    if (list === undefined) {
      list = [];
      lines.set(emission.source, list);
    }
    list.push(format.row(row));
    const key = source.mapping.recordKey === undefined ? id : (row[source.mapping.recordKey] ?? id);
    recordLines.push(this.recordFormat.line([emission.source, key, person.id, writer.errors.join(';')]));
  }

  private personLine(simulated: SimulatedPerson): string {
    const p = simulated.person;
    return this.peopleFormat.line([
      p.id, p.household.id, p.role, p.mother?.id ?? '', p.father?.id ?? '', p.twin?.id ?? '', p.household.origin.code, simulated.pathway, p.sex,
      isoDay(p.dob), trueName(p.name.given), trueName(p.name.middle), trueName(p.name.surname), p.englishName?.forms[0] ?? '', p.countryOfBirth,
      (simulated.status === 'citizen' && !p.citizenships.includes('USA') ? [...p.citizenships, 'USA'] : p.citizenships).join(';'), p.aNumber ?? '', simulated.status, simulated.facts.join(';'), String(p.emissions.length),
    ]);
  }
}
