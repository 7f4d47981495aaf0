// The node look-up routes send a kept JSON text again for the same graph and parameters (server/kept-responses.ts).
// What could go wrong, tried here: a kept answer outliving the graph it was made from (a new load, a review decision),
// standing in for another year or for includeRejected, skipping the hooks every response goes through (security
// headers, request id, a refused credential), or an unknown or hostile id or query string being kept or answered
// with anything but the 400/404 it got before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import { keptResponseStats } from '../../server/kept-responses.js';
import { ADMIN_TOKEN, auth, body, build, fixtureDataset, type TestApp } from './helpers.js';

const LINK = 'ex-chatbot:INVOLVES:ks';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const kept = () => keptResponseStats().entries;
const edgeIds = (res: { body: string }) => (body(res).edges as { id: string }[]).map((e) => e.id);

describe('kept answers on the small fixture', () => {
  beforeEach(async () => {
    t = await build({ adminToken: ADMIN_TOKEN });
  });

  it.each(['/api/nodes/ks', '/api/nodes/ks/neighbors?depth=1', '/api/nodes/ks/neighbors'])(
    'sends %s again as it sent it first, with the headers every response gets',
    async (url) => {
      const first = await get(url);
      const entries = kept();
      const second = await get(url);
      expect(first.statusCode).toBe(200);
      expect(second.statusCode).toBe(200);
      expect(second.body).toBe(first.body);
      // The second one came from the kept answers: nothing new was kept.
      expect(kept()).toBe(entries);
      for (const res of [first, second]) {
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(res.headers['content-security-policy']).toContain("default-src 'self'");
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      }
      expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
      expect(second.headers['content-length']).toBe(String(Buffer.byteLength(first.body)));
      // HEAD, which Fastify answers from the GET route, sends the same headers and no body.
      const head = await t.app.inject({ method: 'HEAD', url });
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe('');
      expect(head.headers['content-length']).toBe(second.headers['content-length']);
      expect(head.headers['x-content-type-options']).toBe('nosniff');
      expect(body(second).id ?? body(second).nodes[0].id).toBe('ks');
    },
  );

  it('still refuses a wrong bearer token on a kept answer (401), and a caller-given request id is still echoed', async () => {
    expect((await get('/api/nodes/ks')).statusCode).toBe(200);
    const wrong = await get('/api/nodes/ks', { authorization: 'Bearer wrong' });
    expect(wrong.statusCode).toBe(401);
    expect(body(wrong).error.code).toBe('unauthorized');
    expect((await get('/api/nodes/ks', auth())).statusCode).toBe(200);
    expect((await get('/api/nodes/ks', { 'x-request-id': 'trace-42' })).headers['x-request-id']).toBe('trace-42');
  });

  it('answers from the review as it stands after a decision, never from the kept answer of before', async () => {
    const nodeBefore = body(await get('/api/nodes/ks'));
    expect(edgeIds(await get('/api/nodes/ks/neighbors?depth=1'))).toContain(LINK);
    expect(edgeIds(await get('/api/nodes/ks/neighbors?depth=1&includeRejected=true'))).toContain(LINK);

    const reject = await t.app.inject({ method: 'POST', url: `/api/reviews/${encodeURIComponent(LINK)}/reject`, headers: auth(), payload: { note: 'Nei.' } });
    expect(reject.statusCode).toBe(200);

    // Left out by default, shown with includeRejected, marked rejected; the degree no longer counts it.
    expect(edgeIds(await get('/api/nodes/ks/neighbors?depth=1'))).not.toContain(LINK);
    const included = body(await get('/api/nodes/ks/neighbors?depth=1&includeRejected=true'));
    expect(included.edges.find((e: { id: string }) => e.id === LINK).properties.review).toMatchObject({ state: 'rejected', note: 'Nei.' });
    const nodeAfter = body(await get('/api/nodes/ks'));
    // A type with no link left is not listed.
    expect(nodeAfter.degree.INVOLVES?.in ?? 0).toBe(nodeBefore.degree.INVOLVES.in - 1);
    expect(body(await get('/api/nodes/ks?includeRejected=true')).degree).toEqual(nodeBefore.degree);

    // And back again once accepted: not the kept answer of the rejection either.
    const accept = await t.app.inject({
      method: 'POST',
      url: `/api/reviews/${encodeURIComponent(LINK)}/accept`,
      headers: { ...auth(), 'if-match': '"1"' },
      payload: {},
    });
    expect(accept.statusCode).toBe(200);
    const back = body(await get('/api/nodes/ks/neighbors?depth=1'));
    expect(back.edges.find((e: { id: string }) => e.id === LINK).properties.review).toMatchObject({ state: 'accepted' });
    expect(body(await get('/api/nodes/ks')).degree).toEqual(nodeBefore.degree);
  });

  it('answers from the new graph after a load, never from the kept answer of the old one', async () => {
    expect(body(await get('/api/nodes/ks')).name).toBe('KS');
    expect(edgeIds(await get('/api/nodes/ks/neighbors?depth=1'))).toContain(LINK);
    expect((await get('/api/nodes/ex-chatbot')).statusCode).toBe(200);

    const old = await fixtureDataset();
    const next: Dataset = {
      ...old,
      nodes: old.nodes.filter((n) => n.id !== 'ex-chatbot').map((n) => (n.id === 'ks' ? { ...n, name: 'KS (ny)' } : n)),
      relationships: old.relationships.filter((r) => r.from !== 'ex-chatbot' && r.to !== 'ex-chatbot'),
    };
    await t.store.replaceDataset(next);

    expect(body(await get('/api/nodes/ks')).name).toBe('KS (ny)');
    expect(edgeIds(await get('/api/nodes/ks/neighbors?depth=1'))).not.toContain(LINK);
    expect((await get('/api/nodes/ex-chatbot')).statusCode).toBe(404);
    expect((await get('/api/nodes/ex-chatbot/neighbors?depth=1')).statusCode).toBe(404);
  });

  it.each([
    ['finnes-ikke', 'no node with id "finnes-ikke"'],
    ["' OR 1=1 --", `no node with id "' OR 1=1 --"`],
    ['ks\u0000', 'no node with id "ks\\u0000"'],
    ['KS', 'no node with id "KS"'],
  ])('answers the unknown or hostile id %j with the same 404 every time and keeps nothing', async (id, message) => {
    expect((await get('/api/nodes/ks')).statusCode).toBe(200);
    const entries = kept();
    for (const url of [`/api/nodes/${encodeURIComponent(id)}`, `/api/nodes/${encodeURIComponent(id)}/neighbors?depth=1`]) {
      for (let i = 0; i < 2; i++) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(404);
        expect(body(res).error).toEqual({ code: 'not_found', message });
      }
    }
    expect(kept()).toBe(entries);
  });

  it.each([
    '/api/nodes/ks?includeRejected=maybe',
    '/api/nodes/ks?asOf=1800',
    '/api/nodes/ks?asOf=abc',
    '/api/nodes/ks?unknown=1',
    '/api/nodes/ks/neighbors?depth=0',
    '/api/nodes/ks/neighbors?depth=1&limit=99999',
    '/api/nodes/ks/neighbors?depth=1&kinds=NoSuchKind',
    '/api/nodes/ks/neighbors?depth=1&depth=2',
    '/api/nodes/%E0%A4%A',
    `/api/nodes/${'x'.repeat(500)}`,
    `/api/nodes/${'x'.repeat(500)}/neighbors?depth=1`,
  ])('answers %s with the 400 it got before, after the same node was kept', async (url) => {
    expect((await get('/api/nodes/ks')).statusCode).toBe(200);
    expect((await get('/api/nodes/ks/neighbors?depth=1')).statusCode).toBe(200);
    const entries = kept();
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(body(res).error.code).toBe('invalid_request');
    expect(kept()).toBe(entries);
  });

  it('keeps a depth-1 neighbourhood per filter: kinds, types and limit each answer for themselves', async () => {
    const all = body(await get('/api/nodes/ks/neighbors?depth=1'));
    const capped = body(await get('/api/nodes/ks/neighbors?depth=1&limit=2'));
    expect(capped.nodes).toHaveLength(2);
    expect(all.nodes.length).toBeGreaterThan(2);
    const examples = body(await get('/api/nodes/ks/neighbors?depth=1&kinds=Example'));
    expect(examples.nodes.map((n: { kind: string }) => n.kind).sort()).toEqual(['Agency', 'Example']);
    // Asked again, in the other order, each is still its own answer.
    expect(body(await get('/api/nodes/ks/neighbors?depth=1&kinds=Example'))).toEqual(examples);
    expect(body(await get('/api/nodes/ks/neighbors?depth=1&limit=2'))).toEqual(capped);
    expect(body(await get('/api/nodes/ks/neighbors?depth=1'))).toEqual(all);
  });
});

