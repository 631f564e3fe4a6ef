import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends } from '../../store/testing/test-store.js';
import { openTestApp, type TestApp } from '../testing/test-app.js';

interface ErrorBody {
  error: { code: string; message: string; hint?: string; details?: Record<string, unknown> };
}

describe.each(testBackends)('sessions on %s', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(backend, { signInLimits: { failuresPerAccount: 3, attemptsPerAddress: 50, windowMs: 60_000 } });
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('sets an HttpOnly, SameSite=Strict cookie and never answers with the password hash', async () => {
    const answer = await t.anonymous.call('POST', '/api/session', { username: 'Field.Officer', password: 'demo-field-officer' });
    expect(answer.status).toBe(200);
    const cookie = String(answer.headers['set-cookie']);
    expect(cookie).toMatch(/^docket_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(JSON.stringify(answer.body)).not.toContain('scrypt');
    expect(answer.body).toMatchObject({ username: 'field.officer', role: 'field-officer', purpose: null });
    const stored = await t.store.db.query<{ password_hash: string }>(`SELECT password_hash FROM accounts WHERE username = 'field.officer'`);
    expect(stored[0]?.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('answers an unknown user and a wrong password alike, and records both refusals', async () => {
    const wrong = await t.anonymous.call('POST', '/api/session', { username: 'field.officer', password: 'not-it' });
    const unknown = await t.anonymous.call('POST', '/api/session', { username: 'nobody.here', password: 'not-it' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((wrong.body as ErrorBody).error.message).toBe((unknown.body as ErrorBody).error.message);
    const refusals = await t.store.db.query<{ actor: string }>(`SELECT actor FROM audit_ledger WHERE action = 'session.sign-in' AND outcome = 'refused' ORDER BY seq`);
    expect(refusals.map((r) => r.actor)).toEqual(['field.officer', 'nobody.here']);
  });

  it('limits guessing: after three failures even the right password waits, with Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await t.anonymous.call('POST', '/api/session', { username: 'auditor', password: `guess-${i}` })).status).toBe(401);
    const blocked = await t.anonymous.call('POST', '/api/session', { username: 'auditor', password: 'demo-auditor' });
    expect(blocked.status).toBe(429);
    expect((blocked.body as ErrorBody).error.code).toBe('rate-limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another account from the same address is not locked out by these failures.
    expect((await t.anonymous.call('POST', '/api/session', { username: 'data.steward', password: 'demo-data-steward' })).status).toBe(200);
  });

  it('refuses a change without the CSRF token, or from another site', async () => {
    const client = await t.signIn('case-officer');
    const noToken = await client.call('PUT', '/api/session/purpose', { purpose: 'case-processing' }, { 'x-csrf-token': '' });
    expect(noToken.status).toBe(422);
    expect((noToken.body as ErrorBody).error.details).toMatchObject({ needs: 'csrf-token' });
    const crossSite = await client.call('PUT', '/api/session/purpose', { purpose: 'case-processing' }, { origin: 'https://elsewhere.example' });
    expect(crossSite.status).toBe(422);
    expect((await client.call('PUT', '/api/session/purpose', { purpose: 'case-processing' })).status).toBe(200);
  });

  it('refuses a purpose the role may not declare, and reads of person data before any purpose', async () => {
    const client = await t.signIn('logistics-coordinator');
    const search = await client.get('/api/search?q=smith');
    expect(search.status).toBe(422);
    expect((search.body as ErrorBody).error.details).toMatchObject({ needs: 'purpose' });
    const refused = await client.call('PUT', '/api/session/purpose', { purpose: 'data-quality' });
    expect(refused.status).toBe(422);
    expect((refused.body as ErrorBody).error.hint).toContain('removal-logistics');
    const invalid = await client.call('PUT', '/api/session/purpose', { purpose: 'curiosity' });
    expect(invalid.status).toBe(400);
    expect((invalid.body as ErrorBody).error.code).toBe('invalid-input');
  });

  it('ends the session on sign-out: the cookie no longer works', async () => {
    const client = await t.signIn('auditor');
    expect((await client.call('DELETE', '/api/session')).status).toBe(200);
    const after = await client.get('/api/session');
    expect(after.status).toBe(401);
    expect((after.body as ErrorBody).error.code).toBe('unauthenticated');
  });

  it('answers every failure in one JSON shape, including unknown paths and malformed bodies', async () => {
    const missing = await t.anonymous.get('/api/no-such-thing');
    expect(missing.status).toBe(404);
    expect((missing.body as ErrorBody).error.code).toBe('not-found');
    const malformed = await t.anonymous.call('POST', '/api/session', undefined, { 'content-type': 'application/json' });
    expect(malformed.status).toBe(400);
    expect(Object.keys(malformed.body as object)).toEqual(['error']);
  });
});
