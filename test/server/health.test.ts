import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { NAMED_QUERIES } from '../../graph/queries/named.js';
import { PROJECT_ROOT } from '../../server/paths.js';
import { ADMIN_TOKEN, auth, body, build, fixtureDataset, type TestApp } from './helpers.js';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build();
  });
  afterAll(() => t.close());

  it('reports the backend and the size of the graph', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(body(res)).toEqual({ status: 'ok', backend: 'ladybug', nodes: 23, relationships: 23 });
  });

  it('gives every response a request id, keeping a sane one from the caller', async () => {
    const fresh = await t.app.inject({ url: '/api/health' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': 'trace-42' } });
    expect(kept.headers['x-request-id']).toBe('trace-42');
    const replaced = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': 'bad id\nwith newline' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('ignores query parameters, so probes with cache busters still pass', async () => {
    const res = await t.app.inject({ url: '/api/health?verbose=1' });
    expect(res.statusCode).toBe(200);
  });
});

describe('GET /api/health when the store is down', () => {
  // A real store that cannot open: its database would live below a regular file.
  const brokenPath = path.join('/dev/null', `strategigraf-${process.pid}`, 'graph.lbug');
  let t: TestApp;
  beforeAll(async () => {
    t = await build({ store: new LadybugStore({ path: brokenPath }) });
  });
  afterAll(() => t.close());

  it('answers 503 with status "unavailable"', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(body(res)).toEqual({ status: 'unavailable', backend: 'ladybug', nodes: null, relationships: null });
  });

  it('answers other routes with a 503 store_unavailable error that leaks no paths', async () => {
    for (const url of ['/api/nodes', '/api/nodes/digdir', '/api/schema', '/api/paths?from=a&to=b']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(503);
      expect(body(res).error.code).toBe('store_unavailable');
      expect(res.body).not.toContain('/dev/null');
      expect(res.body).not.toContain(os.tmpdir());
    }
  });
});

