import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, build, type TestApp } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await build();
});
afterAll(() => t.close());

const get = (url: string, query?: Record<string, string | string[]>) => t.app.inject({ method: 'GET', url, ...(query ? { query } : {}) });
const ids = (items: { id: string }[]) => items.map((n) => n.id);

describe('GET /api/nodes', () => {
  it('lists nodes with a total, paged by limit and offset', async () => {
    const all = body(await get('/api/nodes', { limit: '500' }));
    expect(all.total).toBe(23);
    expect(all.items).toHaveLength(23);
    const page = body(await get('/api/nodes', { limit: '5', offset: '5' }));
    expect(page.total).toBe(23);
    expect(ids(page.items)).toEqual(ids(all.items).slice(5, 10));
  });

  it('serves nodes as {id, kind, name, nameEn?, properties}', async () => {
    const { items } = body(await get('/api/nodes', { kind: 'Strategy' }));
    expect(items).toEqual([
      {
        id: 'strategi',
        kind: 'Strategy',
        name: 'Én digital offentlig sektor',
        nameEn: 'One digital public sector',
        properties: { source: 'rapport-2020', startYear: 2019, endYear: 2025 },
      },
    ]);
  });

  it('filters by kind', async () => {
    const res = body(await get('/api/nodes', { kind: 'Agency' }));
    expect(res.total).toBe(3);
    expect(ids(res.items).sort()).toEqual(['digdir', 'kmd', 'ks']);
  });

  it('searches case- and accent-insensitively on names, English names and ids', async () => {
    expect(ids(body(await get('/api/nodes', { q: 'OKT DIGITAL' })).items)).toEqual(['fa-kompetanse']);
    expect(ids(body(await get('/api/nodes', { q: 'økt' })).items)).toEqual(['fa-kompetanse']);
    expect(ids(body(await get('/api/nodes', { q: 'quality education' })).items)).toEqual(['sdg-4']);
    expect(ids(body(await get('/api/nodes', { q: 'init-stimulab' })).items)).toEqual(['init-stimulab']);
  });

  it('ranks exact matches before prefix matches before other matches', async () => {
    const res = body(await get('/api/nodes', { q: 'ks' }));
    expect(res.items[0].id).toBe('ks');
    const strategy = body(await get('/api/nodes', { q: 'strategi' }));
    expect(ids(strategy.items)[0]).toBe('strategi');
    expect(ids(strategy.items)).toContain('init-kompetansestrategi');
  });

  it('offers the nearest names when nothing matches: typos, a missing accent, a dropped word', async () => {
    const typo = body(await get('/api/nodes', { q: 'Digitaliseringsdirektorat' + 'te' }));
    expect(typo.total).toBe(0);
    expect(ids(typo.suggestions)[0]).toBe('digdir');
    expect(ids(body(await get('/api/nodes', { q: 'Alvorlig syk barn' })).suggestions)[0]).toBe('le-alvorlig-sykt-barn');
    expect(ids(body(await get('/api/nodes', { q: 'stimullab' })).suggestions)).toContain('init-stimulab');
    // Only of the kind asked for, and none at all for what resembles nothing.
    expect(ids(body(await get('/api/nodes', { q: 'stimullab', kind: 'Agency' })).suggestions)).toEqual([]);
    expect(body(await get('/api/nodes', { q: 'zzqqxxj' })).suggestions).toEqual([]);
    // A search that found something does not carry suggestions.
    expect(body(await get('/api/nodes', { q: 'ks' }))).not.toHaveProperty('suggestions');
  });

  it('combines q with kind', async () => {
    const res = body(await get('/api/nodes', { q: 'digital', kind: 'FocusArea' }));
    expect(ids(res.items)).toEqual(['fa-kompetanse']);
  });

  it.each([["' OR 1=1 --"], ['") RETURN n //'], ['\u0000'], ['x\u0000y'], ["'}) MATCH (n) DETACH DELETE n //"], ['%'], ['.*'], ['\\']])(
    'treats %j in q as plain text',
    async (q) => {
      const res = await get('/api/nodes', { q });
      expect(res.statusCode).toBe(200);
      expect(body(res)).toMatchObject({ items: [], total: 0 });
    },
  );

  it('leaves the graph intact after injection attempts', async () => {
    await get('/api/nodes', { q: "'}) MATCH (n) DETACH DELETE n //" });
    expect(body(await get('/api/health')).nodes).toBe(23);
  });

  it.each([
    ['limit=0', 'limit', 'must be at least 1'],
    ['limit=501', 'limit', 'must be at most 500'],
    ['limit=abc', 'limit', 'must be a whole number'],
    ['limit=2.5', 'limit', 'must be a whole number'],
    ['offset=-1', 'offset', 'must be at least 0'],
    // An empty or non-decimal number is refused, never read as 0 (z.coerce.number would) or as hex/exponent.
    ['offset=', 'offset', 'is empty: give a whole number or leave the parameter out'],
    ['limit=', 'limit', 'is empty: give a whole number or leave the parameter out'],
    ['limit=%20', 'limit', 'is empty'],
    ['limit=1e2', 'limit', 'must be a whole number'],
    ['offset=0x10', 'offset', 'must be a whole number'],
    ['kind=Person', 'kind', 'unknown node kind "Person"'],
    ['kind=agency', 'kind', 'unknown node kind "agency"'],
    [`q=${'x'.repeat(201)}`, 'q', 'must be at most 200 characters'],
    ['limt=5', 'limt', 'is not a known parameter'],
  ])('refuses %s with a 400 naming the field', async (query, field, message) => {
    const res = await get(`/api/nodes?${query}`);
    expect(res.statusCode).toBe(400);
    const { error } = body(res);
    expect(error.code).toBe('invalid_request');
    expect(error.details).toContainEqual({ field, in: 'querystring', message: expect.stringContaining(message) });
    expect(error.message).toContain(field);
  });
});

