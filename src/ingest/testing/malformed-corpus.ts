import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a corpus file should read as: good rows, bad rows with a reason, or a file-level refusal. */
export interface CorpusExpectation {
  readonly file: string;
  readonly rows: number;
  readonly bad: readonly { readonly line: number; readonly reason: RegExp }[];
  readonly fileError?: RegExp;
}

const header = 'person_id,given_name,surname,date_of_birth,country';
const good = (n: number): string => `P${n},Ana${n},Garcia,1990-01-${String((n % 28) + 1).padStart(2, '0')},MEX`;

/**
 * Writes a corpus of malformed source files into `dir` and returns what each must read as.
 * Every physical row is accounted for: read as a row, or reported bad with its line.
 */
export function writeMalformedCorpus(dir: string): CorpusExpectation[] {
  mkdirSync(dir, { recursive: true });
  const files: { name: string; bytes: Buffer; expect: Omit<CorpusExpectation, 'file'> }[] = [];
  const add = (name: string, content: string | Buffer, expect: Omit<CorpusExpectation, 'file'>): void => {
    files.push({ name, bytes: typeof content === 'string' ? Buffer.from(content, 'utf8') : content, expect });
  };

  add('quoted-crlf-bom.csv', `\uFEFF${header}\r\n${good(1)}\r\n"P2","Ana ""Nita""","Garcia, Lopez",1990-02-02,MEX\r\nP3,"Multi\r\nLine",Lee,1991-03-03,KOR\r\n${good(4)}\r\n`, { rows: 4, bad: [] });
  add('semicolon.csv', `${header.replaceAll(',', ';')}\n${good(1).replaceAll(',', ';')}\n${good(2).replaceAll(',', ';')}\n`, { rows: 2, bad: [] });
  add('tabs.tsv', `${header.replaceAll(',', '\t')}\n${good(1).replaceAll(',', '\t')}\n`, { rows: 1, bad: [] });
  add('wrong-columns.csv', `${header}\n${good(1)}\nP2,Ana,Garcia,1990-01-01\n${good(3)}\nP4,Ana,Garcia,1990-01-01,MEX,extra\n\n${good(5)}\n`, {
    rows: 3,
    bad: [{ line: 3, reason: /expected 5 fields as in the header, found 4/ }, { line: 5, reason: /found 6/ }],
  });
  add('broken-quote.csv', `${header}\n${good(1)}\nP2,"Ana,Garcia,1990-01-01,MEX\n${good(3)}\n${good(4)}\n`, {
    rows: 3,
    bad: [{ line: 3, reason: /never closed/ }],
  });
  add('text-after-quote.csv', `${header}\n${good(1)}\nP2,"Ana"x,Garcia,1990-01-01,MEX\n${good(3)}\n`, { rows: 2, bad: [{ line: 3, reason: /text follows the closing quote/ }] });
  add('latin1.csv', Buffer.from(`${header}\nP1,José,Müller,1980-05-05,DEU\nP2,François,Nuñez,1981-06-06,ESP\n`, 'latin1'), { rows: 2, bad: [] });
  add('mixed-utf8.csv', Buffer.concat([
    Buffer.from(`${header}\nP1,Zoë,Ibáñez,1980-05-05,ESP\n`, 'utf8'),
    Buffer.from('P2,Jos\xe9,Garc\xeda,1980-05-05,ESP\n', 'latin1'),
    Buffer.from(`${good(3)}\n`, 'utf8'),
  ]), { rows: 2, bad: [{ line: 3, reason: /not valid UTF-8/ }] });
  add('truncated-row.csv', `${header}\n${good(1)}\n${good(2)}\nP3,Ana,Gar`, { rows: 2, bad: [{ line: 4, reason: /found 3/ }] });
  add('truncated-quote.csv', `${header}\n${good(1)}\nP2,"Ana,Gar`, { rows: 1, bad: [{ line: 3, reason: /never closed/ }] });
  add('long-field.csv', `${header}\n${good(1)}\nP2,"${'x'.repeat(1_200_000)}",Garcia,1990-01-01,MEX\n${good(3)}\n`, { rows: 2, bad: [{ line: 3, reason: /longer than 1048576 bytes/ }] });
  add('injection.csv', `${header}\nP1,"=cmd|' /C calc'!A0",Garcia,1990-01-01,MEX\nP2,Robert'); DROP TABLE person_records;--,Tables,1990-01-01,USA\nP3,<script>alert(1)</script>,X,1990-01-01,USA\n`, { rows: 3, bad: [] });
  add('header-only.csv', `${header}\n`, { rows: 0, bad: [] });
  add('empty.csv', '', { rows: 0, bad: [], fileError: /the file is empty/ });
  add('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}\n`, 'utf16le')]), { rows: 0, bad: [], fileError: /UTF-16/ });
  add('duplicate-header.csv', 'a,b,a\n1,2,3\n', { rows: 0, bad: [], fileError: /names column "a" twice/ });
  add('records.ndjson', '{"person_id":"P1","surname":"Garcia"}\n\n[1,2]\n{"person_id":"P2",\n{"person_id":"P3"}\n{"person_id":"P4","surname":"Lee"}\n{"person_id":"P5","surname":"Le', {
    rows: 3,
    bad: [{ line: 3, reason: /expected a JSON object for a record, found an array/ }, { line: 4, reason: /not valid JSON/ }, { line: 7, reason: /not valid JSON/ }],
  });
  add('records.json', '[\n  {"person_id": "P1", "surname": "Garcia, Lopez"},\n  "just text",\n  {"person_id": "P2", "note": "braces } and ] inside"},\n  {"person_id": "P3", "surname": "Le', {
    rows: 2,
    bad: [{ line: 3, reason: /found string/ }, { line: 5, reason: /ends inside this element/ }],
  });
  add('not-an-array.json', '{"person_id": "P1"}', { rows: 1, bad: [] });

  return files.map(({ name, bytes, expect }) => {
    writeFileSync(join(dir, name), bytes);
    return { file: name, ...expect };
  });
}
