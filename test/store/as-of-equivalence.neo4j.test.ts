// Both stores, same dataset, every year of it: the graph as of a year (graph/projection/as-of.ts) must answer the same
// on the embedded store and on Neo4j — node and degree, neighbourhoods, search, paths, named queries, export scopes —
// whether the store's own reads answer (the latest year of a graph with nothing ended) or the graph of the year does;
// and through the review lens (graph/review/lens.ts), which marks the store's own answers while it hides nothing and
// has the graph of the year answer once it leaves rejected links out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { Neo4jStore } from '../../graph/adapters/neo4j/store.js';
import { yearsOf } from '../../graph/analysis/time/years.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { graphAsOf, type GraphAsOf } from '../../graph/projection/as-of.js';
import { NAMED_QUERIES } from '../../graph/queries/named.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import type { GraphPath, Subgraph } from '../../graph/schema/graph.js';
import type { GraphStore } from '../../graph/store/port.js';
import type { AppDecision } from '../../graph/review/decisions.js';
import { ReviewLens } from '../../graph/review/lens.js';
import { neo4jTestConfig } from './neo4j-config.js';

const config = neo4jTestConfig();
// The years fixture has an ended link and a node of 2022; the gap fixture has none, so its latest year is the store's own.
const editor = { id: 'editor-1', name: 'Kari', via: 'token' as const };
const decide = (decision: AppDecision['decision'], at: string): AppDecision => ({
  decision,
  by: editor,
  at,
  ...(decision === 'rejected' ? { note: 'Nei.' } : {}),
});
/** Decisions made in the app: only marks (the store's own reads still answer), and marks with links left out. */
const MARKS_ONLY = new Map([['init-data:DEPENDS_ON:init-kompetanse', decide('accepted', '2025-03-01T09:00:00Z')]]);
const WITH_REJECTIONS = new Map([
  ['init-data:DEPENDS_ON:init-kompetanse', decide('rejected', '2025-03-01T09:00:00Z')],
  ['init-kompetanse.status', decide('rejected', '2025-03-01T09:05:00Z')],
]);
const DATASETS: [string, string, Map<string, AppDecision> | null][] = [
  ['test/fixtures/years', 'as loaded', null],
  ['test/fixtures/gaps', 'as loaded', null],
  ['test/fixtures/gaps', 'with an accepted link', MARKS_ONLY],
  ['test/fixtures/gaps', 'with a rejected link and field', WITH_REJECTIONS],
];

const sortedSubgraph = (g: Subgraph) => ({
  nodes: [...g.nodes].sort((a, b) => a.id.localeCompare(b.id)),
  edges: [...g.edges].sort((a, b) => a.id.localeCompare(b.id)),
});
const pathKeys = (paths: GraphPath[]) => paths.map((p) => p.edges.map((e) => e.id).join(' | ')).sort();