describe('GET /api/nodes/:id', () => {
  it('returns the node with its properties and degree per relationship type', async () => {
    const res = await get('/api/nodes/init-stimulab');
    expect(res.statusCode).toBe(200);
    expect(body(res)).toEqual({
      id: 'init-stimulab',
      kind: 'Initiative',
      name: 'StimuLab',
      properties: { source: 'rapport-2020', category: 'supporting', status: 'in_progress' },
      degree: {
        PART_OF: { out: 1, in: 0 },
        LEADS: { out: 0, in: 1 },
        PARTICIPATES_IN: { out: 0, in: 1 },
        SERVES: { out: 1, in: 0 },
        HAS_STATUS: { out: 1, in: 0 },
      },
    });
  });

  it('answers an unknown id with a 404 that names it', async () => {
    const res = await get('/api/nodes/no-such-node');
    expect(res.statusCode).toBe(404);
    expect(body(res)).toEqual({ error: { code: 'not_found', message: 'no node with id "no-such-node"' } });
  });

  it.each([["' OR 1=1 --"], ['") RETURN n //'], ['\u0000'], ["digdir' OR '1'='1"], ['*']])('answers the id %j with a plain 404', async (id) => {
    const res = await get(`/api/nodes/${encodeURIComponent(id)}`);
    expect(res.statusCode).toBe(404);
    expect(body(res).error.code).toBe('not_found');
  });

  it('refuses an overlong id with a 400', async () => {
    const res = await get(`/api/nodes/${'a'.repeat(201)}`);
    expect(res.statusCode).toBe(400);
    expect(body(res).error.details).toEqual([{ field: 'id', in: 'params', message: 'must be at most 200 characters' }]);
  });
});

