import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../core/access/index.js';
import { testBackends } from '../store/testing/test-store.js';
import { openTestApp, type ApiClient, type TestApp } from './testing/test-app.js';

const roles = ['field-officer', 'case-officer', 'reviewing-officer', 'logistics-coordinator', 'data-steward', 'auditor', 'administrator'] as const satisfies readonly Role[];
type DemoRole = (typeof roles)[number];

const readers: readonly DemoRole[] = ['field-officer', 'case-officer', 'reviewing-officer', 'logistics-coordinator', 'data-steward'];
const everyone: readonly DemoRole[] = roles;

interface Endpoint {
  readonly name: string;
  readonly allowed: readonly DemoRole[];
  readonly call: (client: ApiClient, t: TestApp) => Promise<{ status: number; body: unknown }>;
}

/**
 * Who may call what, written out independently of the server's permission table. Changes
 * (merge, split, decide) succeed once: only the data steward gets that far.
 */
const endpoints: readonly Endpoint[] = [
  { name: 'GET /api/session', allowed: everyone, call: (c) => c.get('/api/session') },
  { name: 'GET /api/search', allowed: readers, call: (c) => c.get('/api/search?q=ivanov') },
  { name: 'GET /api/persons/:id', allowed: readers, call: (c, t) => c.get(`/api/persons/${t.world.smith}`) },
  { name: 'POST /api/persons/:id/merge', allowed: ['data-steward'], call: (c, t) => c.call('POST', `/api/persons/${t.world.pereiraA}/merge`, { otherPersonId: t.world.pereiraB, reason: 'same passport photo on both files' }) },
  { name: 'POST /api/persons/:id/split', allowed: ['data-steward'], call: (c, t) => c.call('POST', `/api/persons/${t.world.ivanov}/split`, { recordIds: [t.world.ivanovRecords[2]], reason: 'different father name on the court file' }) },
  { name: 'GET /api/reviews', allowed: ['data-steward'], call: (c) => c.get('/api/reviews') },
  { name: 'GET /api/reviews/:id', allowed: ['data-steward'], call: (c, t) => c.get(`/api/reviews/${t.world.garciaReview}`) },
  { name: 'POST /api/reviews/:id/decision', allowed: ['data-steward'], call: (c, t) => c.call('POST', `/api/reviews/${t.world.garciaReview}/decision`, { decision: 'unsure', reason: 'second surname missing on one side' }) },
  { name: 'GET /api/dashboard', allowed: everyone, call: (c) => c.get('/api/dashboard') },
  { name: 'GET /api/ledger', allowed: ['auditor'], call: (c) => c.get('/api/ledger?limit=5') },
  { name: 'GET /api/ledger/mine', allowed: everyone, call: (c) => c.get('/api/ledger/mine?limit=5') },
  { name: 'GET /api/accounts', allowed: ['administrator'], call: (c) => c.get('/api/accounts') },
  { name: 'DELETE /api/session', allowed: everyone, call: (c) => c.call('DELETE', '/api/session') },
];

describe.each(testBackends)('every endpoint with every role on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(backend);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('answers the public endpoints to anyone and nothing else without a session', async () => {
    expect((await t.anonymous.get('/api/health')).status).toBe(200);
    expect((await t.anonymous.get('/api/openapi.json')).status).toBe(200);
    for (const e of endpoints) {
      const answer = await e.call(t.anonymous, t);
      expect({ endpoint: e.name, status: answer.status }).toEqual({ endpoint: e.name, status: 401 });
    }
  });

  for (const role of roles) {
    it(`${role}: allowed endpoints answer, the others answer "not found" and are logged`, async () => {
      const client = await t.signInWithPurpose(role);
      const denied = endpoints.filter((e) => !e.allowed.includes(role)).length;
      for (const e of endpoints) {
        const answer = await e.call(client, t);
        const allowed = e.allowed.includes(role);
        expect({ endpoint: e.name, ok: answer.status >= 200 && answer.status < 300 }, JSON.stringify(answer.body)).toEqual({ endpoint: e.name, ok: allowed });
        if (!allowed) {
          expect(answer.status).toBe(404);
          expect((answer.body as { error: { code: string } }).error.code).toBe('not-found');
        }
      }
      const logged = await t.store.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_ledger WHERE action = 'access.denied' AND role = $1 AND outcome = 'denied'`, [role]);
      expect(logged[0]?.n).toBe(denied);
    });
  }
});
