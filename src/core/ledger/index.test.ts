import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, hashEntry, sealEntry, verifyChain, type AuditRecord, type LedgerEntry } from './index.js';

const record = (target: string): AuditRecord => ({
  actor: 'steward.ana', role: 'data-steward', purpose: 'data-quality', legalBasis: '8 U.S.C. 1103',
  action: 'source.register', target, outcome: 'success', details: { b: 2, a: [1, { z: true, y: null }] },
});

function chain(length: number): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  for (let i = 0; i < length; i += 1) entries.push(sealEntry(record(`source:${i}`), entries.at(-1), new Date(Date.UTC(2026, 0, 1, 0, 0, i))));
  return entries;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"x":2,"y":1}]},"b":1}');
  });
  it('orders keys by UTF-16 code units, so a key outside the basic plane comes before a full-width letter', () => {
    expect(canonicalJson({ 'ｚ': 5, '𝄞': 4, 'é': 3, a: 2, Z: 1 })).toBe('{"Z":1,"a":2,"é":3,"𝄞":4,"ｚ":5}');
  });
  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson(() => 1)).toThrow(/no JSON form/);
  });
});

describe('ledger chain', () => {
  it('starts from the genesis hash and links each entry to the one before', () => {
    const entries = chain(3);
    expect(entries[0].prevHash).toBe(GENESIS_HASH);
    expect(entries[1].prevHash).toBe(entries[0].hash);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(hashEntry(entries[2])).toBe(entries[2].hash);
  });

  it('verifies an intact chain and reports its head', () => {
    const entries = chain(5);
    expect(verifyChain(entries)).toEqual({ kind: 'intact', count: 5, headSeq: 5, headHash: entries[4].hash });
  });

  it('names the first entry whose content was changed', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2], target: 'source:forged' };
    const verdict = verifyChain(entries);
    expect(verdict).toMatchObject({ kind: 'broken', seq: 3 });
    expect(verdict.kind === 'broken' && verdict.reason).toMatch(/content does not match its hash/);
  });

  it('names the entry after a removed one', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(verifyChain(entries)).toMatchObject({ kind: 'broken', seq: 3, reason: expect.stringMatching(/missing or out of order/) as unknown });
  });

  it('detects an entry rehashed without relinking its successor', () => {
    const entries = chain(4);
    const forged = { ...entries[1], outcome: 'refused' as const };
    entries[1] = { ...forged, hash: hashEntry(forged) };
    expect(verifyChain(entries)).toMatchObject({ kind: 'broken', seq: 3, reason: expect.stringMatching(/previous-hash/) as unknown });
  });
});
