import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, build, type TestApp } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await build();
});
afterAll(() => t.close());

const paths = (query: Record<string, string>) => t.app.inject({ url: '/api/paths', query });
const chain = (p: { nodes: { id: string }[] }) => p.nodes.map((n) => n.id);

describe('GET /api/paths', () => {
  it('returns the shortest paths as ordered nodes and edges, ignoring direction', async () => {
    const res = await paths({ from: 'digdir', to: 'strategi' });
    expect(res.statusCode).toBe(200);
    const { paths: found } = body(res);
    expect(found.map(chain)).toEqual([['digdir', 'init-stimulab', 'fa-tjenester', 'handlingsplan', 'strategi']]);
    const [p] = found;
    expect(p.edges.map((e: { id: string }) => e.id)).toEqual([
      'digdir:LEADS:init-stimulab',
      'init-stimulab:PART_OF:fa-tjenester',
      'fa-tjenester:PART_OF:handlingsplan',
      'handlingsplan:OPERATIONALISES:strategi',
    ]);
    // edges[i] joins nodes[i] and nodes[i+1]
    p.edges.forEach((e: { from: string; to: string }, i: number) => {
      expect([e.from, e.to].sort()).toEqual([p.nodes[i].id, p.nodes[i + 1].id].sort());
    });
  });

  it('follows direction only with directed=true', async () => {
    const undirected = body(await paths({ from: 'strategi', to: 'digdir' }));
    expect(undirected.paths).toHaveLength(1);
    const directed = body(await paths({ from: 'strategi', to: 'digdir', directed: 'true' }));
    expect(directed.paths).toEqual([]);
    const forward = body(await paths({ from: 'digdir', to: 'strategi', directed: 'true' }));
    expect(forward.paths).toHaveLength(1);
  });

  it('gives no paths when maxLength is too short', async () => {
    expect(body(await paths({ from: 'digdir', to: 'strategi', maxLength: '3' })).paths).toEqual([]);
  });

  it('lists every shortest path up to limit', async () => {
    // init-stimulab and init-ki both hang off fa-tjenester: two-hop paths between them exist through it only.
    const all = body(await paths({ from: 'ks', to: 'fa-tjenester' })).paths;
    expect(all.map(chain)).toEqual([['ks', 'init-stimulab', 'fa-tjenester']]);
    const limited = body(await paths({ from: 'digdir', to: 'kmd', limit: '1' })).paths;
    expect(limited.length).toBeLessThanOrEqual(1);
  });

  it('answers unknown endpoints with a 404 that says which', async () => {
    const from = await paths({ from: 'nobody', to: 'digdir' });
    expect(from.statusCode).toBe(404);
    expect(body(from).error).toEqual({ code: 'not_found', message: 'no node with from "nobody"' });
    const to = await paths({ from: 'digdir', to: "' OR 1=1 --" });
    expect(to.statusCode).toBe(404);
    expect(body(to).error.message).toContain('to');
  });

  it.each([
    [{ to: 'digdir' }, 'from', 'is required'],
    [{ from: 'digdir' }, 'to', 'is required'],
    [{ from: 'digdir', to: 'digdir' }, 'to', 'must differ from from'],
    [{ from: 'digdir', to: 'strategi', maxLength: '7' }, 'maxLength', 'must be at most 6'],
    [{ from: 'digdir', to: 'strategi', maxLength: '0' }, 'maxLength', 'must be at least 1'],
    [{ from: 'digdir', to: 'strategi', directed: 'maybe' }, 'directed', 'must be "true" or "false"'],
    [{ from: 'digdir', to: 'strategi', limit: '51' }, 'limit', 'must be at most 50'],
    [{ from: '', to: 'strategi' }, 'from', 'must not be empty'],
  ])('refuses %j with a 400 naming %s', async (query, field, message) => {
    const res = await paths(query as Record<string, string>);
    expect(res.statusCode).toBe(400);
    expect(body(res).error.details).toContainEqual({ field, in: 'querystring', message });
  });
});
