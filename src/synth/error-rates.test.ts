import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GenerateSummary } from './generate.js';
import { generate } from './generate.js';
import { ErrorKind } from './noise.js';
import { sourceCatalog } from './source-catalog.js';
import { applyMapping } from './testing/apply-mapping.js';
import type { Row } from './testing/read-table.js';
import { readTable } from './testing/read-table.js';
import { tempOutput } from './testing/temp-output.js';

const RATE = 0.12;
const COURT_TYPO = 0.3;
const out = tempOutput('errors');
const clean = tempOutput('clean');
let summary: GenerateSummary;

beforeAll(async () => {
  const everyKind = Object.fromEntries(ErrorKind.map((kind) => [kind, RATE]));
  const errorRates = Object.fromEntries(sourceCatalog.map((source) => [source.id, { ...everyKind }]));
  errorRates['court-dockets'] = { ...everyKind, typo: COURT_TYPO };
  summary = await generate({ people: 12_000, seed: 31337, outDir: out, errorRates });
  await generate({ people: 3_000, seed: 31337, outDir: clean, errorScale: 0 });
});

/** The true date of birth of every person, and each record's row and injected errors. */
function load(dir: string): { dob: Map<string, string>; rows: { source: string; row: Row; person: string; errors: string[] }[] } {
  const dob = new Map(readTable(join(dir, 'truth', 'people.csv')).map((p) => [p.person_id ?? '', p.date_of_birth ?? '']));
  const truth = new Map(readTable(join(dir, 'truth', 'records.csv')).map((r) => [`${r.source ?? ''}|${r.record_id ?? ''}`, r]));
  const rows = sourceCatalog.flatMap((source) => readTable(join(dir, source.file.csv)).map((row) => {
    const record = truth.get(`${source.id}|${row[source.mapping.recordKey ?? ''] ?? ''}`);
    return { source: source.id, row, person: record?.person_id ?? '', errors: (record?.errors ?? '').split(';').filter((e) => e !== '') };
  }));
  return { dob, rows };
}

function eventDates(source: string, row: Row): string[] {
  const entry = sourceCatalog.find((s) => s.id === source);
  const parsed = entry === undefined ? undefined : applyMapping(entry.mapping, row);
  return parsed?.success === true ? parsed.data.events.map((event) => event.date) : [];
}

function mappedDob(source: string, row: Row): string | undefined {
  const entry = sourceCatalog.find((s) => s.id === source);
  if (entry === undefined) return undefined;
  const parsed = applyMapping(entry.mapping, row);
  return parsed.success ? parsed.data.dateOfBirth : undefined;
}

describe('error injection', () => {
  it('injects each error kind at its configured rate, per source, within sampling tolerance', () => {
    let checked = 0;
    for (const [source, kinds] of Object.entries(summary.errors)) {
      for (const [kind, { applicable, injected }] of Object.entries(kinds)) {
        if (applicable < 300) continue;
        const rate = source === 'court-dockets' && kind === 'typo' ? COURT_TYPO : RATE;
        const tolerance = 4.5 * Math.sqrt((rate * (1 - rate)) / applicable) + 0.003;
        expect(Math.abs(injected / applicable - rate), `${source} ${kind}: ${injected}/${applicable}`).toBeLessThan(tolerance);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
    for (const kind of ErrorKind) expect(Object.values(summary.errors).some((kinds) => kinds[kind].injected > 0), kind).toBe(true);
  });

  it('writes in the truth file exactly the date errors the rows carry', () => {
    const { dob, rows } = load(out);
    let swaps = 0;
    for (const { source, row, person, errors } of rows) {
      const written = mappedDob(source, row);
      const truth = dob.get(person) ?? '';
      if (written === undefined) continue;
      if (errors.includes('date-swap')) {
        expect(written, `${source} ${JSON.stringify(row)}`).toBe(`${truth.slice(0, 4)}-${truth.slice(8, 10)}-${truth.slice(5, 7)}`);
        swaps++;
      } else if (errors.includes('date-typo')) {
        expect(written).not.toBe(truth);
      } else {
        expect(written, `${source} ${JSON.stringify(row)}`).toBe(truth);
        for (const date of eventDates(source, row)) expect(date >= truth, `${source} event before birth: ${JSON.stringify(row)}`).toBe(true);
      }
    }
    expect(swaps).toBeGreaterThan(100);
  });

  it('writes clean files when the error scale is zero', () => {
    const { dob, rows } = load(clean);
    for (const { source, row, person, errors } of rows) {
      expect(errors).toEqual([]);
      const written = mappedDob(source, row);
      if (written !== undefined) expect(written).toBe(dob.get(person));
    }
  });
});
