import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SourceMapping } from '../core/mapping/index.js';
import type { RecordEventKind } from '../core/records/index.js';
import { RecordEvent } from '../core/records/index.js';
import { DataCategory, PurposeOfUse } from '../core/sources/index.js';
import { generate } from './generate.js';
import { sourceCatalog } from './source-catalog.js';
import { applyMapping } from './testing/apply-mapping.js';
import { readTable } from './testing/read-table.js';
import { tempOutput } from './testing/temp-output.js';

/** Every column a mapping reads. */
function referencedColumns(mapping: SourceMapping): string[] {
  const columns: string[] = [];
  const ref = (value: unknown): void => {
    if (typeof value === 'string') columns.push(value);
    else if (typeof value === 'object' && value !== null && 'column' in value && typeof value.column === 'string') columns.push(value.column);
  };
  if (mapping.recordKey !== undefined) columns.push(mapping.recordKey);
  Object.values(mapping.fields).forEach(ref);
  for (const alias of mapping.aliases) Object.values(alias).forEach(ref);
  for (const document of mapping.documents) [document.number, document.issuingCountry, document.expiresOn].forEach(ref);
  for (const event of mapping.events) {
    if (event.when !== undefined) columns.push(event.when.column);
    Object.values(event.fields).forEach(ref);
  }
  return columns;
}

describe('source catalog', () => {
  it('describes every source with a parseable mapping over its own header only', () => {
    expect(sourceCatalog.length).toBe(14);
    expect(new Set(sourceCatalog.map((s) => s.file.csv)).size).toBe(sourceCatalog.length);
    for (const source of sourceCatalog) {
      expect(SourceMapping.safeParse(source.mapping).success, source.id).toBe(true);
      expect(new Set(source.columns).size, source.id).toBe(source.columns.length);
      for (const column of referencedColumns(source.mapping)) expect(source.columns, `${source.id} reads ${column}`).toContain(column);
      expect(source.mapping.recordKey, source.id).toBeDefined();
      expect(DataCategory).toContain(source.registration.category);
      for (const purpose of source.registration.purposes) expect(PurposeOfUse).toContain(purpose);
      expect(source.registration.legalAuthority.length).toBeGreaterThan(10);
      expect(source.registration.retentionDays).toBeGreaterThan(0);
      for (const event of source.mapping.events) expect(RecordEvent.options.map((o) => o.shape.kind.value), source.id).toContain(event.kind);
    }
  });

  it('covers every life-event kind with some mapping', () => {
    const mapped = new Set(sourceCatalog.flatMap((source) => source.mapping.events.map((event) => event.kind)));
    for (const option of RecordEvent.options) expect(mapped, option.shape.kind.value).toContain(option.shape.kind.value);
  });
});

describe('generated rows under their mappings', () => {
  for (const format of ['csv', 'ndjson'] as const) {
    const out = tempOutput(`mapping-${format}`);
    beforeAll(async () => {
      await generate({ people: format === 'csv' ? 12_000 : 3_000, seed: 99, outDir: out, format });
    });

    it(`map to valid canonical records, and every life-event kind occurs (${format})`, () => {
      const seen = new Map<RecordEventKind, number>();
      for (const source of sourceCatalog) {
        const rows = readTable(join(out, source.file[format]));
        expect(rows.length, source.id).toBeGreaterThan(0);
        for (const row of rows) {
          expect(Object.keys(row).sort()).toEqual([...source.columns].sort());
          const parsed = applyMapping(source.mapping, row);
          if (!parsed.success) throw new Error(`${source.id} row ${JSON.stringify(row)} does not map: ${parsed.error.message}`);
          for (const event of parsed.data.events) seen.set(event.kind, (seen.get(event.kind) ?? 0) + 1);
        }
      }
      if (format === 'csv') for (const option of RecordEvent.options) expect(seen.get(option.shape.kind.value) ?? 0, option.shape.kind.value).toBeGreaterThan(0);
    });
  }
});
