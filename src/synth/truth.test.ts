import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LegalStatusKind } from '../core/records/index.js';
import type { GenerateSummary } from './generate.js';
import { generate } from './generate.js';
import { TruthFact } from './life/truth-fact.js';
import { sourceCatalog } from './source-catalog.js';
import type { Row } from './testing/read-table.js';
import { readTable } from './testing/read-table.js';
import { tempOutput } from './testing/temp-output.js';

const out = tempOutput('truth');
let summary: GenerateSummary;
let people: Row[];
let records: Row[];

beforeAll(async () => {
  summary = await generate({ people: 20_000, seed: 424242, outDir: out });
  people = readTable(join(out, 'truth', 'people.csv'));
  records = readTable(join(out, 'truth', 'records.csv'));
});

describe('ground truth', () => {
  it('lists every person once, with a status from the shared vocabulary and known facts', () => {
    expect(people).toHaveLength(20_000);
    expect(new Set(people.map((p) => p.person_id)).size).toBe(20_000);
    for (const person of people) {
      expect(LegalStatusKind.safeParse(person.status).success).toBe(true);
      for (const fact of (person.facts ?? '').split(';').filter((f) => f !== '')) expect(TruthFact).toContain(fact);
    }
  });

  it('maps every source row to exactly one person, and no person id appears in a source file', () => {
    const ids = new Set(people.map((p) => p.person_id));
    const bySource = new Map<string, Set<string>>();
    for (const record of records) {
      expect(ids.has(record.person_id ?? '')).toBe(true);
      const seen = bySource.get(record.source ?? '') ?? new Set<string>();
      expect(seen.has(record.record_id ?? '')).toBe(false);
      seen.add(record.record_id ?? '');
      bySource.set(record.source ?? '', seen);
    }
    for (const source of sourceCatalog) {
      const rows = readTable(join(out, source.file.csv));
      const key = source.mapping.recordKey ?? '';
      const truth = bySource.get(source.id) ?? new Set<string>();
      expect(rows.length).toBe(truth.size);
      for (const row of rows) {
        expect(truth.has(row[key] ?? '')).toBe(true);
        expect(Object.values(row).some((value) => value !== undefined && ids.has(value))).toBe(false);
      }
    }
  });

  it('counts the records each person has', () => {
    const counts = new Map<string, number>();
    for (const record of records) counts.set(record.person_id ?? '', (counts.get(record.person_id ?? '') ?? 0) + 1);
    for (const person of people) expect(Number(person.records)).toBe(counts.get(person.person_id ?? '') ?? 0);
  });

  it('includes every true status and every legal situation the rules turn on', () => {
    for (const status of LegalStatusKind.options) expect(summary.statuses[status] ?? 0, status).toBeGreaterThan(0);
    const situations: readonly TruthFact[] = [
      'duration-of-status', 'timely-extension-pending', 'minor', 'asylum-pending', 'deferred-action', 'temporary-protected-status', 'withholding-of-removal',
      'in-absentia-order', 'last-minute-stay', 'derived-citizenship', 'born-abroad-to-citizen', 'unrecorded-departure', 'twin', 'naturalized',
      'appeal-pending', 'voluntary-departure-missed', 'removed', 'citizenship-unrecorded', 'entered-without-inspection',
    ];
    for (const fact of situations) expect(summary.facts[fact] ?? 0, fact).toBeGreaterThan(0);
  });

  it('keeps families together: children point at parents in the same household and share an address', () => {
    const byId = new Map(people.map((p) => [p.person_id, p]));
    const children = people.filter((p) => p.role === 'child' && p.father_id !== '');
    expect(children.length).toBeGreaterThan(1000);
    for (const child of children) expect(byId.get(child.father_id)?.household_id).toBe(child.household_id);
    const twins = people.filter((p) => p.twin_id !== '');
    for (const twin of twins) expect(byId.get(twin.twin_id)?.date_of_birth).toBe(twin.date_of_birth);
  });

  it('has namesakes: the same common name on different people', () => {
    const names = new Map<string, number>();
    for (const person of people) {
      const key = `${person.given_names ?? ''}|${person.surnames ?? ''}`;
      names.set(key, (names.get(key) ?? 0) + 1);
    }
    expect([...names.values()].filter((count) => count > 1).length).toBeGreaterThan(200);
    expect(Math.max(...names.values())).toBeGreaterThan(10);
  });

  it('records a derived citizen as a citizen even when no record of their own says so', () => {
    const unrecorded = people.filter((p) => p.facts?.includes('derived-citizenship') && p.facts.includes('citizenship-unrecorded'));
    expect(unrecorded.length).toBeGreaterThan(0);
    for (const person of unrecorded) expect(person.status).toBe('citizen');
    for (const person of people.filter((p) => p.facts?.includes('unrecorded-departure'))) expect(['departed', 'citizen', 'permanent-resident']).toContain(person.status);
  });
});
