import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DocketError } from '../../core/errors/index.js';
import { syntheticPeople } from '../../linkage/testing/people.js';
import { loadRecords } from './load-records.js';
import { inferRole } from '../../linkage/index.js';
import { readSchemaFile } from './resolve-schema-file.js';
import { runEvaluate } from './run-evaluate.js';
import { runResolve } from './run-resolve.js';

const dir = mkdtempSync(join(tmpdir(), 'docket-resolve-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function expectError(run: () => unknown, message: string | RegExp): DocketError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DocketError);
    expect((error as DocketError).message).toMatch(message);
    expect((error as DocketError).hint).toBeTruthy();
    return error as DocketError;
  }
  throw new Error('expected a DocketError');
}

const header = 'id,first_name,last_name,dob,sex,nationality,passport_no,city,notes';

function peopleCsv(rows: ReturnType<typeof syntheticPeople>, prefix: string): string {
  return [header, ...rows.map((r, i) => [`${prefix}${i}`, ...r.values.map((v) => v ?? ''), 'free text'].join(','))].join('\n') + '\n';
}

describe('docket resolve', () => {
  let stderr = vi.spyOn(process.stderr, 'write');
  beforeEach(() => {
    stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });

  const rows = syntheticPeople(200, 3);
  const half = Math.floor(rows.length / 2);
  const a = file('a.csv', peopleCsv(rows.slice(0, half), 'a'));
  const b = file('b.csv', peopleCsv(rows.slice(half), 'b'));

  it('links and deduplicates several files into source,record_id,entity_id', () => {
    const out = join(dir, 'clusters.csv');
    const pairs = join(dir, 'pairs.csv');
    const review = join(dir, 'review.csv');
    const model = join(dir, 'model.json');
    runResolve([a, b], { id: 'id', out, pairs, review, saveModel: model });
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('source,record_id,entity_id');
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines[1]).toMatch(/^a\.csv,a0,e\d+$/);
    const pairHeader = readFileSync(pairs, 'utf8').split('\n')[0];
    expect(pairHeader).toContain('match_weight');
    expect(pairHeader).toContain('given_level');
    expect(pairHeader).toContain('dateOfBirth_weight');
    expect(readFileSync(review, 'utf8').split('\n')[0]).toBe(pairHeader);
    const messages = stderr.mock.calls.map((c) => String(c[0]));
    expect(messages.some((m) => m.includes('not compared: notes'))).toBe(true);
    expect(messages.some((m) => /\d+ records, \d+ candidate pairs, \d+ entities/.test(m))).toBe(true);

    const truth = file('truth.csv', ['record_id,truth', ...rows.map((r, i) => `${i < half ? `a${i}` : `b${i - half}`},${r.person}`)].join('\n'));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const metrics = runEvaluate(out, truth, false);
    expect(metrics.f1).toBeGreaterThan(0.95);

    const again = join(dir, 'again.csv');
    runResolve([a, b], { id: 'id', out: again, model });
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('evaluates against the generator\'s truth file (person_id), a named label column, and names a missing one', () => {
    const out = join(dir, 'clusters-eval.csv');
    file('clusters-eval.csv', 'source,record_id,entity_id\nx.csv,r1,e1\nx.csv,r2,e1\nx.csv,r3,e2\nx.csv,r4,e2\n');
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const generated = file('records.csv', 'source,record_id,person_id,errors\nvisas,r1,P1,\nvisas,r2,P1,typo\nvisas,r3,P2,\nvisas,r4,P3,\n');
    const byPerson = runEvaluate(out, generated, false);
    expect([byPerson.truePositives, byPerson.falsePositives, byPerson.falseNegatives]).toEqual([1, 1, 0]);
    const named = file('named.csv', 'record_id,household\nr1,H1\nr2,H1\nr3,H2\nr4,H2\n');
    expect(runEvaluate(out, named, false, 'household').f1).toBe(1);
    expectError(() => runEvaluate(out, named, false), /named\.csv:1: no column "truth" or "person_id" in the header \(record_id, household\)/);
  });

  it('reads quoted fields, a byte-order mark and UTF-16', () => {
    const quoted = file('quoted.csv', '\ufeffid,name,dob\n1,"GARCIA, Juan",1980-01-02\n2,"Garcia, ""Juanito""\nJuan",1980-01-02\n');
    const loaded = loadRecords([quoted], 'id', undefined);
    expect(loaded.dataset.ids).toEqual(['1', '2']);
    expect(loaded.dataset.value(loaded.dataset.featureIndex('surname'), 0)).toBe('garcia');
    const utf16 = file('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,surname\r\n1,Núñez\r\n', 'utf16le')]));
    const wide = loadRecords([utf16], 'id', undefined);
    expect(wide.dataset.value(wide.dataset.featureIndex('surname'), 0)).toBe('nunez');
  });

  it('refuses a missing id column, naming the file and line', () => {
    expectError(() => loadRecords([a], 'rec_id', undefined), /a\.csv:1: no id column "rec_id"/);
  });

  it('refuses duplicate ids across files, naming both places', () => {
    const dup = file('dup.csv', `${header}\na0,ana,lopez,1980-01-01,F,MEX,X1,miami,\n`);
    expectError(() => loadRecords([a, dup], 'id', undefined), /dup\.csv:2: duplicate record id "a0" \(first seen in a\.csv line 2\)/);
  });

  it('refuses a record without an id', () => {
    const blank = file('blank.csv', 'id,surname\n1,smith\n,jones\n');
    expectError(() => loadRecords([blank], 'id', undefined), /blank\.csv:3: the record has no id/);
  });

  it('refuses an unreadable file', () => {
    const error = expectError(() => loadRecords([join(dir, 'nope.csv')], 'id', undefined), /cannot read .*nope\.csv: no such file/);
    expect(error.code).toBe('io');
  });

  it('refuses bytes that are not UTF-8, naming the line', () => {
    const latin = file('latin.csv', Buffer.concat([Buffer.from('id,surname\n1,smith\n2,'), Buffer.from([0x4e, 0xfa, 0xf1, 0x65, 0x7a]), Buffer.from('\n')]));
    expectError(() => loadRecords([latin], 'id', undefined), /latin\.csv:3: the file is not valid UTF-8/);
  });

  it('refuses ragged rows, naming the line', () => {
    const ragged = file('ragged.csv', 'id,surname,dob\n1,smith,1980-01-01\n2,jones\n');
    expectError(() => loadRecords([ragged], 'id', undefined), /ragged\.csv:3: the row has 2 fields but the header has 3/);
  });

  it('refuses an unclosed quote and text after a closing quote', () => {
    expectError(() => loadRecords([file('open.csv', 'id,surname\n1,"smith\n')], 'id', undefined), /open\.csv:2: a quoted field is never closed/);
    expectError(() => loadRecords([file('after.csv', 'id,surname\n1,"smith"x\n')], 'id', undefined), /after\.csv:2: unexpected text after a closing quote/);
  });

  it('refuses an empty file and a file with nothing to compare', () => {
    expectError(() => loadRecords([file('empty.csv', '')], 'id', undefined), /empty\.csv: the file is empty/);
    expectError(() => loadRecords([file('plain.csv', 'id,colour\n1,red\n')], 'id', undefined), /no column can be compared/);
  });

  it('takes column roles from a schema file and refuses a bad one', () => {
    const odd = file('odd.csv', 'id,fam,giv,born\n1,smith,john,1980-01-02\n');
    const schema = readSchemaFile(file('schema.json', JSON.stringify({ columns: { fam: 'surname', giv: 'given', born: 'dateOfBirth' }, dateOrder: 'dmy' })));
    const loaded = loadRecords([odd], 'id', schema);
    expect(loaded.dataset.features.map((f) => f.name)).toEqual(['given', 'surname', 'dateOfBirth']);
    expectError(() => readSchemaFile(file('bad.json', '{')), /bad\.json: not valid JSON/);
    expectError(() => readSchemaFile(file('role.json', JSON.stringify({ columns: { fam: 'family' } }))), /column "fam" has an unknown role "family"/);
    expectError(() => readSchemaFile(file('order.json', JSON.stringify({ columns: {}, dateOrder: 'ymd' }))), /"dateOrder" must be/);
    expectError(() => readSchemaFile(join(dir, 'missing.json')), /cannot read the schema file/);
  });

  it('reads slashed dates day first when the file says so', () => {
    const european = file('eu.csv', 'id,surname,birth_date\n1,smith,25/12/1980\n2,jones,03/04/1970\n');
    const loaded = loadRecords([european], 'id', undefined);
    expect(loaded.dataset.value(loaded.dataset.featureIndex('dateOfBirth'), 1)).toBe('19700403');
  });
});

