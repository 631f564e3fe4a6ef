import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeMalformedCorpus } from '../testing/malformed-corpus.js';
import { openSourceFile, type SourceItem } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'docket-corpus-'));
const corpus = writeMalformedCorpus(dir);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function readAll(path: string, start?: { offset: number; line: number }): Promise<SourceItem[]> {
  const file = await openSourceFile(path);
  const items: SourceItem[] = [];
  for await (const item of file.read(start)) items.push(item);
  return items;
}

describe('source file readers on the malformed corpus', () => {
  it.each(corpus.map((c) => [c.file, c] as const))('%s: every row is read or reported bad with its line', async (_name, expectation) => {
    const path = join(dir, expectation.file);
    if (expectation.fileError !== undefined) {
      await expect(readAll(path)).rejects.toThrow(expectation.fileError);
      return;
    }
    const items = await readAll(path);
    expect(items.filter((i) => i.kind === 'row')).toHaveLength(expectation.rows);
    const bad = items.filter((i) => i.kind === 'bad');
    expect(bad.map((b) => b.line)).toEqual(expectation.bad.map((b) => b.line));
    bad.forEach((item, index) => {
      expect(item.reason).toMatch(expectation.bad[index].reason);
    });
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks, and keeps line numbers', async () => {
    const items = await readAll(join(dir, 'quoted-crlf-bom.csv'));
    const rows = items.flatMap((i) => (i.kind === 'row' ? [i] : []));
    expect(rows[0].values).toEqual({ person_id: 'P1', given_name: 'Ana1', surname: 'Garcia', date_of_birth: '1990-01-02', country: 'MEX' });
    expect(rows[1].values).toMatchObject({ given_name: 'Ana "Nita"', surname: 'Garcia, Lopez' });
    expect(rows[2].values['given_name']).toBe('Multi\r\nLine');
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 6]);
  });

  it('decodes Latin-1 files', async () => {
    const rows = (await readAll(join(dir, 'latin1.csv'))).flatMap((i) => (i.kind === 'row' ? [i] : []));
    expect(rows.map((r) => `${String(r.values['given_name'])} ${String(r.values['surname'])}`)).toEqual(['José Müller', 'François Nuñez']);
  });

  it('keeps injection-looking text as plain data', async () => {
    const rows = (await readAll(join(dir, 'injection.csv'))).flatMap((i) => (i.kind === 'row' ? [i] : []));
    expect(rows[1].values['given_name']).toBe("Robert'); DROP TABLE person_records;--");
  });

  it.each(['quoted-crlf-bom.csv', 'wrong-columns.csv', 'broken-quote.csv', 'records.ndjson', 'records.json', 'mixed-utf8.csv'])('%s resumes after any row with exactly the rest', async (name) => {
    const path = join(dir, name);
    const all = await readAll(path);
    for (let k = 0; k < all.length - 1; k += 1) {
      const resumed = await readAll(path, { offset: all[k].end, line: all[k].nextLine });
      expect(resumed).toEqual(all.slice(k + 1));
    }
  });

  it('reads a large file in bounded chunks', async () => {
    const path = join(dir, 'large.csv');
    const lines = ['id,name'];
    for (let i = 0; i < 100_000; i += 1) lines.push(`${i},"Name ${i}, the ${i % 7}th"`);
    writeFileSync(path, `${lines.join('\n')}\n`);
    let count = 0;
    let last = '';
    for await (const item of (await openSourceFile(path)).read()) {
      if (item.kind === 'row') {
        count += 1;
        last = String(item.values['name']);
      }
    }
    expect(count).toBe(100_000);
    expect(last).toBe('Name 99999, the 4th');
  });
});
