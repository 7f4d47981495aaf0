// asOf on the read routes that return nodes: node detail, search, neighbours, paths, named queries and exports, on a real
// embedded store. The years fixture (sources of 2020–2022) has an agency first attested in 2022 (kld), a responsibility
// the 2022 report ends (kmd → fa-data) and a participation that holds in 2021 only (ks → init-felles); the gap fixture
// (2020–2021) has no ended link, so its latest year is answered by the store's own reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { validateDataset } from '../../graph/dataset/validate.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import { ADMIN_TOKEN, auth, body, build, type TestApp } from './helpers.js';

async function dataset(dir: string): Promise<Dataset> {
  const loaded = await loadDatasetDir(dir);
  if (!loaded.ok) throw new Error(`${dir} is invalid`);
  return loaded.dataset;
}

async function app(dir: string): Promise<TestApp> {
  const store = new LadybugStore({ path: ':memory:' });
  await store.replaceDataset(await dataset(dir));
  return build({ store, adminToken: ADMIN_TOKEN });
}

const ids = (items: { id: string }[]) => items.map((n) => n.id).sort();

describe('asOf on the years fixture (2020–2022, an ended link, a node first attested in 2022)', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await app('test/fixtures/years');
  });
  afterAll(async () => {
    await sut?.close();
  });
  const get = (url: string) => sut.app.inject({ method: 'GET', url });

  describe('GET /api/nodes/:id', () => {
    it('is a 404 that says when the node first appears, as of a year before it; a 200 from that year on', async () => {
      const before = await get('/api/nodes/kld?asOf=2020');
      expect(before.statusCode).toBe(404);
      expect(body(before).error).toEqual({ code: 'not_found', message: 'no source of 2020 or earlier attests "kld"; it first appears in 2022' });
      expect(body(await get('/api/nodes/kld?asOf=2021')).error.message).toBe('no source of 2021 or earlier attests "kld"; it first appears in 2022');
      expect((await get('/api/nodes/kld?asOf=2022')).statusCode).toBe(200);
      expect(body(await get('/api/nodes/kld')).id).toBe('kld');
      // A node no year has is the plain 404.
      expect(body(await get('/api/nodes/finnes-ikke?asOf=2020')).error.message).toBe('no node with id "finnes-ikke"');
    });

    it('counts in the degree only the links that held in the year', async () => {
      const degree = async (url: string) => body(await get(url)).degree;
      expect(await degree('/api/nodes/fa-data?asOf=2020')).toEqual({ PART_OF: { out: 1, in: 1 }, RESPONSIBLE_FOR: { out: 0, in: 1 } });
      expect(await degree('/api/nodes/fa-data?asOf=2021')).toEqual({ PART_OF: { out: 1, in: 2 }, RESPONSIBLE_FOR: { out: 0, in: 1 } });
      // kmd's responsibility ended in 2022 and kld's began: still one, the other one.
      expect(await degree('/api/nodes/fa-data?asOf=2022')).toEqual({ PART_OF: { out: 1, in: 2 }, RESPONSIBLE_FOR: { out: 0, in: 1 } });
      expect(await degree('/api/nodes/kmd?asOf=2021')).toEqual({ RESPONSIBLE_FOR: { out: 1, in: 0 } });
      expect(await degree('/api/nodes/kmd?asOf=2022')).toEqual({});
    });

    it('answers by default as of the latest year, which leaves out the link ended by then', async () => {
      expect(body(await get('/api/nodes/kmd'))).toEqual(body(await get('/api/nodes/kmd?asOf=2022')));
      expect(body(await get('/api/nodes/kmd')).degree).toEqual({});
    });
  });

  describe('GET /api/nodes', () => {
    it('does not find a node as of a year before its source', async () => {
      const search = async (url: string) => body(await get(url));
      // Nor does it offer it as a near name: the suggestions are of the year's graph too.
      for (const year of [2020, 2021]) {
        const found = await search(`/api/nodes?q=klima&asOf=${year}`);
        expect(found).toMatchObject({ items: [], total: 0 });
        expect(ids(found.suggestions)).not.toContain('kld');
      }
      expect(ids((await search('/api/nodes?q=klima&asOf=2022')).items)).toEqual(['kld']);
      expect(ids((await search('/api/nodes?q=klima')).items)).toEqual(['kld']);
    });

    it('lists and counts the nodes of the year', async () => {
      const agencies = async (query: string) => body(await get(`/api/nodes?kind=Agency${query}`));
      expect((await agencies('&asOf=2020')).total).toBe(3);
      expect((await agencies('&asOf=2022')).total).toBe(4);
      expect(await agencies('')).toEqual(await agencies('&asOf=2022'));
      expect((await search2021Initiatives()).sort()).toEqual(['init-data', 'init-eti', 'init-felles']);
      expect(ids(body(await get('/api/nodes?kind=Initiative&asOf=2020')).items)).toEqual(['init-data', 'init-felles']);
    });
    const search2021Initiatives = async () => ids(body(await get('/api/nodes?kind=Initiative&asOf=2021')).items);
  });

  describe('GET /api/nodes/:id/neighbors', () => {
    it('loses a link in the year a later source ended it, and shows it without endedBy before', async () => {
      const in2021 = body(await get('/api/nodes/kmd/neighbors?asOf=2021'));
      expect(ids(in2021.nodes)).toEqual(['fa-data', 'kmd']);
      // What the 2022 report says was not known in 2021.
      expect(in2021.edges).toEqual([expect.objectContaining({ id: 'kmd:RESPONSIBLE_FOR:fa-data', properties: expect.objectContaining({ endedBy: null }) })]);
      const in2022 = body(await get('/api/nodes/kmd/neighbors?asOf=2022'));
      expect(in2022).toEqual({ nodes: [expect.objectContaining({ id: 'kmd' })], edges: [], truncated: false });
      expect(body(await get('/api/nodes/kmd/neighbors'))).toEqual(in2022);
    });

    it('reaches only the nodes of the year', async () => {
      const around = async (year: number) => ids(body(await get(`/api/nodes/fa-data/neighbors?asOf=${year}`)).nodes);
      expect(await around(2020)).toEqual(['fa-data', 'init-data', 'kmd', 'plan']);
      expect(await around(2021)).toEqual(['fa-data', 'init-data', 'init-eti', 'kmd', 'plan']);
      expect(await around(2022)).toEqual(['fa-data', 'init-data', 'init-eti', 'kld', 'plan']);
    });

    it('is a 404 that says when a later start node first appears', async () => {
      const res = await get('/api/nodes/init-eti/neighbors?asOf=2020');
      expect(res.statusCode).toBe(404);
      expect(body(res).error.message).toBe('no source of 2020 or earlier attests "init-eti"; it first appears in 2021');
    });
  });

  describe('GET /api/paths', () => {
    it('finds a path that exists in one year only', async () => {
      const paths = async (query: string) => body(await get(`/api/paths?from=ks&to=init-felles${query}`)).paths;
      expect(await paths('&asOf=2020')).toEqual([]);
      const in2021 = await paths('&asOf=2021');
      expect(in2021.map((p: any) => p.edges.map((e: any) => e.id))).toEqual([['ks:PARTICIPATES_IN:init-felles']]);
      expect(await paths('&asOf=2022')).toEqual([]);
      expect(await paths('')).toEqual([]);
    });

    it('goes the way that held in the year', async () => {
      const route = async (year: number) =>
        body(await get(`/api/paths?from=kmd&to=init-data&asOf=${year}`)).paths.map((p: any) => p.nodes.map((n: any) => n.id));
      expect(await route(2021)).toEqual([['kmd', 'fa-data', 'init-data']]);
      expect(await route(2022)).toEqual([]);
    });

    it('is a 404 naming the end that did not yet exist', async () => {
      const res = await get('/api/paths?from=digdir&to=kld&asOf=2021');
      expect(res.statusCode).toBe(404);
      expect(body(res).error.message).toBe('no source of 2021 or earlier attests to "kld"; it first appears in 2022');
      expect((await get('/api/paths?from=digdir&to=kld&asOf=2022')).statusCode).toBe(200);
    });
  });

  describe('GET /api/queries/:name', () => {
    it('answers with the nodes and links of the year', async () => {
      const rows = async (url: string) => body(await get(url)).rows;
      expect((await rows('/api/queries/initiatives-of-focus-area?id=fa-data&asOf=2020')).map((r: any) => r.initiative)).toEqual(['init-data']);
      expect((await rows('/api/queries/initiatives-of-focus-area?id=fa-data&asOf=2021')).map((r: any) => r.initiative)).toEqual(['init-data', 'init-eti']);
      expect(await rows('/api/queries/agencies-of-initiative?id=init-felles&asOf=2021')).toEqual([{ agency: 'ks', name: 'KS', role: 'PARTICIPATES_IN' }]);
      expect(await rows('/api/queries/agencies-of-initiative?id=init-felles&asOf=2022')).toEqual([]);
      expect(await rows('/api/queries/agencies-of-initiative?id=init-felles')).toEqual([]);
      expect(await rows('/api/queries/dependencies?id=init-eti&asOf=2021')).toEqual([
        { initiative: 'init-data', name: 'Ressurssenter for deling av data', status: 'in_progress', distance: 1 },
      ]);
    });

    it('is a 404 that says when the node first appears', async () => {
      const res = await get('/api/queries/dependencies?id=init-eti&asOf=2020');
      expect(res.statusCode).toBe(404);
      expect(body(res).error.message).toBe('no source of 2020 or earlier attests "init-eti"; it first appears in 2021');
    });
  });

  describe('GET /api/export', () => {
    it('exports the graph of a year, which loads again as a dataset', async () => {
      const res = await get('/api/export?asOf=2021');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toBe('attachment; filename="strategigraf-2021.json"');
      const exported = body(res);
      expect(exported.nodes.map((n: any) => n.id)).not.toContain('kld');
      expect(exported.nodes.map((n: any) => n.id)).not.toContain('rapport-2022');
      const ended = exported.relationships.find((r: any) => r.from === 'kmd' && r.to === 'fa-data');
      expect(ended).toBeDefined();
      expect(ended).not.toHaveProperty('endedBy');
      expect(validateDataset([{ name: 'export.json', text: res.body }]).ok).toBe(true);
    });

    it('exports by default the data as it is, every year, ended links with their endedBy', async () => {
      const exported = body(await get('/api/export'));
      const fixture = await dataset('test/fixtures/years');
      expect(exported.nodes).toHaveLength(fixture.nodes.length);
      expect(exported.relationships).toHaveLength(fixture.relationships.length);
      expect(exported.relationships.find((r: any) => r.from === 'kmd' && r.to === 'fa-data').endedBy).toBe('rapport-2022');
    });

    it('exports the neighbourhood of a focus as of a year, and refuses a focus the year does not know', async () => {
      const res = await get('/api/export?focus=kmd&asOf=2022');
      expect(res.headers['content-disposition']).toBe('attachment; filename="strategigraf-kmd-depth1-2022.json"');
      expect(body(res)).toMatchObject({ nodes: [expect.objectContaining({ id: 'kmd' })], relationships: [] });
      expect(body(await get('/api/export?focus=kmd&asOf=2021')).relationships).toHaveLength(1);
      const missing = await get('/api/export?focus=kld&asOf=2021');
      expect(missing.statusCode).toBe(404);
      expect(body(missing).error.message).toBe('no source of 2021 or earlier attests focus "kld"; it first appears in 2022');
    });
  });

  it.each([
    '/api/nodes?asOf=2019',
    '/api/nodes/kmd?asOf=2019',
    '/api/nodes/kmd/neighbors?asOf=2023',
    '/api/paths?from=kmd&to=digdir&asOf=2019',
    '/api/queries/work-of-agency?id=digdir&asOf=2023',
    '/api/export?asOf=2019',
  ])('%s is the same 400 as on the other routes, naming asOf', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    const error = body(res).error;
    expect(error.code).toBe('invalid_request');
    expect(error.details).toEqual([expect.objectContaining({ field: 'asOf', in: 'querystring' })]);
    expect(error.message).toMatch(/^asOf: no source in the data covers 20(19 or earlier|23) \(the data covers 2020–2022/);
  });

  it.each(['/api/nodes?asOf=abc', '/api/nodes/kmd?asOf=', '/api/nodes/kmd/neighbors?asOf=20.5', '/api/paths?from=kmd&to=digdir&asOf=x', '/api/export?asOf=-'])(
    '%s is a 400 naming asOf',
    async (url) => {
      const res = await get(url);
      expect(res.statusCode).toBe(400);
      expect(body(res).error.details.map((d: any) => d.field)).toEqual(['asOf']);
    },
  );

  it('answers from the new graph after PUT /api/dataset, never from a year view of the old one', async () => {
    const before = body(await get('/api/nodes/fa-data?asOf=2021')).degree;
    expect(before.PART_OF).toEqual({ out: 1, in: 2 });
    const fixture = await dataset('test/fixtures/years');
    const without: Dataset = {
      ...fixture,
      nodes: fixture.nodes.filter((n) => n.id !== 'init-eti' && n.id !== 'rec-eti'),
      relationships: fixture.relationships.filter((r) => ![r.from, r.to].some((id) => id === 'init-eti' || id === 'rec-eti')),
    };
    try {
      const put = await sut.app.inject({
        method: 'PUT',
        url: '/api/dataset',
        headers: { 'content-type': 'application/json', ...auth() },
        payload: JSON.stringify(without),
      });
      expect(put.statusCode).toBe(200);
      expect(body(await get('/api/nodes/fa-data?asOf=2021')).degree.PART_OF).toEqual({ out: 1, in: 1 });
      expect((await get('/api/nodes/init-eti?asOf=2021')).statusCode).toBe(404);
    } finally {
      await sut.store.replaceDataset(fixture);
    }
  });
});

