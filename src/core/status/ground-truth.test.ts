import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateGates } from '../gates/index.js';
import { DEFAULT_AS_OF, generate, sourceCatalog } from '../../synth/index.js';
import { applyMapping } from '../../synth/testing/apply-mapping.js';
import { readTable } from '../../synth/testing/read-table.js';
import { tempOutput } from '../../synth/testing/temp-output.js';
import { deriveStatus, type DerivedStatus, type SourcedRecord } from './index.js';

/**
 * Derivation against the generator's ground truth, with linkage taken as perfect (records grouped by the
 * true person), so what is measured is the rules and the records, not the matching.
 */
const out = tempOutput('ground-truth');
const adverse = new Set(['overstay', 'in-proceedings', 'voluntary-departure', 'final-order']);
let compared: { truth: string; derived: DerivedStatus }[] = [];

beforeAll(async () => {
  await generate({ people: 5000, seed: 424242, outDir: out });
  const owner = new Map(readTable(join(out, 'truth', 'records.csv')).map((r) => [`${r.source ?? ''}|${r.record_id ?? ''}`, r.person_id ?? '']));
  const records = new Map<string, SourcedRecord[]>();
  for (const source of sourceCatalog) {
    const key = source.mapping.recordKey ?? '';
    for (const row of readTable(join(out, source.file.csv))) {
      const parsed = applyMapping(source.mapping, row);
      if (!parsed.success) continue;
      const personId = owner.get(`${source.id}|${row[key] ?? ''}`) ?? '';
      records.set(personId, [...(records.get(personId) ?? []), { recordId: `${source.id}:${row[key] ?? ''}`, source: source.id, record: parsed.data }]);
    }
  }
  compared = readTable(join(out, 'truth', 'people.csv')).flatMap((person) => {
    const own = records.get(person.person_id ?? '') ?? [];
    return own.length === 0 ? [] : [{ truth: person.status ?? '', derived: deriveStatus({ personId: person.person_id ?? '', records: own, links: [] }, DEFAULT_AS_OF) }];
  });
}, 120_000);

describe('derived status against the generator\'s ground truth (5,000 people)', () => {
  it('agrees with the true status for at least 90% of people with records', () => {
    const agree = compared.filter((c) => c.derived.status === c.truth).length;
    expect(compared.length).toBeGreaterThan(4500);
    expect(agree / compared.length).toBeGreaterThan(0.9);
  });

  it('concludes an adverse status for a true citizen or resident only when no record shows citizenship or residence', () => {
    const wrong = compared.filter((c) => (c.truth === 'citizen' || c.truth === 'permanent-resident') && adverse.has(c.derived.status));
    for (const { derived } of wrong) {
      expect(derived.citizenship).toEqual([]);
      expect(derived.permanentResidence).toBeUndefined();
    }
  });

  it('never clears removal of a true citizen or resident', () => {
    const removable = compared.filter((c) => (c.truth === 'citizen' || c.truth === 'permanent-resident') && evaluateGates(c.derived, { check: 'schedule-removal' }).clear);
    expect(removable.map((c) => c.derived.personId)).toEqual([]);
  });
});
