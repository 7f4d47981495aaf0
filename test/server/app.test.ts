// App-wide behaviour: security headers, CORS, unknown routes, faults, and the web UI.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import type { GraphStats } from '../../graph/schema/graph.js';
import { securityHeaders } from '../../server/plugins/security.js';
import { body, build, fixtureDataset, type TestApp } from './helpers.js';

const parseCsp = (header: string) =>
  Object.fromEntries(
    header
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values];
      }),
  );

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build();
  });
  afterAll(() => t.close());

  it('sends helmet headers and a CSP that allows the UI and nothing from elsewhere', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
    const csp = parseCsp(String(res.headers['content-security-policy']));
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp).not.toHaveProperty('upgrade-insecure-requests');
  });

  it("sends every header helmet makes for the app's options, on an answer, an error and /docs alike", async () => {
    const expected = securityHeaders();
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(['content-security-policy', 'strict-transport-security', 'x-frame-options']));
    for (const url of ['/api/health', '/api/nodes/no-such-node', '/api/no-such-route', '/docs/']) {
      const res = await t.app.inject({ url });
      for (const [name, value] of Object.entries(expected)) expect(res.headers[name], `${url} ${name}`).toBe(value);
    }
  });

  // The request id and the security headers are set by synchronous onRequest hooks (server/app.ts, plugins/security.ts)
  // and the 405 answers from one: every kind of answer must still carry all of them, the id the caller's when sane.
  it.each([
    ['GET', '/api/nodes/digdir'],
    ['GET', '/api/nodes/digdir'],
    ['HEAD', '/api/nodes/digdir'],
    ['GET', '/api/nodes/digdir/neighbors?depth=1'],
    ['GET', '/api/nodes/digdir?depth=1'],
    ['GET', '/api/nodes/no-such-node/neighbors?depth=1'],
    ['DELETE', '/api/nodes/digdir'],
    ['TRACE', '/api/no-such-route'],
    ['GET', '/api/nodes/%E0%A4%A'],
  ])('sends the request id and every security header on %s %s', async (method, url) => {
    const expected = securityHeaders();
    const fresh = await t.app.inject({ method: method as 'GET', url });
    const given = await t.app.inject({ method: method as 'GET', url, headers: { 'x-request-id': 'trace-7' } });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(given.headers['x-request-id']).toBe('trace-7');
    for (const res of [fresh, given]) {
      for (const [name, value] of Object.entries(expected)) expect(res.headers[name], `${method} ${url} ${name}`).toBe(value);
    }
    // Each answered once, with the same status both times (a hook that answered and also let the request go on would not be).
    expect(given.statusCode).toBe(fresh.statusCode);
  });

  it('sends the same CSP on /docs, which loads only its own scripts', async () => {
    const res = await t.app.inject({ url: '/docs/' });
    expect(res.headers['content-security-policy']).toBe((await t.app.inject({ url: '/api/health' })).headers['content-security-policy']);
  });
});

describe('CORS', () => {
  it('is off unless configured: no CORS headers, preflight not answered', async () => {
    const t = await build();
    try {
      const res = await t.app.inject({ url: '/api/health', headers: { origin: 'https://evil.example' } });
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/api/query',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      // No CORS: a plain OPTIONS on a known path, so 405 with what the path does answer.
      expect(preflight.statusCode).toBe(405);
      expect(preflight.headers['allow']).toBe('POST');
    } finally {
      await t.close();
    }
  });

  it('allows exactly the configured origins', async () => {
    const t = await build({ corsOrigin: ['https://notebook.example'] });
    try {
      const allowed = await t.app.inject({ url: '/api/health', headers: { origin: 'https://notebook.example' } });
      expect(allowed.headers['access-control-allow-origin']).toBe('https://notebook.example');
      expect(allowed.headers['vary']).toMatch(/Origin/);
      const other = await t.app.inject({ url: '/api/health', headers: { origin: 'https://evil.example' } });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/api/query',
        headers: { origin: 'https://notebook.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-methods']).toContain('POST');
      expect(preflight.headers['access-control-allow-headers']).toContain('content-type');
    } finally {
      await t.close();
    }
  });
});

