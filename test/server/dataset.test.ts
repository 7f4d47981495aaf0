import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, auth, body, build, fixtureStore, type TestApp } from './helpers.js';

const SMALL_DATASET = `dataset:
  name: Replacement
  version: "2"
references:
  - id: ref-a
    title: A reference
nodes:
  - { kind: Agency, id: nav, name: Arbeids- og velferdsetaten, shortName: NAV, sector: state, source: ref-a }
  - { kind: Initiative, id: ny-losning, name: Ny løsning, category: supporting, status: planned, source: ref-a }
relationships:
  - { type: LEADS, from: nav, to: ny-losning, source: ref-a, page: null, quote: null, basis: stated }
`;

// Problems on several lines: an unknown status (9), an unknown kind (10), an unknown endpoint (12), a missing note (13).
const BAD_DATASET = `dataset:
  name: Broken
  version: "1"
references:
  - id: ref-a
    title: A reference
nodes:
  - { kind: Agency, id: nav, name: NAV, sector: state, source: ref-a }
  - { kind: Initiative, id: ny-losning, name: Ny løsning, category: supporting, status: someday, source: ref-a }
  - { kind: Person, id: ola, name: Ola, source: ref-a }
relationships:
  - { type: LEADS, from: nav, to: nowhere, source: ref-a, page: null, quote: null, basis: stated }
  - { type: PARTICIPATES_IN, from: nav, to: ny-losning, source: ref-a, page: null, quote: null, basis: inferred }
`;

const put = (t: TestApp, payload: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'PUT', url: '/api/dataset', headers: { 'content-type': 'application/yaml', ...headers }, payload });

const nodeCount = async (t: TestApp) => body(await t.app.inject({ url: '/api/health' })).nodes as number;

describe('PUT /api/dataset without a configured token', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await build({ adminToken: undefined });
  });
  afterEach(() => t.close());

  it('is disabled (403), whatever the caller sends', async () => {
    for (const headers of [{}, auth(), auth('')]) {
      const res = await put(t, SMALL_DATASET, headers);
      expect(res.statusCode).toBe(403);
      expect(body(res).error.code).toBe('writes_disabled');
    }
    expect(await nodeCount(t)).toBe(23);
  });

  it('treats an empty token as no token', async () => {
    await t.close();
    t = await build({ adminToken: '' });
    expect((await put(t, SMALL_DATASET, auth(''))).statusCode).toBe(403);
  });
});

