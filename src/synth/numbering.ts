import { NumberSeries } from './document-numbers.js';
import type { SourceId } from './emission.js';
import { SourceIds } from './emission.js';
import { mix32 } from './random.js';
import { UniqueNumbers } from './unique-number.js';

/** The most people one run may generate: every identifier layout below holds that many people's numbers. */
export const MAX_PEOPLE = 20_000_000;

/** Per-person slots of each series: a person has at most this many numbers of the kind. */
export const SLOTS = { passport: 8, i94: 256, foil: 16, sevis: 4, receipt: 32, courtCase: 4, criminalCase: 8, certificate: 4, usPassport: 4, record: 1024 } as const;

/**
 * Every identifier the systems issue, unique across the run and stable for a seed: alien
 * numbers, I-94 numbers, visa foils, SEVIS ids, receipts, case and certificate numbers, passports
 * and the sources' own record keys.
 */
export class Numbering {
  private readonly aNumbers: UniqueNumbers;
  private readonly i94s: NumberSeries;
  private readonly foils: NumberSeries;
  private readonly sevisIds: NumberSeries;
  private readonly receipts: NumberSeries;
  private readonly courtCases: NumberSeries;
  private readonly criminalCases: NumberSeries;
  private readonly certificates: NumberSeries;
  private readonly usPassports: NumberSeries;
  private readonly passports = new Map<string, NumberSeries>();
  private readonly records: ReadonlyMap<SourceId, UniqueNumbers>;

  constructor(private readonly seed: number) {
    const key = (salt: number): number => mix32(seed ^ Math.imul(salt, 0x9e3779b1));
    this.aNumbers = new UniqueNumbers(key(1), 800_000_000);
    this.i94s = new NumberSeries(key(2), '#########L#');
    this.foils = new NumberSeries(key(3), 'L########');
    this.sevisIds = new NumberSeries(key(4), '##########');
    this.receipts = new NumberSeries(key(5), '##########');
    this.courtCases = new NumberSeries(key(6), '#########');
    this.criminalCases = new NumberSeries(key(7), '#########');
    this.certificates = new NumberSeries(key(8), '#########');
    this.usPassports = new NumberSeries(key(9), 'L########');
    // A power-of-two domain needs no cycle-walking, and record keys are made for every row.
    this.records = new Map(SourceIds.map((source, i) => [source, new UniqueNumbers(key(100 + i), 2 ** 36)]));
  }

  /** Nine digits from 200000000 up, as alien numbers issued since the 2000s look. */
  aNumber(person: number): string {
    return `A${String(200_000_000 + this.aNumbers.of(person))}`;
  }

  i94(person: number, k: number): string {
    return this.i94s.number(slot(person, k, SLOTS.i94));
  }

  foil(person: number, k: number): string {
    return this.foils.number(slot(person, k, SLOTS.foil));
  }

  sevis(person: number, k: number): string {
    return `N${this.sevisIds.number(slot(person, k, SLOTS.sevis))}`;
  }

  receipt(person: number, k: number, center: string): string {
    return `${center}${this.receipts.number(slot(person, k, SLOTS.receipt))}`;
  }

  courtCase(person: number, k: number): string {
    return this.courtCases.number(slot(person, k, SLOTS.courtCase));
  }

  criminalCase(person: number, k: number, year: number): string {
    return `CR-${year}-${this.criminalCases.number(slot(person, k, SLOTS.criminalCase))}`;
  }

  certificate(person: number, k: number): string {
    return this.certificates.number(slot(person, k, SLOTS.certificate));
  }

  usPassport(person: number, k: number): string {
    return this.usPassports.number(slot(person, k, SLOTS.usPassport));
  }

  passport(layout: string, country: string, person: number, k: number): string {
    let series = this.passports.get(country);
    if (series === undefined) {
      let h = this.seed;
      for (let i = 0; i < country.length; i++) h = mix32(h ^ country.charCodeAt(i));
      series = new NumberSeries(h, layout);
      this.passports.set(country, series);
    }
    return series.number(slot(person, k, SLOTS.passport));
  }

  /** A source's own key for its k-th row about a person (opaque: it reveals nothing of the person). */
  record(source: SourceId, person: number, k: number): string {
    const series = this.records.get(source);
    if (series === undefined) throw new RangeError(`no record series for ${source}`);
    return String(series.of(slot(person, k, SLOTS.record))).padStart(11, '0');
  }
}

function slot(person: number, k: number, slots: number): number {
  if (k >= slots) throw new RangeError(`more than ${slots} numbers of one kind for person ${person}`);
  return person * slots + k;
}
