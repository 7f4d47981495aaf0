import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMED_QUERIES } from '../../graph/queries/named.js';
import { build, type TestApp } from './helpers.js';

describe('named relationship queries', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await build();
  });
  afterAll(async () => {
    await sut.close();
  });

  it('lists every named query with its titles and parameters', async () => {
    const res = await sut.app.inject({ method: 'GET', url: '/api/queries' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((q: { name: string }) => q.name)).toEqual(NAMED_QUERIES.map((q) => q.name));
    expect(body.items[0]).toEqual({
      name: 'agencies-of-initiative',
      title: {
        nb: 'Hvem leder, er ansvarlig departement for og deltar i initiativet?',
        en: 'Who leads, is the responsible ministry for and takes part in the initiative?',
      },
      params: ['id'],
    });
  });

  it('answers a named query for a node', async () => {
    const res = await sut.app.inject({ method: 'GET', url: '/api/queries/agencies-of-initiative?id=init-stimulab' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      name: 'agencies-of-initiative',
      rows: [
        { agency: 'digdir', name: 'Digitaliseringsdirektoratet', role: 'LEADS' },
        { agency: 'ks', name: 'KS', role: 'PARTICIPATES_IN' },
      ],
    });
  });

  it('gives [] rather than null for lists over nothing', async () => {
    const res = await sut.app.inject({ method: 'GET', url: '/api/queries/initiatives-of-focus-area?id=fa-kompetanse' });
    expect(res.json().rows).toEqual([
      { initiative: 'init-kompetansestrategi', name: 'Strategi for digital kompetanse', status: 'planned', leads: [], responsible: [] },
    ]);
  });

  it('404s an unknown query or node, naming the known queries', async () => {
    const unknownQuery = await sut.app.inject({ method: 'GET', url: '/api/queries/drop-all?id=ks' });
    expect(unknownQuery.statusCode).toBe(404);
    expect(unknownQuery.json().error.message).toContain('known: agencies-of-initiative');
    const unknownNode = await sut.app.inject({ method: 'GET', url: '/api/queries/dependencies?id=nobody' });
    expect(unknownNode.statusCode).toBe(404);
    expect(unknownNode.json().error).toMatchObject({ code: 'not_found', message: 'no node with id "nobody"' });
  });

  it('400s a missing or unexpected parameter, naming it', async () => {
    const missing = await sut.app.inject({ method: 'GET', url: '/api/queries/dependencies' });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json().error.details)).toContain('"field":"id"');
    const extra = await sut.app.inject({ method: 'GET', url: '/api/queries/dependencies?id=ks&evil=1' });
    expect(extra.statusCode).toBe(400);
  });

  it('reports truncated neighbourhoods', async () => {
    const capped = await sut.app.inject({ method: 'GET', url: '/api/nodes/init-stimulab/neighbors?depth=2&limit=3' });
    expect(capped.json()).toMatchObject({ truncated: true });
    expect(capped.json().nodes).toHaveLength(3);
    const whole = await sut.app.inject({ method: 'GET', url: '/api/nodes/init-stimulab/neighbors?depth=1' });
    expect(whole.json().truncated).toBe(false);
  });
});