// Every route whose served OpenAPI documents a 503 is called with the store down, so a new route cannot be forgotten:
// the list comes from the spec, and the same (valid) requests are first shown to succeed on a healthy store, so the 503
// is the store's doing and not a 400 or 404 from a badly filled request.
describe('every route documenting a 503, with the store down', () => {
  const brokenPath = path.join('/dev/null', `strategigraf-${process.pid}-all`, 'graph.lbug');
  type Operation = {
    parameters?: { in: string; name: string; required?: boolean }[];
    requestBody?: { content: Record<string, unknown> };
    responses: Record<string, unknown>;
  };
  interface Call {
    label: string;
    method: 'GET' | 'POST' | 'PUT' | 'DELETE';
    url: string;
    headers: Record<string, string>;
    payload?: string;
  }
  let down: TestApp;
  let healthy: TestApp;
  let calls: Call[];

  beforeAll(async () => {
    down = await build({ store: new LadybugStore({ path: brokenPath }), adminToken: ADMIN_TOKEN });
    healthy = await build({ adminToken: ADMIN_TOKEN });
    const ids = (await fixtureDataset()).nodes.map((n) => n.id);
    expect(ids).toContain('digdir');
    const other = ids.find((id) => id !== 'digdir')!;
    const namedQuery = 'work-of-agency';
    expect(NAMED_QUERIES.map((q) => q.name)).toContain(namedQuery);
    // Real values for every path or required query parameter a route may have; an unknown one fails the test below.
    const values: Record<string, string> = { id: 'digdir', from: 'digdir', to: other, name: namedQuery, target: 'ex-chatbot:CONTRIBUTES_TO:sdg-9' };
    // Where a parameter name means something else on one route: the diff's from and to are years the fixture covers.
    // The follow-up routes take finding ids: a different finding for each change, so that each change's If-Match is the
    // version it will find (reopen follows resolve on the same finding).
    const finding = (id: string) => ({ id });
    // A token the healthy store holds, for the route that revokes one.
    const made = await healthy.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: auth(),
      payload: { name: 'to revoke', role: 'reader', expiresInDays: 1 },
    });
    const tokenId = body<{ id: string }>(made).id;
    const routeValues: Record<string, Record<string, string>> = {
      'GET /api/diff': { from: '2020', to: '2021' },
      'GET /api/coverage/cell': { row: 'fa-kompetanse', col: 'sdg-4' },
      'DELETE /api/tokens/{id}': { id: tokenId },
      'GET /api/records/{collection}': { collection: 'followup' },
      // Each review decision on a target of its own, so that none needs the If-Match of the one before.
      'POST /api/reviews/{target}/accept': { target: 'ex-chatbot:INVOLVES:ks' },
      'POST /api/reviews/{target}/reject': { target: 'fa-kompetanse:CONTRIBUTES_TO:sdg-4' },
      'GET /api/findings/{id}': finding('focus-area-not-started:fa-kompetanse'),
      'POST /api/findings/{id}/acknowledge': finding('focus-area-not-started:fa-kompetanse'),
      'POST /api/findings/{id}/resolve': finding('unanswered-driver:drv-idle'),
      'POST /api/findings/{id}/accept-risk': finding('missing-status:init-ki'),
      'POST /api/findings/{id}/reopen': finding('unanswered-driver:drv-idle'),
      'POST /api/findings/{id}/comments': finding('no-stated-sdg-effect:fa-tjenester'),
    };
    // Valid bodies: a read-only query, and the fixture itself as a JSON dataset (what the JSON export gives).
    const exported = (await healthy.app.inject({ url: '/api/export?format=json' })).body;
    // Parameters the spec cannot mark required but a route needs anyway (coverage wants a preset or rows and cols).
    const extraQuery: Record<string, string> = { 'GET /api/coverage': 'preset=focus-area-goal', 'GET /api/coverage/cell': 'preset=focus-area-goal' };
    const change = (payload: unknown, ifMatch: string) => ({
      contentType: 'application/json',
      payload: JSON.stringify(payload),
      headers: { ...auth(), 'if-match': ifMatch },
    });
    const bodies: Record<string, { contentType: string; payload: string; headers?: Record<string, string> }> = {
      'POST /api/query': { contentType: 'application/json', payload: JSON.stringify({ cypher: 'MATCH (n:Agency) RETURN n.id AS id LIMIT 1' }) },
      'PUT /api/dataset': { contentType: 'application/json', payload: exported, headers: auth() },
      'POST /api/findings/{id}/acknowledge': change({ owner: { agency: 'digdir' }, dueDate: '2099-01-01' }, '"1"'),
      'POST /api/findings/{id}/resolve': change({ reason: 'Løst' }, '"1"'),
      'POST /api/findings/{id}/accept-risk': change({ reason: 'Akseptert', reviewDate: '2099-01-01' }, '"1"'),
      'POST /api/findings/{id}/reopen': change({}, '"2"'),
      'POST /api/findings/{id}/comments': change({ text: 'Kommentar' }, '"1"'),
      'POST /api/reviews/{target}/accept': { contentType: 'application/json', payload: '{}', headers: auth() },
      'POST /api/reviews/{target}/reject': { contentType: 'application/json', payload: JSON.stringify({ note: 'Nei.' }), headers: auth() },
      'POST /api/reviews/{target}/comments': { contentType: 'application/json', payload: JSON.stringify({ note: 'Hei.' }), headers: auth() },
      'POST /api/tokens': { contentType: 'application/json', payload: JSON.stringify({ name: 'ci', role: 'reader', expiresInDays: 1 }), headers: auth() },
    };
    // Routes that need credentials but take no body.
    const extraHeaders: Record<string, Record<string, string>> = { 'GET /api/audit': auth(), 'GET /api/tokens': auth(), 'DELETE /api/tokens/{id}': auth() };

    const spec = body<{ paths: Record<string, Record<string, Operation>> }>(await down.app.inject({ url: '/openapi.json' }));
    calls = [];
    for (const [route, operations] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        if (!op?.responses?.['503']) continue;
        const label = `${method.toUpperCase()} ${route}`;
        // /api/health has its own 503 body, asserted above. The session and sign-in routes need the store only with sign-in
        // configured (their 503 is the session's), which this app is not: test/server/oidc.test.ts has them.
        if (route === '/api/health' || route === '/api/session' || route.startsWith('/api/auth/')) continue;
        const params = op.parameters ?? [];
        const valueOf = (name: string) => {
          const v = routeValues[label]?.[name] ?? values[name];
          if (v === undefined) throw new Error(`${label}: no test value for the parameter ${JSON.stringify(name)}; add one`);
          return v;
        };
        let url = route.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(valueOf(name)));
        const query = params.filter((p) => p.in === 'query' && p.required).map((p) => `${p.name}=${encodeURIComponent(valueOf(p.name))}`);
        if (extraQuery[label]) query.push(extraQuery[label]);
        if (query.length) url += `?${query.join('&')}`;
        const call: Call = { label, method: method.toUpperCase() as Call['method'], url, headers: { ...extraHeaders[label] } };
        if (op.requestBody) {
          const known = bodies[label];
          if (!known) throw new Error(`${label}: takes a body the test does not know; add one`);
          expect(Object.keys(op.requestBody.content), label).toContain(known.contentType);
          call.headers = { 'content-type': known.contentType, ...known.headers };
          call.payload = known.payload;
        }
        calls.push(call);
      }
    }
  });
  afterAll(async () => {
    await down?.close();
    await healthy?.close();
  });

  it('finds the routes in the spec', () => {
    // A floor, so a spec that lost its 503s (or failed to load) cannot pass by testing nothing.
    expect(calls.map((c) => c.label)).toEqual(
      expect.arrayContaining([
        'GET /api/schema',
        'GET /api/nodes',
        'GET /api/nodes/{id}',
        'GET /api/nodes/{id}/neighbors',
        'GET /api/paths',
        'POST /api/query',
        'GET /api/queries/{name}',
        'GET /api/gaps',
        'GET /api/coverage',
        'GET /api/export',
        'PUT /api/dataset',
        'GET /api/findings',
        'POST /api/findings/{id}/acknowledge',
        'GET /api/audit',
      ]),
    );
  });

  it('sends requests a healthy store answers with a 2xx', async () => {
    for (const c of calls) {
      const res = await healthy.app.inject({ method: c.method, url: c.url, headers: c.headers, payload: c.payload });
      expect(res.statusCode, `${c.label} (${c.url}): ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, `${c.label} (${c.url}): ${res.body.slice(0, 300)}`).toBeLessThan(300);
    }
  });

  it('answers each with a 503 store_unavailable error that leaks no paths or stack traces', async () => {
    for (const c of calls) {
      const res = await down.app.inject({ method: c.method, url: c.url, headers: c.headers, payload: c.payload });
      expect(res.statusCode, `${c.label} (${c.url}): ${res.body.slice(0, 300)}`).toBe(503);
      expect(res.headers['content-type'], c.label).toMatch(/^application\/json/);
      expect(body(res), c.label).toEqual({ error: { code: 'store_unavailable', message: expect.any(String) } });
      expect(res.body, c.label).not.toContain('/dev/null');
      expect(res.body, c.label).not.toContain(os.tmpdir());
      expect(res.body, c.label).not.toContain(PROJECT_ROOT);
      expect(res.body, c.label).not.toMatch(/\bat\s+\S+:\d+:\d+/);
      expect(res.body, c.label).not.toMatch(/\.(ts|js|mjs|lbug)\b/);
    }
  });
});
