// Both stores, same dataset, same questions: every answer must match (order-normalised) across every node.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { Neo4jStore } from '../../graph/adapters/neo4j/store.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { NAMED_QUERIES } from '../../graph/queries/named.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import type { GraphPath, Subgraph } from '../../graph/schema/graph.js';
import type { GraphStore } from '../../graph/store/port.js';
import { neo4jTestConfig } from './neo4j-config.js';

const config = neo4jTestConfig();
// A sweep asks every node (368 in the seeds) every question on both stores: 6,600 queries for the named ones, 25 s
// on a quiet machine. Its speed is the benchmarks' concern; here it must only finish.
const SWEEP_TIMEOUT_MS = 300_000;
const DATASETS = ['test/fixtures/small', 'seeds'].filter((dir) => existsSync(dir));

const sortedSubgraph = (g: Subgraph) => ({
  nodes: [...g.nodes].sort((a, b) => a.id.localeCompare(b.id)),
  edges: [...g.edges].sort((a, b) => a.id.localeCompare(b.id)),
});
const pathKeys = (paths: GraphPath[]) => paths.map((p) => p.edges.map((e) => e.id).join(' | ')).sort();

describe.runIf(config).each(DATASETS)('embedded and Neo4j stores agree on %s', (dir) => {
  let dataset: Dataset;
  let embedded: GraphStore;
  let neo: GraphStore;

  beforeAll(async () => {
    const result = await loadDatasetDir(dir);
    if (!result.ok) throw new Error(`${dir} is not a valid dataset`);
    dataset = result.dataset;
    embedded = new LadybugStore({ path: ':memory:' });
    neo = new Neo4jStore({ ...config!, log: () => undefined });
    await Promise.all([embedded.open(), neo.open()]);
    await Promise.all([embedded.replaceDataset(dataset), neo.replaceDataset(dataset)]);
  });
  afterAll(async () => {
    await embedded?.close();
    await neo?.close();
  });

  // The two stores answer at once: they share nothing, and the sweeps below ask thousands of questions.
  const both = <T>(op: (s: GraphStore) => Promise<T>): Promise<[T, T]> => Promise.all([op(embedded), op(neo)]);

  it('counts and snapshots', async () => {
    const [a, b] = await both((s) => s.stats());
    expect(a.nodes).toEqual(b.nodes);
    expect(a.relationships).toEqual(b.relationships);
    const [sa, sb] = await both((s) => s.snapshot());
    expect(sa).toEqual(sb);
  });

  it(
    'every node, its degree and its neighbourhood to depth 2',
    async () => {
      for (const { id } of dataset.nodes) {
        const [a, b] = await both((s) => s.getNode(id));
        expect(a, id).toEqual(b);
        for (const depth of [1, 2]) {
          const [na, nb] = await both((s) => s.neighbors(id, { depth, limit: 500 }));
          expect(sortedSubgraph(na), `${id} depth ${depth}`).toEqual(sortedSubgraph(nb));
        }
      }
    },
    SWEEP_TIMEOUT_MS,
  );

  it('filtered neighbourhoods', async () => {
    for (const { id } of dataset.nodes.slice(0, 40)) {
      const [a, b] = await both((s) =>
        s.neighbors(id, {
          depth: 2,
          types: ['LEADS', 'PARTICIPATES_IN', 'PART_OF'],
          basis: 'stated',
          kinds: ['Agency', 'Initiative', 'FocusArea'],
          limit: 500,
        }),
      );
      expect(sortedSubgraph(a), id).toEqual(sortedSubgraph(b));
    }
  });

  it('search for every node name and a few fragments, ranked the same', async () => {
    const terms = [...dataset.nodes.slice(0, 60).map((n) => n.name), 'digital', 'okt', 'data', 'kommune', 'x'];
    for (const q of terms) {
      const [a, b] = await both((s) => s.searchNodes({ q, limit: 20, offset: 0 }));
      expect(a.total, q).toBe(b.total);
      expect(
        a.items.map((n) => n.id),
        q,
      ).toEqual(b.items.map((n) => n.id));
    }
  });

  it('shortest paths between pairs of nodes, both ways', async () => {
    const ids = dataset.nodes.map((n) => n.id);
    const pairs: [string, string][] = [];
    for (let i = 0; i < ids.length && pairs.length < 60; i += 3) pairs.push([ids[i]!, ids[(i * 7 + 5) % ids.length]!]);
    for (const [from, to] of pairs) {
      for (const directed of [false, true]) {
        const [a, b] = await both((s) => s.shortestPaths(from, to, { maxLength: 4, directed, limit: 50 }));
        expect(pathKeys(a), `${from} → ${to} directed=${directed}`).toEqual(pathKeys(b));
      }
    }
  });

  it(
    'every named query for every node',
    async () => {
      for (const query of NAMED_QUERIES) {
        for (const { id } of dataset.nodes) {
          const [a, b] = await both((s) => s.runNamed(query.name, { id }));
          expect(a, `${query.name}(${id})`).toEqual(b);
        }
      }
    },
    SWEEP_TIMEOUT_MS,
  );

  it('analyst queries return the same rows', async () => {
    const queries = [
      'MATCH (a:Agency)-[r:LEADS]->(i:Initiative) RETURN a.id AS agency, i.id AS initiative, r.page AS page ORDER BY agency, initiative',
      'MATCH (f:FocusArea) RETURN f.id AS id, f.status AS status ORDER BY id',
      'MATCH (i:Initiative)-[r:SERVES]->(l:LifeEvent) RETURN l.id AS lifeEvent, count(i) AS n ORDER BY lifeEvent',
    ];
    for (const cypher of queries) {
      const [a, b] = await both((s) => s.readQuery(cypher, {}, { timeoutMs: 5000, rowCap: 5000 }));
      expect(a, cypher).toEqual(b);
    }
  });
});