describe('GET /api/nodes/:id/neighbors', () => {
  it('returns the one-hop neighbourhood by default, in both directions', async () => {
    const res = await get('/api/nodes/init-stimulab/neighbors');
    expect(res.statusCode).toBe(200);
    const sub = body(res);
    expect(ids(sub.nodes).sort()).toEqual(['digdir', 'fa-tjenester', 'init-stimulab', 'ks', 'le-alvorlig-sykt-barn', 'status-stimulab-2020']);
    expect(sub.edges).toHaveLength(5);
    expect(sub.edges.find((e: { id: string }) => e.id === 'digdir:LEADS:init-stimulab')).toEqual({
      id: 'digdir:LEADS:init-stimulab',
      type: 'LEADS',
      from: 'digdir',
      to: 'init-stimulab',
      properties: { source: 'rapport-2020', page: 7, quote: null, basis: 'stated', note: null, noteNb: null, endedBy: null },
    });
  });

  it('goes deeper with depth', async () => {
    const one = body(await get('/api/nodes/digdir/neighbors', { depth: '1' }));
    const three = body(await get('/api/nodes/digdir/neighbors', { depth: '3' }));
    expect(ids(one.nodes).sort()).toEqual(['digdir', 'init-stimulab']);
    expect(three.nodes.length).toBeGreaterThan(one.nodes.length);
    expect(ids(three.nodes)).toContain('handlingsplan');
  });

  it('filters by kinds and types, comma-separated or repeated', async () => {
    const byKinds = body(await get('/api/nodes/init-stimulab/neighbors', { kinds: 'Agency' }));
    expect(ids(byKinds.nodes).sort()).toEqual(['digdir', 'init-stimulab', 'ks']);
    const repeated = body(await get('/api/nodes/init-stimulab/neighbors', { kinds: ['Agency', 'LifeEvent'] }));
    expect(ids(repeated.nodes).sort()).toEqual(['digdir', 'init-stimulab', 'ks', 'le-alvorlig-sykt-barn']);
    const byTypes = body(await get('/api/nodes/init-stimulab/neighbors', { types: 'LEADS,SERVES' }));
    expect(byTypes.edges.map((e: { type: string }) => e.type).sort()).toEqual(['LEADS', 'SERVES']);
  });

  it('filters by basis', async () => {
    const inferred = body(await get('/api/nodes/ex-chatbot/neighbors', { basis: 'inferred' }));
    expect(inferred.edges.every((e: { properties: { basis: string } }) => e.properties.basis === 'inferred')).toBe(true);
    expect(ids(inferred.nodes).sort()).toEqual(['ex-chatbot', 'ks', 'sdg-9']);
  });

  it('caps the nodes with limit', async () => {
    const sub = body(await get('/api/nodes/init-stimulab/neighbors', { limit: '3' }));
    expect(sub.nodes).toHaveLength(3);
    expect(ids(sub.nodes)).toContain('init-stimulab');
    const kept = new Set(ids(sub.nodes));
    for (const e of sub.edges) expect(kept.has(e.from) && kept.has(e.to)).toBe(true);
  });

  it('answers an unknown node with a 404', async () => {
    const res = await get('/api/nodes/nobody/neighbors');
    expect(res.statusCode).toBe(404);
    expect(body(res).error).toEqual({ code: 'not_found', message: 'no node with id "nobody"' });
  });

  it.each([
    ['depth=0', 'depth', 'must be at least 1'],
    ['depth=4', 'depth', 'must be at most 3'],
    ['depth=two', 'depth', 'must be a whole number'],
    ['kinds=Agency,Person', 'kinds[1]', 'unknown node kind "Person"'],
    ['kinds=', 'kinds[0]', 'unknown node kind ""'],
    ['kinds=Agency&kinds=Person', 'kinds[1]', 'unknown node kind "Person"'],
    ['depth=', 'depth', 'is empty'],
    ['types=LEADS,KNOWS', 'types[1]', 'unknown relationship type "KNOWS"'],
    ['basis=guessed', 'basis', 'must be one of stated, inferred'],
    ['limit=0', 'limit', 'must be at least 1'],
  ])('refuses %s with a 400 naming the field', async (query, field, message) => {
    const res = await get(`/api/nodes/digdir/neighbors?${query}`);
    expect(res.statusCode).toBe(400);
    expect(body(res).error.details).toContainEqual({ field, in: 'querystring', message: expect.stringContaining(message) });
  });
});
