import { describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../core/records/index.js';
import { readLinkExplanation } from './link-explanation.js';
import { qualityFlags } from './quality-flags.js';

const record = (extra: Partial<PersonRecord>): PersonRecord => ({ name: { given: 'Ana' }, aliases: [], citizenships: [], documents: [], addresses: [], events: [], ...extra });

describe('data-quality flags', () => {
  it('flags disagreeing dates of birth, naming a day-month swap', () => {
    const flags = qualityFlags([
      { recordId: 1, sourceName: 'a', record: record({ dateOfBirth: '1990-03-04' }), matchProbability: undefined },
      { recordId: 2, sourceName: 'b', record: record({ dateOfBirth: '1990-04-03' }), matchProbability: 0.99 },
    ], 0, '2026-01-01');
    expect(flags.map((f) => f.code)).toEqual(['conflicting-dates-of-birth']);
    expect(flags[0]?.message).toContain('day and month swapped');
  });

  it('flags weak links, pending reviews, a single source, unreadable records and expired documents', () => {
    const flags = qualityFlags([
      { recordId: 1, sourceName: 'a', record: record({ documents: [{ kind: 'passport', number: 'X1', expiresOn: '2020-01-01' }] }), matchProbability: undefined },
      { recordId: 2, sourceName: 'a', record: undefined, matchProbability: 0.8 },
    ], 2, '2026-01-01');
    expect(flags.map((f) => f.code)).toEqual(['unreadable-record', 'missing-date-of-birth', 'weak-link', 'pending-review', 'single-source', 'expired-document']);
  });
});

describe('link explanations', () => {
  it("reads the linkage engine's pair explanation as a waterfall", () => {
    const read = readLinkExplanation({ left: 1, right: 2, namesCrossed: false, prior: -8, comparisons: [{ comparison: 'surname', level: 0, label: 'exact', left: 'garcia', right: 'garcia', weight: 6 }], weight: -2, probability: 0.2 });
    expect(read).toEqual({ priorWeight: -8, fields: [{ field: 'surname', level: 'exact', weight: 6, valueA: 'garcia', valueB: 'garcia' }], matchWeight: -2, probability: 0.2 });
  });

  it('adds up a stored waterfall, and turns an unknown form into a note instead of failing', () => {
    expect(readLinkExplanation({ priorWeight: -9, fields: [{ field: 'name', weight: 4 }, { field: 'dob', weight: 7 }] })?.matchWeight).toBe(2);
    expect(readLinkExplanation({ something: 'else', fields: 'no' })?.note).toMatch(/cannot draw/);
    expect(readLinkExplanation(null)).toBeNull();
  });
});
