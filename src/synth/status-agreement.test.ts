import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourcedRecord } from '../core/status/resolved-person.js';
import { deriveStatus } from '../core/status/derive-status.js';
import { generate } from './generate.js';
import { sourceCatalog } from './source-catalog.js';
import { applyMapping } from './testing/apply-mapping.js';
import type { Row } from './testing/read-table.js';
import { readTable } from './testing/read-table.js';
import { tempOutput } from './testing/temp-output.js';

/** Facts that say a person's own records mislead, so the rules cannot be expected to find the truth. */
const MISLEADING = /unrecorded-departure|unrecorded-arrival|citizenship-unrecorded|derivative-status/;

const out = tempOutput('agreement');
let people: Row[];
const records = new Map<string, SourcedRecord[]>();

beforeAll(async () => {
  await generate({ people: 8_000, seed: 11, outDir: out, errorScale: 0 });
  people = readTable(join(out, 'truth', 'people.csv'));
  const owner = new Map(readTable(join(out, 'truth', 'records.csv')).map((r) => [`${r.source ?? ''}|${r.record_id ?? ''}`, r.person_id ?? '']));
  for (const source of sourceCatalog) {
    for (const row of readTable(join(out, source.file.csv))) {
      const id = row[source.mapping.recordKey ?? ''] ?? '';
      const parsed = applyMapping(source.mapping, row);
      if (!parsed.success) throw new Error(`${source.id} ${id} does not map`);
      const person = owner.get(`${source.id}|${id}`) ?? '';
      records.set(person, [...(records.get(person) ?? []), { recordId: `${source.id}:${id}`, source: source.id, record: parsed.data }]);
    }
  }
});

describe('ground truth against Docket’s status rules', () => {
  it('agrees person by person on clean files with perfect linkage, except where the facts say the records mislead', () => {
    let agree = 0;
    let compared = 0;
    const unexplained: string[] = [];
    for (const person of people) {
      const own = records.get(person.person_id ?? '');
      if (own === undefined) continue;
      compared++;
      const derived = deriveStatus({ personId: person.person_id ?? '', records: own, links: [] }, '2025-06-30').status;
      if (derived === person.status) {
        agree++;
        continue;
      }
      const explained = MISLEADING.test(person.facts ?? '') || derived === 'undetermined' || (person.status === 'in-status' && derived === 'authorized-pending');
      if (!explained) unexplained.push(`${person.person_id ?? ''}: truth ${person.status ?? ''}, rules ${derived} [${person.facts ?? ''}]`);
    }
    expect(agree / compared).toBeGreaterThan(0.88);
    expect(unexplained.length, unexplained.slice(0, 10).join('\n')).toBeLessThanOrEqual(Math.ceil(compared * 0.002));
  });
});
