// GET /api/overview on the fixture graph (far below the grouping threshold): the whole graph of the latest year, the
// filters applied as the neighbour route applies them, and the query refused where it is malformed. The grouping itself
// is tested on generated graphs in test/overview/aggregate.test.ts and in the browser in test/e2e/explore-scale.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, build, type TestApp } from './helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await build();
});
afterAll(() => t.close());

const overview = (query: Record<string, string> = {}) => t.app.inject({ url: '/api/overview', query });

describe('GET /api/overview', () => {
  it('answers a small graph whole: every node of the latest year, no groups, every relationship between them drawn', async () => {
    const res = await overview();
    expect(res.statusCode).toBe(200);
    const answer = body(res);
    const listed = body(await t.app.inject({ url: '/api/nodes', query: { limit: '1' } }));
    expect(answer.nodeTotal).toBe(listed.total);
    expect(answer.nodes).toHaveLength(listed.total);
    expect(answer.groups).toEqual([]);
    expect(answer.links).toEqual([]);
    expect(answer.edges.length).toBe(answer.edgeTotal);
    const ids = new Set(answer.nodes.map((n: { id: string }) => n.id));
    for (const e of answer.edges) expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
  });

  it('keeps only the kinds, types and basis asked for', async () => {
    const answer = body(await overview({ kinds: 'FocusArea,Initiative', types: 'PART_OF', basis: 'stated' }));
    expect(answer.nodes.length).toBeGreaterThan(0);
    expect(new Set(answer.nodes.map((n: { kind: string }) => n.kind))).toEqual(new Set(['FocusArea', 'Initiative']));
    for (const e of answer.edges) {
      expect(e.type).toBe('PART_OF');
      expect(e.properties.basis).toBe('stated');
    }
  });

  it('refuses an unknown kind with a 400 that names the known ones', async () => {
    const res = await overview({ kinds: 'Planet' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('FocusArea');
  });
});