describe('unknown routes and faults', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build();
  });
  afterAll(() => t.close());

  it.each([
    ['GET', '/api/nope'],
    ['GET', '/api'],
    ['GET', '/api/nodes/digdir/neighbours'],
    ['TRACE', '/api/nope'],
  ])('answers %s %s with a JSON 404', async (method, url) => {
    const res = await t.app.inject({ method: method as 'GET', url });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(body(res).error.code).toBe('not_found');
  });

  it.each([
    ['TRACE', '/api/health', 'GET, HEAD'],
    ['DELETE', '/api/nodes/digdir', 'GET, HEAD'],
    ['PATCH', '/api/nodes/digdir/neighbors/', 'GET, HEAD'],
    ['POST', '/api/nodes', 'GET, HEAD'],
    ['OPTIONS', '/api/gaps', 'GET, HEAD'],
    ['GET', '/api/query', 'POST'],
    ['PUT', '/api/query', 'POST'],
    ['POST', '/api/dataset', 'PUT'],
    ['DELETE', '/openapi.json', 'GET, HEAD'],
  ])('answers %s %s, a known path with another method, with a 405 and Allow: %s', async (method, url, allow) => {
    const res = await t.app.inject({ method: method as 'GET', url });
    expect(res.statusCode).toBe(405);
    expect(res.headers['allow']).toBe(allow);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(body(res).error).toEqual({
      code: 'method_not_allowed',
      message: expect.stringContaining(`${method} is not allowed on ${url}; it answers ${allow}`),
    });
  });

  it('answers the 405 before reading a body, so a QUERY without a content type still gets it', async () => {
    const res = await t.app.inject({ method: 'QUERY' as 'GET', url: '/api/nodes/digdir', payload: 'x' });
    expect(res.statusCode).toBe(405);
    expect(res.headers['allow']).toBe('GET, HEAD');
  });

  it('answers HEAD on a POST-only path with a 405 and no body', async () => {
    const res = await t.app.inject({ method: 'HEAD', url: '/api/query' });
    expect(res.statusCode).toBe(405);
    expect(res.headers['allow']).toBe('POST');
    expect(res.body).toBe('');
  });

  it('answers a malformed URL with a 400 in the error envelope', async () => {
    const res = await t.app.inject({ url: '/api/nodes/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(body(res).error.code).toBe('invalid_request');
  });

  it('bounds request time and body size', () => {
    expect((t.app.initialConfig as { requestTimeout?: number }).requestTimeout).toBe(60_000);
    expect(t.app.initialConfig.connectionTimeout).toBe(60_000);
    expect(t.app.initialConfig.bodyLimit).toBe(1024 * 1024);
  });

  it('tolerates a trailing slash', async () => {
    expect((await t.app.inject({ url: '/api/health/' })).statusCode).toBe(200);
  });

  it('answers a fault with a 500 that names the request id and leaks nothing', async () => {
    class FaultyStore extends LadybugStore {
      override async stats(): Promise<GraphStats> {
        throw new Error('boom in /secret/internal/path.ts');
      }
    }
    const store = new FaultyStore({ path: ':memory:' });
    await store.open();
    await store.replaceDataset(await fixtureDataset());
    const faulty = await build({ store });
    try {
      const res = await faulty.app.inject({ url: '/api/schema', headers: { 'x-request-id': 'req-123' } });
      expect(res.statusCode).toBe(500);
      expect(body(res).error.code).toBe('internal_error');
      expect(body(res).error.message).toContain('req-123');
      expect(res.body).not.toContain('secret');
      expect(res.body).not.toContain('boom');
      expect(res.body).not.toMatch(/\bat\s+\S+:\d+:\d+/);
    } finally {
      await faulty.close();
    }
  });
});

describe('the web UI', () => {
  it('without a build, / says so and links /docs', async () => {
    const t = await build({ webRoot: null });
    try {
      const res = await t.app.inject({ url: '/' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('not built');
      expect(res.body).toContain('href="/docs"');
      expect(res.body).not.toContain('<script');
      expect((await t.app.inject({ url: '/graph/digdir' })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });

  describe('with a build', () => {
    let dir: string;
    let t: TestApp;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-web-'));
      await mkdir(path.join(dir, 'assets'));
      await writeFile(
        path.join(dir, 'index.html'),
        '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body>UI</body></html>',
      );
      await writeFile(path.join(dir, 'assets', 'app.js'), 'console.log("ui")');
      t = await build({ webRoot: dir });
    });
    afterAll(async () => {
      await t.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('serves index.html at / and the assets', async () => {
      const index = await t.app.inject({ url: '/' });
      expect(index.statusCode).toBe(200);
      expect(index.body).toContain('<body>UI</body>');
      expect(index.headers['content-security-policy']).toBeDefined();
      const asset = await t.app.inject({ url: '/assets/app.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['content-type']).toMatch(/javascript/);
      expect(asset.headers['cache-control']).toContain('immutable');
    });

    it('falls back to index.html for app routes, but not for /api or missing files', async () => {
      const route = await t.app.inject({ url: '/node/digdir?tab=neighbours' });
      expect(route.statusCode).toBe(200);
      expect(route.body).toContain('<body>UI</body>');
      expect((await t.app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
      const api = await t.app.inject({ url: '/api/nope' });
      expect(api.statusCode).toBe(404);
      expect(body(api).error.code).toBe('not_found');
      expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'POST', url: '/node/digdir' })).statusCode).toBe(404);
    });
  });
});