describe('PUT /api/dataset with a token', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await build({ adminToken: ADMIN_TOKEN });
  });
  afterEach(() => t.close());

  it.each([
    ['no header', {}],
    ['a wrong token', auth('wrong-token')],
    ['a token prefix', auth(ADMIN_TOKEN.slice(0, -1))],
    ['a longer token', auth(`${ADMIN_TOKEN}x`)],
    ['another scheme', { authorization: `Basic ${ADMIN_TOKEN}` }],
  ])('answers %s with a 401 and leaves the graph alone', async (_what, headers) => {
    const res = await put(t, SMALL_DATASET, headers as Record<string, string>);
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(body(res).error.code).toBe('unauthorized');
    expect(await nodeCount(t)).toBe(23);
  });

  it('replaces the graph with a valid YAML dataset', async () => {
    const res = await put(t, SMALL_DATASET, auth());
    expect(res.statusCode).toBe(200);
    expect(body(res)).toEqual({ dataset: { name: 'Replacement', version: '2' }, nodes: 2, relationships: 1 });
    expect(await nodeCount(t)).toBe(2);
    expect((await t.app.inject({ url: '/api/nodes/digdir' })).statusCode).toBe(404);
    const nav = body(await t.app.inject({ url: '/api/nodes/nav' }));
    expect(nav.degree).toEqual({ LEADS: { out: 1, in: 0 } });
  });

  it('accepts the dataset as JSON', async () => {
    const json = JSON.stringify({
      dataset: { name: 'As JSON', version: '1' },
      references: [{ id: 'ref-a', title: 'A' }],
      nodes: [{ kind: 'Goal', id: 'sdg-1', name: 'Utrydde fattigdom', number: 1, source: 'ref-a' }],
    });
    const res = await put(t, json, { ...auth(), 'content-type': 'application/json; charset=utf-8' });
    expect(res.statusCode).toBe(200);
    expect(body(res).nodes).toBe(1);
  });

  it('round-trips the JSON export', async () => {
    const exported = await t.app.inject({ url: '/api/export?format=json' });
    const res = await put(t, exported.body, { ...auth(), 'content-type': 'application/json' });
    expect(res.statusCode).toBe(200);
    expect(body(res)).toMatchObject({ nodes: 23, relationships: 23 });
    const again = await t.app.inject({ url: '/api/export?format=json' });
    expect(again.body).toBe(exported.body);
  });

  it('refuses an invalid dataset with a 422 listing every problem with its line, and keeps the old graph', async () => {
    const res = await put(t, BAD_DATASET, auth());
    expect(res.statusCode).toBe(422);
    const { error } = body(res);
    expect(error.code).toBe('invalid_dataset');
    expect(error.message).toBe(`the dataset has ${error.details.length} problems; the graph is unchanged`);
    expect(error.details).toEqual(
      expect.arrayContaining([
        { file: 'request body', line: 9, path: 'nodes[1].status', message: expect.stringContaining('(got "someday")') },
        { file: 'request body', line: 10, path: 'nodes[2].kind', message: expect.stringContaining('unknown node kind "Person"') },
        { file: 'request body', line: 12, path: 'relationships[0].to', message: 'unknown node id "nowhere"' },
        { file: 'request body', line: 13, path: 'relationships[1].note', message: expect.stringContaining('is required when basis is "inferred"') },
      ]),
    );
    expect(await nodeCount(t)).toBe(23);
    expect((await t.app.inject({ url: '/api/nodes/digdir' })).statusCode).toBe(200);
  });

  it('refuses a dataset without a header', async () => {
    const res = await put(t, SMALL_DATASET.replace('  version: "2"\n', ''), auth());
    expect(res.statusCode).toBe(422);
    expect(body(res).error.details).toContainEqual({ file: 'request body', line: 2, path: 'dataset.version', message: 'is required' });
  });

  it('reports malformed YAML with its line', async () => {
    const res = await put(t, 'dataset:\n  name: x\n  version: [unclosed\nnodes: []\n', auth());
    expect(res.statusCode).toBe(422);
    expect(body(res).error.details[0]).toMatchObject({ file: 'request body', message: expect.stringMatching(/^malformed YAML/) });
    expect(body(res).error.details[0].line).toBeGreaterThan(0);
  });

  it('refuses a YAML alias bomb with a 422 problem, not a 500, and keeps the old graph', async () => {
    const res = await put(t, readFileSync('test/fixtures/alias-bomb/dataset.yaml', 'utf8'), auth());
    expect(res.statusCode).toBe(422);
    expect(body(res).error.code).toBe('invalid_dataset');
    expect(body(res).error.details[0]).toEqual({ file: 'request body', path: '', message: expect.stringContaining('expands its aliases (*name) too often') });
    expect(await nodeCount(t)).toBe(23);
  });

  it('refuses an empty body with every problem listed', async () => {
    const res = await put(t, '', auth());
    expect(res.statusCode).toBe(422);
    expect(body(res).error.details).toContainEqual(expect.objectContaining({ path: 'dataset' }));
    expect(await nodeCount(t)).toBe(23);
  });

  it('is atomic: after a refused dataset the graph is exactly the old one', async () => {
    const before = (await t.app.inject({ url: '/api/export?format=json' })).body;
    const duplicate = SMALL_DATASET.replace('relationships:', '  - { kind: Agency, id: nav, name: Again, sector: state, source: ref-a }\nrelationships:');
    const res = await put(t, duplicate, auth());
    expect(res.statusCode).toBe(422);
    expect(body(res).error.details).toContainEqual(expect.objectContaining({ message: expect.stringContaining('duplicate id "nav"') }));
    expect((await t.app.inject({ url: '/api/export?format=json' })).body).toBe(before);
  });

  it('refuses a body over the dataset size limit with a 413', async () => {
    await t.close();
    t = await build({ adminToken: ADMIN_TOKEN, datasetBodyLimit: 1024 });
    const res = await put(t, `${SMALL_DATASET}# ${'x'.repeat(2048)}\n`, auth());
    expect(res.statusCode).toBe(413);
    expect(body(res).error).toEqual({ code: 'payload_too_large', message: 'the request body is larger than the limit of 1024 bytes' });
    expect(await nodeCount(t)).toBe(23);
  });

  it('refuses a body of another content type with a 415', async () => {
    const res = await put(t, SMALL_DATASET, { ...auth(), 'content-type': 'multipart/form-data; boundary=x' });
    expect(res.statusCode).toBe(415);
    expect(body(res).error.code).toBe('unsupported_media_type');
  });

  it('is rate limited', async () => {
    await t.close();
    t = await build({ adminToken: ADMIN_TOKEN, rateLimits: { write: 1 } });
    expect((await put(t, SMALL_DATASET, auth())).statusCode).toBe(200);
    const res = await put(t, SMALL_DATASET, auth());
    expect(res.statusCode).toBe(429);
    expect(body(res).error.code).toBe('rate_limited');
  });
});