describe('asOf on the gap fixture (2020–2021, no ended link)', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await app('test/fixtures/gaps');
  });
  afterAll(async () => {
    await sut?.close();
  });
  const get = (url: string) => sut.app.inject({ method: 'GET', url });

  it('GET /api/nodes/:id: a node of the 2021 report is a 404 as of 2020, a 200 as of 2021 and by default', async () => {
    const res = await get('/api/nodes/vurdering-tjenester-2021?asOf=2020');
    expect(res.statusCode).toBe(404);
    expect(body(res).error.message).toBe('no source of 2020 or earlier attests "vurdering-tjenester-2021"; it first appears in 2021');
    expect((await get('/api/nodes/vurdering-tjenester-2021?asOf=2021')).statusCode).toBe(200);
    expect((await get('/api/nodes/vurdering-tjenester-2021')).statusCode).toBe(200);
    expect(body(await get('/api/nodes/fa-tjenester?asOf=2020')).degree.HAS_STATUS).toEqual({ out: 1, in: 0 });
    expect(body(await get('/api/nodes/fa-tjenester')).degree.HAS_STATUS).toEqual({ out: 2, in: 0 });
  });

  it('the default is the latest year, answered alike by the store and by the graph of the year', async () => {
    for (const url of [
      '/api/nodes/init-data',
      '/api/nodes?q=2021',
      '/api/nodes/init-data/neighbors?depth=2',
      '/api/paths?from=digdir&to=rapport-2021',
      '/api/queries/initiatives-of-focus-area?id=fa-data',
    ]) {
      const byDefault = await get(url);
      expect(byDefault.statusCode, url).toBe(200);
      expect(body(byDefault), url).toEqual(body(await get(`${url}${url.includes('?') ? '&' : '?'}asOf=2021`)));
    }
  });

  it('GET /api/nodes: the 2021 records are not found as of 2020', async () => {
    expect(ids(body(await get('/api/nodes?q=2021&asOf=2021')).items)).toEqual(
      expect.arrayContaining(['rapport-2021', 'status-data-2021', 'vurdering-tjenester-2021']),
    );
    const in2020 = body(await get('/api/nodes?q=2021&asOf=2020'));
    expect(in2020).toMatchObject({ items: [], total: 0 });
    expect(ids(in2020.suggestions).filter((id) => id.endsWith('2021'))).toEqual([]);
  });

  it('GET /api/nodes/:id/neighbors: the 2021 status report is not a neighbour as of 2020', async () => {
    expect(ids(body(await get('/api/nodes/init-data/neighbors?types=HAS_STATUS&asOf=2020')).nodes)).toEqual(['init-data', 'status-data-2020']);
    expect(ids(body(await get('/api/nodes/init-data/neighbors?types=HAS_STATUS')).nodes)).toEqual(['init-data', 'status-data-2020', 'status-data-2021']);
  });

  it('GET /api/paths: a path through the 2021 report exists as of 2021, and its end is a 404 as of 2020', async () => {
    expect(body(await get('/api/paths?from=init-data&to=rapport-2021&asOf=2021')).paths).toHaveLength(1);
    const res = await get('/api/paths?from=init-data&to=rapport-2021&asOf=2020');
    expect(res.statusCode).toBe(404);
    expect(body(res).error.message).toBe('no source of 2020 or earlier attests to "rapport-2021"; it first appears in 2021');
  });

  it('GET /api/queries/:name and GET /api/export as of 2020', async () => {
    expect((await get('/api/queries/initiatives-of-focus-area?id=fa-data&asOf=2020')).statusCode).toBe(200);
    const exported = body(await get('/api/export?asOf=2020&format=json'));
    expect(exported.nodes.map((n: any) => n.id)).not.toContain('rapport-2021');
    expect(body(await get('/api/export')).nodes.map((n: any) => n.id)).toContain('rapport-2021');
  });
});
