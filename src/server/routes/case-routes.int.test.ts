import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseSummary, GateView, ProposalView, ReviewItem } from '../../casework/index.js';
import { addRecordTo, seedCaseWorld, type CaseWorld } from '../../casework/testing/case-world.js';
import type { Role } from '../../core/access/index.js';
import { InProcessBus } from '../../ingest/bus/in-process-bus.js';
import { repoRoot } from '../../cli/testing/run-cli.js';
import { testBackends } from '../../store/testing/test-store.js';
import { openTestApp, type Answer, type ApiClient, type TestApp } from '../testing/test-app.js';

const today = new Date().toISOString().slice(0, 10);
const roles = ['field-officer', 'case-officer', 'reviewing-officer', 'logistics-coordinator', 'data-steward', 'auditor', 'administrator'] as const satisfies readonly Role[];
type DemoRole = (typeof roles)[number];

interface Endpoint {
  readonly name: string;
  readonly allowed: readonly DemoRole[];
  readonly call: (client: ApiClient) => Promise<Answer>;
}

const errorCode = (answer: Answer): string | undefined => (answer.body as { error?: { code: string } } | undefined)?.error?.code;

describe.each(testBackends)('casework API on %s', (backend) => {
  let t: TestApp;
  let world: CaseWorld;
  let bus: InProcessBus;
  const clients = new Map<DemoRole, ApiClient>();
  const as = (role: DemoRole): ApiClient => {
    const client = clients.get(role);
    if (client === undefined) throw new Error(`not signed in as ${role}`);
    return client;
  };
  const ledger = (target: string) => t.store.db.query<{ actor: string; role: string; action: string; outcome: string; purpose: string; details: string }>(
    'SELECT actor, role, action, outcome, purpose, details FROM audit_ledger WHERE target = $1 ORDER BY seq', [target]);
  const ok = (answer: Answer, status = 200): unknown => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    return answer.body;
  };
  /** Proposes (as `by`), approves (as the reviewing officer) and carries out one adverse step. */
  const adverse = async (caseId: number, action: string, by: DemoRole = 'case-officer', destination?: string): Promise<CaseDetail> => {
    const proposal = ok(await as(by).call('POST', `/api/cases/${caseId}/proposals`, { action, reason: `Proposing ${action}.`, ...(destination === undefined ? {} : { destination }) }), 201) as ProposalView;
    ok(await as('reviewing-officer').call('POST', `/api/proposals/${proposal.proposalId}/decision`, { verdict: 'approve', reason: 'Facts and gates checked.' }));
    return (ok(await as(by).call('POST', `/api/cases/${caseId}/transitions`, { transition: action, reason: `Carrying out ${action}.` })) as { case: CaseDetail }).case;
  };
  const step = async (caseId: number, transition: string): Promise<CaseDetail> =>
    (ok(await as('case-officer').call('POST', `/api/cases/${caseId}/transitions`, { transition, reason: `Recording ${transition}.` })) as { case: CaseDetail }).case;
  const identify = async (personId: number): Promise<CaseSummary> => ok(await as('case-officer').call('POST', '/api/cases', { personId, reason: 'Prioritized under the 2026 policy.' }), 201) as CaseSummary;

  beforeAll(async () => {
    bus = new InProcessBus();
    t = await openTestApp(backend, { bus });
    world = await seedCaseWorld(t.store.db, today);
    for (const role of roles) clients.set(role, await t.signInWithPurpose(role));
  });
  afterAll(async () => {
    await t.dispose();
    await bus.close();
  });

  it('opens a case, takes it through proposal, approval by another person and the step itself, and records each in the ledger', async () => {
    const opened = await identify(world.removable);
    expect(opened).toMatchObject({ state: 'identified', priority: { tier: 1 }, person: { entityId: world.removable, name: 'Carlos Mejia' } });
    const proposal = ok(await as('case-officer').call('POST', `/api/cases/${opened.caseId}/proposals`, { action: 'open-case', reason: 'Final order and a robbery conviction.' }), 201) as ProposalView;
    expect(proposal).toMatchObject({ status: 'pending', proposedBy: 'case.officer' });

    // The proposer cannot decide: their role does not reach the decision at all.
    const own = await as('case-officer').call('POST', `/api/proposals/${proposal.proposalId}/decision`, { verdict: 'approve', reason: 'I checked it myself.' });
    expect(own.status).toBe(404);
    const early = await as('case-officer').call('POST', `/api/cases/${opened.caseId}/transitions`, { transition: 'open-case', reason: 'Opening now.' });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ error: { code: 'refused', message: expect.stringMatching(/needs a proposal approved by a second person/) as string } });

    const queue = ok(await as('reviewing-officer').get('/api/proposals')) as { items: ReviewItem[] };
    const item = queue.items.find((i) => i.proposal.proposalId === proposal.proposalId);
    expect(item).toMatchObject({ facts: { status: 'final-order' }, gates: { check: 'open-case', clear: true }, matchConfidence: { band: 'certain' }, blockers: [] });
    expect(item?.prioritization.fired.map((h) => h.ruleId)).toContain('final-order-trafficking-robbery-weapons');
    const decided = ok(await as('reviewing-officer').call('POST', `/api/proposals/${proposal.proposalId}/decision`, { verdict: 'approve', reason: 'Facts and gates checked.' })) as ProposalView;
    expect(decided).toMatchObject({ status: 'approved', decision: { reviewer: 'reviewing.officer', proposedBy: 'case.officer' } });
    const again = await as('reviewing-officer').call('POST', `/api/proposals/${proposal.proposalId}/decision`, { verdict: 'reject', reason: 'Changed my mind.' });
    expect(again.status).toBe(409);

    const moved = ok(await as('case-officer').call('POST', `/api/cases/${opened.caseId}/transitions`, { transition: 'open-case', reason: 'Approved by a reviewing officer.' })) as { case: CaseDetail };
    expect(moved.case.state).toBe('under-review');
    expect(moved.case.history.at(-1)?.approval).toEqual({ proposalId: String(proposal.proposalId), proposedBy: 'case.officer', approvedBy: 'reviewing.officer' });

    const entries = await ledger(`case:${opened.caseId}`);
    expect(entries.map((e) => `${e.action}:${e.actor}:${e.outcome}`)).toEqual(['case.propose:case.officer:success', 'case.transition:case.officer:refused', 'case.transition:case.officer:success']);
    expect(entries.every((e) => e.purpose === 'case-processing')).toBe(true);
    expect((await ledger(`proposal:${proposal.proposalId}`)).map((e) => `${e.action}:${e.actor}:${e.outcome}`)).toEqual([
      'case.decide:reviewing.officer:success', 'case.decide:reviewing.officer:refused',
    ]);
    const denied = await t.store.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_ledger WHERE action = 'access.denied' AND actor = 'case.officer' AND target = $1`, [`/api/proposals/${proposal.proposalId}/decision`]);
    expect(denied[0]?.n).toBe(1);
  });

  it('identifies cases under the active policy, highest tier first, never a person the policy excludes', async () => {
    const report = ok(await as('case-officer').call('POST', '/api/cases/identify', { limit: 1, maxTier: 2 })) as { identified: { entityId: number; tier: number }[]; alreadyOpen: number; prioritized: Record<string, number> };
    expect(report.identified).toEqual([{ caseId: expect.any(Number) as number, entityId: world.overdue, tier: 2 }]);
    expect(report.alreadyOpen).toBe(1);
    expect(report.prioritized).toEqual({ 'tier-1': 1, 'tier-2': 1 });
    const entries = await ledger(`person:${world.overdue}`);
    expect(entries.map((e) => [e.action, e.actor, e.outcome])).toEqual([['case.identify', 'case.officer', 'success']]);
  });

  it('answers the case officer\'s queue by tier, then age, and one case with its timeline, gates and next steps', async () => {
    await identify(world.overstay);
    const { cases } = ok(await as('case-officer').get('/api/cases')) as { cases: CaseSummary[] };
    const tiers = cases.map((c) => c.priority.tier ?? 99);
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    expect(cases.map((c) => c.person.entityId)).toContain(world.overstay);
    const [first] = cases;
    const detail = ok(await as('field-officer').get(`/api/cases/${first.caseId}`)) as CaseDetail;
    expect(detail.history.length).toBeGreaterThan(0);
    expect(detail.gates.map((g: GateView) => g.check)).toEqual(['open-case', 'issue-notice', 'request-detention', 'schedule-removal']);
    expect(detail.next.length).toBeGreaterThan(0);
    expect((await as('case-officer').get('/api/cases/999999')).status).toBe(404);
    expect(errorCode(await as('case-officer').get('/api/cases/zero'))).toBe('invalid-input');
  });

  it('refuses to open a case on a person whose records indicate US citizenship, and shows a field officer that hold', async () => {
    const refused = await as('case-officer').call('POST', '/api/cases', { personId: world.citizen, reason: 'Final order on file.' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: { code: 'refused', message: expect.stringMatching(/indication of US citizenship.*Refer to counsel/) as string } });
    expect((await ledger(`person:${world.citizen}`)).map((e) => [e.action, e.outcome])).toContainEqual(['case.identify', 'refused']);
    const holds = ok(await as('field-officer').get(`/api/persons/${world.citizen}/cases`)) as { gates: GateView[]; cases: CaseSummary[] };
    expect(holds.cases).toEqual([]);
    for (const gate of holds.gates) {
      expect(gate.clear).toBe(false);
      expect(gate.holding[0]).toMatchObject({ gate: 'citizenship', referral: 'counsel' });
    }
  });

  it('refuses an approval while the person rests on an uncertain link a data steward has not confirmed', async () => {
    const opened = await identify(world.uncertain);
    const proposal = ok(await as('case-officer').call('POST', `/api/cases/${opened.caseId}/proposals`, { action: 'open-case', reason: 'Final order on file.' }), 201) as ProposalView;
    const view = ok(await as('reviewing-officer').get(`/api/proposals/${proposal.proposalId}`)) as ReviewItem;
    expect(view.matchConfidence).toMatchObject({ band: 'uncertain-unconfirmed', lowestMatchProbability: 0.62 });
    const blocked = await as('reviewing-officer').call('POST', `/api/proposals/${proposal.proposalId}/decision`, { verdict: 'approve', reason: 'Looks right.' });
    expect(blocked.status).toBe(422);
    expect(blocked.body).toMatchObject({ error: { code: 'refused', details: { refusals: ['uncertain-link'] } } });
    // A rejection is never blocked.
    ok(await as('reviewing-officer').call('POST', `/api/proposals/${proposal.proposalId}/decision`, { verdict: 'reject', reason: 'Link unconfirmed; ask a steward.' }));
  });

  it('lets a logistics coordinator see removal-stage cases only, schedule a removal through review, and halts it when a stay arrives on the bus', async () => {
    const { cases } = ok(await as('case-officer').get(`/api/persons/${world.removable}/cases`)) as { cases: CaseSummary[] };
    const opened = cases.find((c) => c.state !== 'closed') ?? await identify(world.removable);
    const hidden = await as('logistics-coordinator').get(`/api/cases/${opened.caseId}`);
    expect(hidden.status).toBe(404);
    const before = (ok(await as('case-officer').get(`/api/cases/${opened.caseId}`)) as CaseDetail).state;
    if (before === 'identified') await adverse(opened.caseId, 'open-case');
    await adverse(opened.caseId, 'issue-notice');
    await step(opened.caseId, 'record-proceedings');
    expect((await step(opened.caseId, 'record-order')).state).toBe('order-final');
    const visible = ok(await as('logistics-coordinator').get(`/api/cases/${opened.caseId}`)) as CaseDetail;
    expect(visible.person.withheldRecords).toBe(1);
    const scheduled = await adverse(opened.caseId, 'schedule-removal', 'logistics-coordinator', 'HND');
    expect(scheduled.state).toBe('departure-pending-removal');
    const checkpoint = ok(await as('logistics-coordinator').call('POST', `/api/cases/${opened.caseId}/checkpoints`, { checkpoint: 'manifest-freeze' })) as { gates: GateView; halted: unknown };
    expect(checkpoint).toMatchObject({ gates: { clear: true }, halted: null });

    const stay = await addRecordTo(t.store.db, world.fixture, world.removable, 'stays', { name: { given: 'Carlos', surname: 'Mejia' }, events: [{ kind: 'stay', date: today, at: new Date(Date.now() - 60_000).toISOString(), caseNumber: 'A100', grantedBy: 'federal-court' }] });
    await bus.publish({ kind: 'entity-updated', entityId: world.removable, recordIds: [stay] });
    let state = '';
    for (let i = 0; i < 100 && state !== 'order-final'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      state = (ok(await as('case-officer').get(`/api/cases/${opened.caseId}`)) as CaseDetail).state;
    }
    expect(state).toBe('order-final');
    const halted = ok(await as('case-officer').get(`/api/cases/${opened.caseId}`)) as CaseDetail;
    expect(halted.history.at(-1)).toMatchObject({ transition: 'halt-removal', actor: { userId: 'system:casework' } });
    expect(halted.gates.find((g) => g.check === 'schedule-removal')?.holding.map((h) => h.gate)).toContain('stay-of-removal');
  });

  it('lists departures due, verified and overdue for those who may read them, and figures for every dashboard', async () => {
    const board = ok(await as('case-officer').get('/api/departures')) as { due: { personId: string; alert: boolean; daysLeft: number }[]; verified: { personId: string }[]; overdue: { personId: string }[]; names: Record<string, string> };
    expect(board.due.map((w) => [Number(w.personId), w.alert, w.daysLeft])).toEqual([[world.departing, true, 10]]);
    expect(board.verified.map((w) => Number(w.personId))).toEqual([world.departed]);
    expect(board.overdue.map((w) => Number(w.personId))).toContain(world.overdue);
    expect(board.names[String(world.departing)]).toBe('Pedro Alvarez');
    const figures = ok(await as('auditor').get('/api/departures/summary')) as Record<string, number>;
    expect(figures).toMatchObject({ due: 1, alerts: 1, verified: 1 });
    expect((await as('auditor').get('/api/departures')).status).toBe(404);
  });

  it('publishes the policy to every signed-in user, simulates a change for auditors, and lets only an administrator activate one', async () => {
    const shown = ok(await as('data-steward').get('/api/policy')) as { origin: string; policy: { policy: string } };
    expect(shown).toMatchObject({ origin: 'bundled', policy: { policy: 'default-2026' } });
    const text = readFileSync(join(repoRoot, 'policies/default-2026.yaml'), 'utf8');
    const proposed = text.replace('version: 1', 'version: 2').replace(/\n {2}- id: unlawful-presence-one-year[\s\S]*?atLeast: 365\n/, '\n');
    const simulation = ok(await as('auditor').call('POST', '/api/policy/simulate', { policy: proposed })) as { report: { outcomes: { outcome: string; active: number; proposed: number }[]; disparity: { dimension: string }[] } };
    expect(simulation.report.outcomes.find((o) => o.outcome === 'tier-4')?.proposed).toBe(0);
    expect(simulation.report.disparity.map((d) => d.dimension)).toEqual(['countryOfBirth', 'sex', 'ageBand']);
    const protectedAttribute = await as('auditor').call('POST', '/api/policy/simulate', { policy: proposed.replace('fact: age', 'fact: sex') });
    expect(protectedAttribute.status).toBe(422);
    expect(errorCode(protectedAttribute)).toBe('declined-by-design');
    expect((await as('case-officer').call('POST', '/api/policy/activate', { policy: proposed })).status).toBe(404);
    const activated = ok(await as('administrator').call('POST', '/api/policy/activate', { policy: proposed })) as { version: number };
    expect(activated.version).toBe(2);
    expect((ok(await as('field-officer').get('/api/policy')) as { origin: string }).origin).toBe('activated');
    expect((await ledger('policy:default-2026@2')).map((e) => [e.action, e.actor, e.outcome])).toEqual([['policy.simulate', 'auditor', 'success'], ['policy.activate', 'administrator', 'success']]);
  });

  it('validates every input at the boundary, in the one error shape', async () => {
    const noReason = await as('case-officer').call('POST', '/api/cases', { personId: world.overstay, reason: 'x' });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ error: { code: 'invalid-input', message: expect.stringMatching(/reason/) as string } });
    const badAction = await as('case-officer').call('POST', '/api/cases/1/proposals', { action: 'deport-now', reason: 'Because.' });
    expect(errorCode(badAction)).toBe('invalid-input');
    const badDestination = await as('logistics-coordinator').call('POST', '/api/cases/1/proposals', { action: 'schedule-removal', reason: 'Flight booked.', destination: 'Honduras' });
    expect(errorCode(badDestination)).toBe('invalid-input');
    const badCheckpoint = await as('case-officer').call('POST', '/api/cases/1/checkpoints', { checkpoint: 'takeoff' });
    expect(errorCode(badCheckpoint)).toBe('invalid-input');
    const noCsrf = await t.app.http.inject({ method: 'POST', url: '/api/cases', headers: { cookie: as('case-officer').cookie ?? '' }, payload: { personId: world.overstay, reason: 'No token sent.' } });
    expect(noCsrf.statusCode).toBe(422);
  });

  describe('every casework endpoint with every role', () => {
    const endpoints: readonly Endpoint[] = [
      { name: 'GET /api/cases', allowed: ['field-officer', 'case-officer', 'reviewing-officer', 'logistics-coordinator'], call: (c) => c.get('/api/cases') },
      { name: 'GET /api/persons/:id/cases', allowed: ['field-officer', 'case-officer', 'reviewing-officer', 'logistics-coordinator'], call: (c) => c.get(`/api/persons/${world.overstay}/cases`) },
      { name: 'GET /api/proposals', allowed: ['reviewing-officer'], call: (c) => c.get('/api/proposals') },
      { name: 'GET /api/departures', allowed: ['field-officer', 'case-officer', 'reviewing-officer', 'logistics-coordinator'], call: (c) => c.get('/api/departures') },
      { name: 'GET /api/departures/summary', allowed: roles, call: (c) => c.get('/api/departures/summary') },
      { name: 'GET /api/policy', allowed: roles, call: (c) => c.get('/api/policy') },
    ];
    /** Writes: the role may reach them (anything but 404) or not (404, logged). */
    const writes: readonly Endpoint[] = [
      { name: 'POST /api/cases', allowed: ['case-officer'], call: (c) => c.call('POST', '/api/cases', { personId: world.citizen, reason: 'Role check only.' }) },
      { name: 'POST /api/cases/identify', allowed: ['case-officer'], call: (c) => c.call('POST', '/api/cases/identify', { limit: 1, maxTier: 1 }) },
      { name: 'POST /api/cases/:id/proposals', allowed: ['case-officer', 'logistics-coordinator'], call: (c) => c.call('POST', '/api/cases/999999/proposals', { action: 'open-case', reason: 'Role check only.' }) },
      { name: 'POST /api/cases/:id/transitions', allowed: ['case-officer', 'reviewing-officer', 'logistics-coordinator'], call: (c) => c.call('POST', '/api/cases/999999/transitions', { transition: 'exit', reason: 'Role check only.' }) },
      { name: 'POST /api/cases/:id/checkpoints', allowed: ['case-officer', 'logistics-coordinator'], call: (c) => c.call('POST', '/api/cases/999999/checkpoints', { checkpoint: 'boarding' }) },
      { name: 'POST /api/proposals/:id/decision', allowed: ['reviewing-officer'], call: (c) => c.call('POST', '/api/proposals/999999/decision', { verdict: 'reject', reason: 'Role check only.' }) },
      { name: 'POST /api/policy/simulate', allowed: ['auditor', 'administrator'], call: (c) => c.call('POST', '/api/policy/simulate', { policy: 'policy: [' }) },
      { name: 'POST /api/policy/activate', allowed: ['administrator'], call: (c) => c.call('POST', '/api/policy/activate', { policy: 'policy: [' }) },
    ];

    it('answers nothing without a session', async () => {
      for (const e of [...endpoints, ...writes]) expect({ endpoint: e.name, status: (await e.call(t.anonymous)).status }).toEqual({ endpoint: e.name, status: 401 });
    });

    for (const role of roles) {
      it(`${role}: allowed endpoints answer, the others answer "not found" and are logged`, async () => {
        const before = (await t.store.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_ledger WHERE action = 'access.denied' AND role = $1`, [role]))[0]?.n ?? 0;
        for (const e of endpoints) {
          const answer = await e.call(as(role));
          expect({ endpoint: e.name, ok: answer.status === 200 }, JSON.stringify(answer.body)).toEqual({ endpoint: e.name, ok: e.allowed.includes(role) });
          if (!e.allowed.includes(role)) expect(errorCode(answer)).toBe('not-found');
        }
        for (const e of writes) {
          const answer = await e.call(as(role));
          // Allowed roles reach the rules, which answer for the case itself (no such case, refused, invalid policy).
          const reached = answer.status !== 404 || !(answer.body as { error: { message: string } }).error.message.startsWith('nothing found at');
          expect({ endpoint: e.name, reached }, JSON.stringify(answer.body)).toEqual({ endpoint: e.name, reached: e.allowed.includes(role) });
        }
        const after = (await t.store.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_ledger WHERE action = 'access.denied' AND role = $1`, [role]))[0]?.n ?? 0;
        expect(after - before).toBe([...endpoints, ...writes].filter((e) => !e.allowed.includes(role)).length);
      });
    }
  });
});
