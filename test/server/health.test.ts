import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { body, build, type TestApp } from './helpers.js';

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
