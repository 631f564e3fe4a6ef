import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../../store/testing/test-store.js';
import { openTestApp, type TestApp } from '../testing/test-app.js';

describe.each(testBackends)('health and OpenAPI on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(backend);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('reports health with the schema version', async () => {
    const health = await t.anonymous.get('/api/health');
    expect(health.body).toEqual({ status: 'ok', database: backend, schemaVersion: t.store.migration.version });
  });

  it('describes every route in the OpenAPI document, with who may call it', async () => {
    const doc = (await t.anonymous.get('/api/openapi.json')).body as { openapi: string; paths: Partial<Record<string, Partial<Record<string, { description: string; responses: Partial<Record<string, unknown>> }>>>> };
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops ?? {}).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    const declared = t.app.routes.map((r) => `${r.method} ${r.url.replace(/:([A-Za-z]+)/g, '{$1}')}`).sort();
    expect(documented).toEqual(declared);
    expect(doc.paths['/api/persons/{id}']?.['get']?.description).toMatch(/person\.read.*404.*purpose/);
    expect(doc.paths['/api/search']?.['get']?.responses['4XX']).toBeDefined();
  });
});
