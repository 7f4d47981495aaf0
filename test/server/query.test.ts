import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { body, build, type TestApp } from './helpers.js';

const query = (t: TestApp, payload: unknown) => t.app.inject({ method: 'POST', url: '/api/query', payload: payload as object });

describe('POST /api/query', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build({ limits: { timeoutMs: 5000, rowCap: 10 } });
  });
  afterAll(() => t.close());

  it('returns columns and rows, with nodes and relationships shaped like the other routes', async () => {
    const res = await query(t, {
      cypher: 'MATCH (a:Agency)-[r:LEADS]->(i:Initiative) WHERE a.id = $id RETURN a, r, i.name AS initiative, 1 + 1 AS two',
      params: { id: 'digdir' },
    });
    expect(res.statusCode).toBe(200);
    const result = body(res);
    expect(result.columns).toEqual(['a', 'r', 'initiative', 'two']);
    expect(result.rows).toEqual([
      [
        { id: 'digdir', kind: 'Agency', name: 'Digitaliseringsdirektoratet', properties: { source: 'rapport-2020', shortName: 'Digdir', sector: 'state' } },
        {
          id: 'digdir:LEADS:init-stimulab',
          type: 'LEADS',
          from: 'digdir',
          to: 'init-stimulab',
          properties: { source: 'rapport-2020', page: 7, quote: null, basis: 'stated', note: null, noteNb: null, endedBy: null },
        },
        'StimuLab',
        2,
      ],
    ]);
    const node = body(await t.app.inject({ url: '/api/nodes/digdir' }));
    const { degree: _degree, ...plain } = node;
    expect(result.rows[0][0]).toEqual(plain);
  });

  it('takes params as data, never as Cypher', async () => {
    const res = await query(t, { cypher: 'MATCH (n:Agency) WHERE n.id = $id RETURN n.id', params: { id: "digdir' OR 1=1 //" } });
    expect(res.statusCode).toBe(200);
    expect(body(res).rows).toEqual([]);
  });

  it.each([
    ["MATCH (a:Agency {id: 'digdir'}) SET a.name = 'hacked' RETURN a"],
    ["CREATE (a:Agency {id: 'evil', name: 'Evil'}) RETURN a"],
    ["MATCH (a:Agency {id: 'ks'}) DETACH DELETE a"],
    ["MERGE (a:Agency {id: 'digdir'}) ON MATCH SET a.name = 'x' RETURN a"],
    ['MATCH (n) DETACH DELETE n'],
  ])('refuses the write %j with a 400 read_only and leaves the graph unchanged', async (cypher) => {
    const before = body(await t.app.inject({ url: '/api/export?format=json' }));
    const res = await query(t, { cypher });
    expect(res.statusCode).toBe(400);
    expect(body(res).error.code).toBe('read_only');
    expect(body(res).error.message).toMatch(/only read queries are allowed/);
    const after = body(await t.app.inject({ url: '/api/export?format=json' }));
    expect(after).toEqual(before);
    expect(body(await t.app.inject({ url: '/api/nodes/digdir' })).name).toBe('Digitaliseringsdirektoratet');
  });

  it('stops at the row cap with a clear 400', async () => {
    const res = await query(t, { cypher: 'MATCH (n) RETURN n.id' });
    expect(res.statusCode).toBe(400);
    expect(body(res).error).toEqual({
      code: 'row_cap_exceeded',
      message: 'the query returned more than the limit of 10 rows; add a LIMIT or narrow it',
    });
    expect((await query(t, { cypher: 'MATCH (n) RETURN n.id LIMIT 10' })).statusCode).toBe(200);
  });

  it.each([
    ['MATCH (n RETURN n', 'query_invalid'],
    ["LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", 'query_invalid'],
    ['MATCH (n:Agency) RETURN n; MATCH (m) DETACH DELETE m', 'query_invalid'],
    ['   ', 'query_invalid'],
  ])('refuses %j with a 400 %s', async (cypher, code) => {
    const res = await query(t, { cypher });
    expect(res.statusCode).toBe(400);
    expect(body(res).error.code).toBe(code);
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it.each([
    [{}, 'cypher', 'is required'],
    [{ cypher: 42 }, 'cypher', 'must be a string'],
    [{ cypher: '' }, 'cypher', 'must not be empty'],
    [{ cypher: 'RETURN 1', params: [1, 2] }, 'params', 'must be an object'],
    [{ cypher: 'RETURN 1', extra: true }, 'extra', 'is not a known field'],
  ])('refuses the body %j with a 400 naming %s', async (payload, field, message) => {
    const res = await query(t, payload);
    expect(res.statusCode).toBe(400);
    expect(body(res).error.details).toContainEqual({ field, in: 'body', message });
  });

  const nested = (levels: number): unknown => {
    let v: unknown = 1;
    for (let i = 0; i < levels; i++) v = [v];
    return v;
  };

  it.each([24, 100])('refuses params nested %i levels deep at once with a 400, while other routes keep answering', async (levels) => {
    // Before the bound, 24 levels (92 bytes) froze every route for 8.5 s and 100 levels reached 13.8 GB.
    const started = Date.now();
    const [res, health] = await Promise.all([query(t, { cypher: 'RETURN 1', params: { a: nested(levels) } }), t.app.inject({ url: '/api/health' })]);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(health.statusCode).toBe(200);
    expect(res.statusCode).toBe(400);
    expect(body(res).error.code).toBe('invalid_request');
    expect(body(res).error.details).toEqual([
      { field: 'params.a[0][0][0][0]', in: 'body', message: 'nests arrays and objects more than 4 levels deep; the limit is 4' },
    ]);
  });

  it('takes params nested up to the limit', async () => {
    const res = await query(t, { cypher: 'RETURN $a AS a, $m.k.l AS l', params: { a: nested(4), m: { k: { l: [1, 2] } } } });
    expect(res.statusCode).toBe(200);
    expect(body(res).rows).toEqual([[[[[[1]]]], [1, 2]]]);
  });

  it.each([
    [{ a: Array.from({ length: 1001 }, () => 0) }, 'params.a', 'must have at most 1000 items'],
    [{ a: 'x'.repeat(10_001) }, 'params.a', 'must be at most 10000 characters'],
    [Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i])), 'params', 'must have at most 100 parameters'],
    [{ a: { b: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i])) } }, 'params.a.b', 'must have at most 100 keys'],
    [{ a: Array.from({ length: 11 }, () => Array.from({ length: 1000 }, () => 0)) }, 'params', 'must hold at most 10000 values in all'],
    [{ a: Array.from({ length: 8 }, () => 'x'.repeat(9_000)) }, 'params', 'must be at most 65536 characters as JSON'],
  ])('refuses params past a limit with a 400 naming it (%#)', async (params, field, message) => {
    const res = await query(t, { cypher: 'RETURN 1', params });
    expect(res.statusCode).toBe(400);
    expect(body(res).error.details).toEqual([{ field, in: 'body', message }]);
  });

  it('refuses malformed JSON with a 400', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/query', headers: { 'content-type': 'application/json' }, payload: '{"cypher": ' });
    expect(res.statusCode).toBe(400);
    expect(body(res).error.code).toBe('invalid_request');
  });

  it('refuses a body over the size limit with a 413', async () => {
    const res = await query(t, { cypher: 'RETURN 1', params: { blob: 'x'.repeat(1024 * 1024) } });
    expect(res.statusCode).toBe(413);
    expect(body(res).error.code).toBe('payload_too_large');
  });

  it('refuses a body that is not JSON with a 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/query', headers: { 'content-type': 'application/xml' }, payload: '<q/>' });
    expect(res.statusCode).toBe(415);
    expect(body(res).error.code).toBe('unsupported_media_type');
  });
});

describe('POST /api/query timeout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build({ limits: { timeoutMs: 1, rowCap: 1000 } });
  });
  afterAll(() => t.close());

  it('stops a heavy variable-length query with a clear 400 query_timeout instead of hanging', async () => {
    const started = Date.now();
    const res = await query(t, { cypher: 'MATCH p = (a)-[*1..12]-(b) RETURN count(p) AS paths' });
    expect(res.statusCode).toBe(400);
    expect(body(res).error).toEqual({ code: 'query_timeout', message: 'the query ran longer than the limit of 1 ms and was stopped' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('POST /api/query rate limit', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it('answers 429 rate_limited past the configured requests per minute', async () => {
    t = await build({ rateLimits: { query: 2 } });
    expect((await query(t, { cypher: 'RETURN 1' })).statusCode).toBe(200);
    expect((await query(t, { cypher: 'RETURN 1' })).statusCode).toBe(200);
    const res = await query(t, { cypher: 'RETURN 1' });
    expect(res.statusCode).toBe(429);
    expect(body(res).error.code).toBe('rate_limited');
    expect(res.headers['retry-after']).toBeDefined();
    // Reads elsewhere are not rate limited.
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });
});
