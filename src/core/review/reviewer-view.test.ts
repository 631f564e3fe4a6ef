import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../policy/index.js';
import { personOf, type EventInput } from '../status/testing/build-person.js';
import { propose, reviewerView } from './index.js';

const policy = loadPolicy(readFileSync(new URL('../../../policies/default-2026.yaml', import.meta.url), 'utf8'));
const events: EventInput[] = [
  { kind: 'arrival', date: '2018-05-01', classOfAdmission: 'B2', admitUntil: '2018-10-31' },
  { kind: 'court-case-opened', date: '2025-01-06', caseNumber: 'A1' },
  { kind: 'order', date: '2025-06-02', caseNumber: 'A1', outcome: 'removal', destination: 'GTM', appealWaived: true },
  { kind: 'criminal-disposition', date: '2023-02-02', offenceCategory: 'drug-trafficking', disposition: 'convicted' },
];
const person = personOf([
  { id: 'arr-1', source: 'arrivals', fields: { dateOfBirth: '1984-03-03' }, events: [events[0]] },
  { id: 'court-1', source: 'court-orders', fields: { dateOfBirth: '1984-03-03' }, events: [events[1], events[2]] },
  { id: 'crim-1', source: 'criminal-dispositions', fields: { dateOfBirth: '1984-03-03' }, events: [events[3]] },
], { links: [
  { recordIds: ['arr-1', 'court-1'], band: 'certain', matchProbability: 0.998 },
  { recordIds: ['court-1', 'crim-1'], band: 'uncertain', matchProbability: 0.71 },
] });
const proposal = propose({ proposalId: 'p9', caseId: 'c9', personId: 'person-1', action: 'schedule-removal', at: '2025-07-01T09:00:00Z', reason: 'Final order; tier 1.', destination: 'GTM' }, { userId: 'officer.lee', roles: ['case-officer'] });

describe('the reviewer\'s view', () => {
  it('shows the facts, the gates, the rules that fired and the match confidence, and what blocks approval', () => {
    const view = reviewerView(proposal, person, { at: '2025-07-02T10:00:00Z', policy });
    expect(view.person).toEqual({ personId: 'person-1', recordCount: 3, sources: ['arrivals', 'court-orders', 'criminal-dispositions'] });
    expect(view.facts.status).toBe('final-order');
    expect(view.gates.clear).toBe(true);
    expect(view.prioritization?.outcome).toMatchObject({ kind: 'tier', tier: 1 });
    expect(view.prioritization?.fired.map((h) => h.ruleId)).toContain('final-order-trafficking-robbery-weapons');
    expect(view.matchConfidence).toMatchObject({ band: 'uncertain-unconfirmed', lowestMatchProbability: 0.71, recordCount: 3 });
    // The tier-1 placement rests on the uncertain link to the criminal record: approval waits for a steward.
    expect(view.blockers.map((b) => b.code)).toEqual(['uncertain-link']);
    expect(view.blockers[0]?.message).toContain('court-1~crim-1');
  });

  it('has no blockers once the link is confirmed, and no prioritization without a policy', () => {
    const confirmed = { ...person, links: person.links.map((l) => ({ ...l, stewardConfirmation: { by: 'steward.ito', at: '2025-07-01T12:00:00Z' } })) };
    const view = reviewerView(proposal, confirmed, { at: '2025-07-02T10:00:00Z' });
    expect(view.blockers).toEqual([]);
    expect(view.prioritization).toBeUndefined();
    expect(view.matchConfidence.band).toBe('uncertain-confirmed');
  });
});
