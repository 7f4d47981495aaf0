// The compiled response serialisers (server/serialize.ts): they write what the schema names and nothing else, without
// validating, so these tests prove that what they send is what the graph holds and what zod would have sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { Neighborhood, NodeDetail } from '../../graph/schema/graph.js';
import { buildApp } from '../../server/app.js';
import { graphForYear } from '../../server/routes/years.js';
import { compileSerializer, firstDifference, ResponseMismatchError, serializerFallbacks, verifiedSerializer } from '../../server/serialize.js';
import { body } from './helpers.js';

/** As it goes over the wire: what JSON keeps of a value. */
const wire = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('on the seed graph, with the compiled serialisers alone (as in production)', () => {
  let store: LadybugStore;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let ids: string[];
  beforeAll(async () => {
    const seeds = await loadDatasetDir('seeds');
    if (!seeds.ok) throw new Error('the seeds are invalid');
    ids = seeds.dataset.nodes.map((n) => n.id);
    store = new LadybugStore({ path: ':memory:' });
    await store.replaceDataset(seeds.dataset);
    app = await buildApp({ store, webRoot: null, verifyResponses: false });
    await app.ready();
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  // Against what the graph holds, not against the schema: a property the stores give that the schema lacks (and the
  // serialiser would silently leave out), or a value written in another shape, fails here.
  it('sends every node exactly as the graph of the year holds it: GET /api/nodes/:id', async () => {
    const graph = await graphForYear(store, undefined, { includeRejected: false });
    expect(ids.length).toBeGreaterThan(100);
    for (const id of ids) {
      const res = await app.inject({ url: `/api/nodes/${encodeURIComponent(id)}` });
      const held = await graph.reader.getNode(id);
      if (!held) {
        expect(res.statusCode, id).toBe(404);
        continue;
      }
      expect(res.statusCode, id).toBe(200);
      expect(firstDifference(body(res), wire(held)), id).toBeNull();
      // And it is what the OpenAPI schema says: zod accepts it as it is, with nothing to strip.
      expect(wire(NodeDetail.parse(body(res))), id).toEqual(body(res));
    }
  });

  it('sends every depth-1 neighbourhood exactly as the graph of the year holds it: GET /api/nodes/:id/neighbors', async () => {
    const graph = await graphForYear(store, undefined, { includeRejected: false });
    let withEdges = 0;
    for (const id of ids) {
      const res = await app.inject({ url: `/api/nodes/${encodeURIComponent(id)}/neighbors?depth=1` });
      const held = await graph.reader.neighbors(id, { depth: 1, limit: 200 });
      if (held.nodes.length === 0) {
        expect(res.statusCode, id).toBe(404);
        continue;
      }
      expect(res.statusCode, id).toBe(200);
      expect(firstDifference(body(res), wire(held)), id).toBeNull();
      expect(wire(Neighborhood.parse(body(res))), id).toEqual(body(res));
      if (held.edges.length > 0) withEdges++;
    }
    expect(withEdges).toBeGreaterThan(100);
  });

  it('compiled a serialiser for every response of every route: none falls back to zod', () => {
    expect(serializerFallbacks()).toEqual([]);
  });
});

describe('the check against zod (verify mode, as the tests and the fuzzer run)', () => {
  const Shape = z.object({ id: z.string(), tags: z.array(z.string()).optional(), count: z.number().int() });

  it('refuses a serialiser that drops a property, naming it', () => {
    const dropsTags = (data: unknown) => JSON.stringify({ ...(data as object), tags: undefined });
    const check = verifiedSerializer(Shape, dropsTags, 'GET /x (200)');
    expect(() => check({ id: 'a', tags: ['t'], count: 1 })).toThrow(ResponseMismatchError);
    expect(() => check({ id: 'a', tags: ['t'], count: 1 })).toThrow(/GET \/x \(200\).*\$\.tags is missing/);
  });

  it('refuses a response zod refuses, which the compiled serialiser alone would coerce', () => {
    const compiled = compileSerializer(Shape)!;
    // fast-json-stringify truncates a fraction where the schema says integer; zod refuses it.
    expect(compiled({ id: 'a', count: 1.5 })).toBe('{"id":"a","count":1}');
    expect(() => verifiedSerializer(Shape, compiled, 'GET /x (200)')({ id: 'a', count: 1.5 })).toThrow();
  });

  it('accepts the same JSON in another key order', () => {
    const reordered = (data: unknown) => {
      const { count, id } = data as { id: string; count: number };
      return JSON.stringify({ count, id });
    };
    expect(verifiedSerializer(Shape, reordered, 'GET /x (200)')({ id: 'a', count: 2 })).toBe('{"count":2,"id":"a"}');
  });

  it('writes every kind of node property value as JSON does, arrays of strings included', () => {
    const node = {
      id: 'n',
      kind: 'Initiative',
      name: 'N',
      properties: { text: 'x', number: 1.25, whole: 3, yes: false, none: null, list: ['a', 'b'], empty: [] },
      degree: { LEADS: { out: 1, in: 0 } },
    };
    expect(compileSerializer(NodeDetail)!(node)).toBe(JSON.stringify(node));
  });

  it('leaves out a property the schema does not name, as zod does: which is why the seed tests compare with the graph', () => {
    const extra = { id: 'n', kind: 'Initiative', name: 'N', properties: {}, degree: {}, secret: 'not in the schema' };
    expect(JSON.parse(compileSerializer(NodeDetail)!(extra))).toEqual(z.encode(NodeDetail, extra as never));
    expect(firstDifference(JSON.parse(compileSerializer(NodeDetail)!(extra)), extra)).toMatch(/\$\.secret is missing/);
  });
});
