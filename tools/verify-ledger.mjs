#!/usr/bin/env node
// Verifies an exported Docket audit ledger with nothing but Node.js: no Docket code, no database.
// Usage: node verify-ledger.mjs LEDGER.ndjson   (checks LEDGER.ndjson.sha256 too when it is there)
// Each entry's hash is sha256(previous hash + "\n" + canonical JSON of its fields other than the
// two hashes); canonical JSON sorts object keys and has no whitespace; the first previous hash is
// 64 zeros. Exit code 0: intact; 1: broken or checksum mismatch; 2: the file cannot be read.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

function canonical(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
}

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.error(`usage: node verify-ledger.mjs LEDGER.ndjson${file ? ` (${file} not found)` : ''}`);
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
let failed = false;
if (existsSync(`${file}.sha256`)) {
  const expected = readFileSync(`${file}.sha256`, 'utf8').split(/\s+/)[0];
  const actual = createHash('sha256').update(text).digest('hex');
  console.log(actual === expected ? 'checksum matches' : 'checksum DOES NOT match: the file changed after export');
  failed ||= actual !== expected;
}
const lines = text.split('\n').filter((line) => line.trim() !== '');
let previous = { seq: 0, hash: '0'.repeat(64) };
let count = 0;
for (const line of lines.slice(1)) {
  const e = JSON.parse(line);
  count += 1;
  const body = canonical({ seq: e.seq, at: e.at, actor: e.actor, role: e.role, action: e.action, target: e.target, purpose: e.purpose, legalBasis: e.legalBasis, outcome: e.outcome, details: e.details });
  const hash = createHash('sha256').update(`${e.prevHash}\n${body}`).digest('hex');
  const problem = e.seq !== previous.seq + 1 ? `expected entry ${previous.seq + 1}, found ${e.seq}`
    : e.prevHash !== previous.hash ? 'previous-hash does not match the entry before'
    : hash !== e.hash ? 'content does not match its hash' : undefined;
  if (problem) {
    console.log(`ledger BROKEN at entry #${e.seq}: ${problem}`);
    process.exit(1);
  }
  previous = { seq: e.seq, hash: e.hash };
}
console.log(`ledger intact: ${count} entries, head #${previous.seq} ${previous.hash}`);
process.exit(failed ? 1 : 0);