describe('GET /api/dataset/status', () => {
  let t: TestApp;
  let release: () => void = () => undefined;
  beforeEach(async () => {
    const store = await fixtureStore();
    // The real store, held after its first progress report until the test lets it go, so the test can look mid-load.
    const replace = store.replaceDataset.bind(store);
    store.replaceDataset = async (dataset, options) => {
      options?.onProgress?.({ phase: 'nodes', done: 1, total: dataset.nodes.length });
      await new Promise<void>((resolve) => (release = resolve));
      return replace(dataset, options);
    };
    t = await build({ adminToken: ADMIN_TOKEN, store });
  });
  afterEach(() => t.close());

  const status = async (headers: Record<string, string> = auth()) => t.app.inject({ url: '/api/dataset/status', headers });

  it('is for admins only', async () => {
    expect((await status({})).statusCode).toBe(401);
    expect((await status(auth('wrong-token'))).statusCode).toBe(401);
    const idle = await status();
    expect(idle.statusCode).toBe(200);
    expect(body(idle)).toMatchObject({ state: 'idle', requestId: null, progress: null, elapsedMs: null });
  });

  it('shows a load while it runs, then the follow-up reconcile, then done with its time', async () => {
    const answer = put(t, SMALL_DATASET, auth());
    await expect.poll(async () => body(await status()).progress?.phase).toBe('nodes');
    const during = body(await status());
    expect(during).toMatchObject({
      state: 'loading',
      progress: { phase: 'nodes', done: 1, total: 2 },
      nodes: 2,
      relationships: 1,
      finishedAt: null,
      error: null,
    });
    expect(during.elapsedMs).toBeGreaterThanOrEqual(0);
    // The old graph is still the one served meanwhile.
    expect(await nodeCount(t)).toBe(23);
    release();
    expect((await answer).statusCode).toBe(200);
    await expect.poll(async () => body(await status()).state).toBe('done');
    const done = body(await status());
    expect(done.requestId).toBe(during.requestId);
    expect(done.progress.phase).toBe('reconciling');
    expect(done.progress.done).toBe(done.progress.total);
    expect(Date.parse(done.finishedAt)).toBeGreaterThanOrEqual(Date.parse(done.startedAt));
    expect(await nodeCount(t)).toBe(2);
  });

  it('says why a refused load failed, and the graph is unchanged', async () => {
    const res = await put(t, BAD_DATASET, auth());
    expect(res.statusCode).toBe(422);
    const failed = body(await status());
    expect(failed).toMatchObject({ state: 'failed', progress: { phase: 'validating' }, nodes: null });
    expect(failed.error).toMatch(/the dataset has \d+ problems; the graph is unchanged/);
    expect(await nodeCount(t)).toBe(23);
  });
});