describe('kept answers on the years fixture', () => {
  beforeEach(async () => {
    const loaded = await loadDatasetDir('test/fixtures/years');
    if (!loaded.ok) throw new Error('test/fixtures/years is invalid');
    const store = new LadybugStore({ path: ':memory:' });
    await store.replaceDataset(loaded.dataset);
    t = await build({ store });
  });

  it('answers each year for itself: a node kept for the latest year is still a 404 before it appears', async () => {
    expect((await get('/api/nodes/kld')).statusCode).toBe(200);
    expect((await get('/api/nodes/kld/neighbors?depth=1')).statusCode).toBe(200);
    expect((await get('/api/nodes/kld?asOf=2020')).statusCode).toBe(404);
    expect((await get('/api/nodes/kld/neighbors?depth=1&asOf=2020')).statusCode).toBe(404);
    expect((await get('/api/nodes/kld?asOf=2022')).statusCode).toBe(200);
  });

  it('answers each year with its own degree, whichever year was asked first', async () => {
    const latest = body(await get('/api/nodes/fa-data'));
    const in2020 = body(await get('/api/nodes/fa-data?asOf=2020'));
    expect(in2020.degree).toEqual({ PART_OF: { out: 1, in: 1 }, RESPONSIBLE_FOR: { out: 0, in: 1 } });
    expect(latest.degree).toEqual({ PART_OF: { out: 1, in: 2 }, RESPONSIBLE_FOR: { out: 0, in: 1 } });
    expect(body(await get('/api/nodes/fa-data')).degree).toEqual(latest.degree);
    expect(body(await get('/api/nodes/fa-data?asOf=2020')).degree).toEqual(in2020.degree);
    const neighbours2020 = body(await get('/api/nodes/fa-data/neighbors?depth=1&asOf=2020'));
    const neighboursLatest = body(await get('/api/nodes/fa-data/neighbors?depth=1'));
    expect(neighbours2020.edges.length).toBeLessThan(neighboursLatest.edges.length);
  });
});
