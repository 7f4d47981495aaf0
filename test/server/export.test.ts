import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDataset } from '../../graph/dataset/validate.js';
import { body, build, fixtureDataset, type TestApp } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await build();
});
afterAll(() => t.close());

const exportGraph = (query: Record<string, string>) => t.app.inject({ url: '/api/export', query });

describe('GET /api/export', () => {
  it('downloads the whole graph as JSON in the dataset format by default', async () => {
    const res = await exportGraph({});
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="strategigraf.json"');
    const exported = body(res);
    const fixture = await fixtureDataset();
    expect(exported.dataset).toEqual(fixture.dataset);
    expect(exported.nodes).toHaveLength(fixture.nodes.length);
    expect(exported.relationships).toHaveLength(fixture.relationships.length);
    // The file validates as a seed again.
    const again = validateDataset([{ name: 'export.json', text: res.body }]);
    expect(again.ok).toBe(true);
  });

  it.each([
    ['graphml', /^application\/graphml\+xml/, 'strategigraf.graphml', /<graphml/],
    ['csv', /^text\/csv/, 'strategigraf.csv', /id/],
    ['cypher', /^text\/plain/, 'strategigraf.cypher', /CREATE/],
    ['json', /^application\/json/, 'strategigraf.json', /"nodes"/],
  ])('downloads format=%s', async (format, type, filename, content) => {
    const res = await exportGraph({ format });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(type);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${filename}"`);
    expect(res.body).toMatch(content);
    expect(res.body).toContain('digdir');
  });

  it('exports only the neighbourhood of focus, with the dataset header', async () => {
    const res = await exportGraph({ focus: 'digdir', depth: '1' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="strategigraf-digdir-depth1.json"');
    const exported = body(res);
    expect(exported.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['digdir', 'init-stimulab']);
    expect(exported.relationships).toEqual([expect.objectContaining({ type: 'LEADS', from: 'digdir', to: 'init-stimulab' })]);
    expect(exported.dataset.name).toBe('Strategigraf test fixture');
    expect(exported.references.map((r: { id: string }) => r.id)).toEqual(['ref-sdg']);
    const deeper = body(await exportGraph({ focus: 'digdir', depth: '2' }));
    expect(deeper.nodes.length).toBeGreaterThan(2);
  });

  it('answers an unknown focus with a 404', async () => {
    const res = await exportGraph({ focus: 'nobody' });
    expect(res.statusCode).toBe(404);
    expect(body(res).error).toEqual({ code: 'not_found', message: 'no node with focus "nobody"' });
  });

  it.each([
    [{ format: 'xml' }, 'format', 'must be one of json, graphml, csv, cypher (got "xml")'],
    [{ depth: '2' }, 'depth', 'is only allowed together with focus'],
    [{ focus: 'digdir', depth: '4' }, 'depth', 'must be at most 3'],
    [{ focus: 'digdir', depth: 'deep' }, 'depth', 'must be a whole number'],
    [{ focus: 'digdir', depth: '' }, 'depth', 'is empty: give a whole number or leave the parameter out'],
  ])('refuses %j with a 400 naming %s', async (query, field, message) => {
    const res = await exportGraph(query as Record<string, string>);
    expect(res.statusCode).toBe(400);
    expect(body(res).error.details).toContainEqual({ field, in: 'querystring', message });
  });
});
