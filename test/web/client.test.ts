// The typed client's error mapping and URLs, with fetch stubbed: what every view relies on when a call fails.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiFailure, asFailure, get, routeUrl, takesAsOf } from '../../web/src/api/client.js';

const respond = (status: number, body: unknown, statusText = '') =>
  vi.fn(async (_url: string, _init?: RequestInit) => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, statusText }));

afterEach(() => vi.unstubAllGlobals());

describe('routeUrl', () => {
  it('fills path parameters encoded and leaves empty query values and lists out', () => {
    expect(
      routeUrl('/api/nodes/{id}/neighbors', { path: { id: 'a/b c' }, query: { depth: 1, kinds: ['Agency', 'Goal'], types: [], basis: undefined, q: '' } }),
    ).toBe('/api/nodes/a%2Fb%20c/neighbors?depth=1&kinds=Agency%2CGoal');
    expect(routeUrl('/api/health')).toBe('/api/health');
    expect(() => routeUrl('/api/nodes/{id}', {})).toThrow(/path parameter id/);
  });
});

describe('the typed client', () => {
  it('returns the JSON of a 2xx answer, asking for JSON', async () => {
    const fetch = respond(200, { items: [], total: 0 });
    vi.stubGlobal('fetch', fetch);
    await expect(api.search('digdir', { limit: 3 })).resolves.toEqual({ items: [], total: 0 });
    expect(fetch.mock.calls[0]![0]).toBe('/api/nodes?q=digdir&limit=3');
    expect(fetch.mock.calls[0]![1]).toMatchObject({ method: 'GET', headers: { accept: 'application/json' } });
  });

  it('sends a JSON body with its content type', async () => {
    const fetch = respond(200, { columns: [], rows: [] });
    vi.stubGlobal('fetch', fetch);
    await api.query('MATCH (n) RETURN n');
    const init = fetch.mock.calls[0]![1]!;
    expect(init).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(JSON.parse(String(init.body))).toEqual({ cypher: 'MATCH (n) RETURN n', params: {} });
  });

  it("maps an error answer to ApiFailure with the status, the server's code and its message", async () => {
    vi.stubGlobal('fetch', respond(503, { error: { code: 'store_unavailable', message: 'The graph store is unavailable' } }));
    const failure = await get('/api/timeline', {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({ status: 503, code: 'store_unavailable', message: 'The graph store is unavailable' });
  });

  it('maps an error answer without the envelope to http_error with the status line', async () => {
    vi.stubGlobal('fetch', respond(502, '<html>bad gateway</html>', 'Bad Gateway'));
    await expect(api.gaps()).rejects.toMatchObject({ status: 502, code: 'http_error', message: '502 Bad Gateway' });
  });

  it('maps a network failure to status 0, code network', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(api.timeline()).rejects.toMatchObject({ status: 0, code: 'network', message: 'Failed to fetch' });
  });
});

describe('the year (asOf)', () => {
  it('goes to the routes whose contract takes it, and is left out where a strict query would refuse it', async () => {
    const fetch = respond(200, {});
    vi.stubGlobal('fetch', fetch);
    await api.gaps(2020);
    await api.coverage('focus-area-goal', 2020);
    await api.timeline(2020);
    await api.gaps();
    await api.diff(2020, 2021);
    await api.years();
    expect(fetch.mock.calls.map((c) => c[0])).toEqual([
      '/api/gaps?asOf=2020',
      '/api/coverage?preset=focus-area-goal&asOf=2020',
      '/api/timeline?asOf=2020',
      '/api/gaps',
      '/api/diff?from=2020&to=2021',
      '/api/years',
    ]);
    // Every view's read route takes the year; the analysts' console and the diff (with its own two years) do not.
    for (const route of ['/api/nodes', '/api/nodes/{id}', '/api/nodes/{id}/neighbors', '/api/paths'] as const) expect(takesAsOf(route), route).toBe(true);
    for (const route of ['/api/diff', '/api/years', '/api/health'] as const) expect(takesAsOf(route), route).toBe(false);
    fetch.mockClear();
    await api.neighbors('digdir', { depth: 1, asOf: 2020 });
    await api.paths('a', 'b', { asOf: 2020 });
    await api.search('x', { asOf: 2020 });
    await api.node('digdir', 2020);
    for (const [url] of fetch.mock.calls) expect(url).toContain('asOf=2020');
  });
});

describe('asFailure', () => {
  it('keeps an ApiFailure and wraps anything else as status 0, code unknown', () => {
    const failure = new ApiFailure(404, 'not_found', 'No such node');
    expect(asFailure(failure)).toBe(failure);
    expect(asFailure(new Error('boom'))).toMatchObject({ status: 0, code: 'unknown', message: 'boom' });
    expect(asFailure('plain')).toMatchObject({ status: 0, code: 'unknown', message: 'plain' });
  });
});