describe('column roles from headers', () => {
  it.each([
    ['given_name', 'given'], ['First Name', 'given'], ['respondent_first', 'given'], ['name_last', 'surname'], ['family_name', 'surname'],
    ['alien_name', 'fullName'], ['full_name', 'fullName'], ['DOB', 'dateOfBirth'], ['birth_date', 'dateOfBirth'], ['sex_code', 'sex'],
    ['citizenship_country', 'country'], ['place_of_birth', 'country'], ['PASSPORT_NUMBER', 'document'], ['doc_number', 'document'],
    ['a_number', 'alienNumber'], ['soc_sec_id', 'nationalId'], ['us_zip', 'postcode'], ['suburb', 'locality'], ['address_1', 'street'], ['state', 'region'],
  ])('%s is %s', (header, role) => {
    expect(inferRole(header)).toBe(role);
  });

  it.each(['school_name', 'destination_country', 'PASSPORT_COUNTRY', 'case_number', 'mother_name', 'notes'])('%s plays no part', (header) => {
    expect(inferRole(header)).toBeUndefined();
  });
});

describe('docket resolve --threads', () => {
  it('accepts 1 or 2 and refuses anything else', () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const input = join(dir, 'a.csv');
    expectError(() => {
      runResolve([input], { id: 'id', out: join(dir, 't.csv'), threads: '3' });
    }, /--threads must be 1 or 2/);
    runResolve([input], { id: 'id', out: join(dir, 't.csv'), threads: '2' });
    expect(readFileSync(join(dir, 't.csv'), 'utf8').split('\n')[0]).toBe('source,record_id,entity_id');
  });
});