describe.runIf(config).each(DATASETS)('as of every year, the embedded store and Neo4j agree on %s %s', (dir, _how, decisions) => {
  let dataset: Dataset;
  let embedded: GraphStore;
  let neo: GraphStore;
  let years: (number | undefined)[];

  beforeAll(async () => {
    const result = await loadDatasetDir(dir);
    if (!result.ok) throw new Error(`${dir} is not a valid dataset`);
    dataset = result.dataset;
    embedded = new LadybugStore({ path: ':memory:' });
    neo = new Neo4jStore({ ...config!, log: () => undefined });
    await Promise.all([embedded.open(), neo.open()]);
    await Promise.all([embedded.replaceDataset(dataset), neo.replaceDataset(dataset)]);
    // Every year of the data, and no year at all (the default: the latest).
    years = [...yearsOf(await embedded.snapshot()).all, undefined];
    expect(years.length).toBeGreaterThan(2);
  });
  afterAll(async () => {
    await embedded?.close();
    await neo?.close();
  });

  const lens = decisions ? new ReviewLens(decisions, { includeRejected: false }) : undefined;
  /** The graph of the year on each store, each from its store's current snapshot. */
  const both = async (year: number | undefined): Promise<[GraphAsOf, GraphAsOf]> => [
    graphAsOf(embedded, await embedded.snapshot(), year, lens),
    graphAsOf(neo, await neo.snapshot(), year, lens),
  ];
  const label = (year: number | undefined) => (year === undefined ? 'by default' : `as of ${year}`);

  it('the graph of each year, and which store answers it', async () => {
    for (const year of years) {
      const [a, b] = await both(year);
      expect(b.year, label(year)).toBe(a.year);
      expect(b.direct, label(year)).toBe(a.direct);
      expect(await b.reader.snapshot(), label(year)).toEqual(await a.reader.snapshot());
    }
    if (decisions) {
      const [latest] = await both(undefined);
      // Marks alone leave the store's own reads answering; a link left out hands the answers to the projection.
      expect(latest.direct).toBe(decisions === MARKS_ONLY);
      const edges = (await latest.reader.snapshot()).edges;
      expect(edges.some((e) => e.id === 'init-data:DEPENDS_ON:init-kompetanse')).toBe(decisions === MARKS_ONLY);
      if (decisions === MARKS_ONLY) {
        const detail = await latest.reader.neighbors('init-data', { depth: 1, limit: 50 });
        expect(detail.edges.find((e) => e.id === 'init-data:DEPENDS_ON:init-kompetanse')?.properties.review).toMatchObject({ state: 'accepted', by: 'Kari' });
      } else {
        expect((await latest.reader.getNode('init-kompetanse'))?.review?.['status']).toMatchObject({ state: 'rejected' });
      }
    }
  });

  it('every node with its degree, its neighbourhood to depth 2 and its export scope', async () => {
    for (const year of years) {
      const [a, b] = await both(year);
      for (const { id } of dataset.nodes) {
        const where = `${id} ${label(year)}`;
        expect(await b.reader.getNode(id), where).toEqual(await a.reader.getNode(id));
        expect(b.firstAttested(id), where).toBe(a.firstAttested(id));
        for (const depth of [1, 2]) {
          const [na, nb] = [await a.reader.neighbors(id, { depth, limit: 500 }), await b.reader.neighbors(id, { depth, limit: 500 })];
          expect(sortedSubgraph(nb), `${where} depth ${depth}`).toEqual(sortedSubgraph(na));
        }
        const [sa, sb] = [await a.reader.neighborhoodSnapshot(id, { depth: 1, limit: 500 }), await b.reader.neighborhoodSnapshot(id, { depth: 1, limit: 500 })];
        expect(sb && { ...sb, ...sortedSubgraph(sb) }, where).toEqual(sa && { ...sa, ...sortedSubgraph(sa) });
      }
    }
  });

  it('search for every node name and a few fragments, ranked the same', async () => {
    const terms = [...dataset.nodes.map((n) => n.name), 'data', 'status', '2021', 'departementet', 'x'];
    for (const year of years) {
      const [a, b] = await both(year);
      for (const q of terms) {
        const [ra, rb] = [await a.reader.searchNodes({ q, limit: 20, offset: 0 }), await b.reader.searchNodes({ q, limit: 20, offset: 0 })];
        expect(rb.total, `${q} ${label(year)}`).toBe(ra.total);
        expect(
          rb.items.map((n) => n.id),
          `${q} ${label(year)}`,
        ).toEqual(ra.items.map((n) => n.id));
      }
    }
  });

  it('shortest paths between pairs of nodes (all of them on the years fixture), both ways', async () => {
    const ids = dataset.nodes.map((n) => n.id);
    const all = ids.flatMap((from, i) => ids.slice(i + 1).map((to) => [from, to] as const));
    const step = Math.ceil(all.length / 120);
    const pairs = all.filter((_, i) => i % step === 0);
    for (const year of years) {
      const [a, b] = await both(year);
      for (const [from, to] of pairs) {
        for (const directed of [false, true]) {
          const options = { maxLength: 4, directed, limit: 50 };
          const [pa, pb] = [await a.reader.shortestPaths(from, to, options), await b.reader.shortestPaths(from, to, options)];
          expect(pathKeys(pb), `${from} → ${to} directed=${directed} ${label(year)}`).toEqual(pathKeys(pa));
        }
      }
    }
  }, 120_000);

  it('every named query for every node', async () => {
    for (const year of years) {
      const [a, b] = await both(year);
      for (const query of NAMED_QUERIES) {
        for (const { id } of dataset.nodes) {
          expect(await b.reader.runNamed(query.name, { id }), `${query.name}(${id}) ${label(year)}`).toEqual(await a.reader.runNamed(query.name, { id }));
        }
      }
    }
    // Every year × every named query × every node, on both stores: its speed is the benchmarks' concern.
  }, 300_000);
});
