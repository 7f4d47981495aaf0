// API benchmark: each read route through real HTTP next to the same store call made directly in this process,
// on the seed graph and on a generated graph, on the embedded store and (when reachable) on Neo4j.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LadybugStore } from '../graph/adapters/ladybug/store.js';
import { Neo4jStore } from '../graph/adapters/neo4j/store.js';
import { loadDatasetDir } from '../graph/dataset/load.js';
import { generateDataset } from './synthetic/dataset.js';
import { mulberry32 } from './synthetic/rng.js';
import type { Dataset } from '../graph/schema/dataset.js';
import type { GraphStore } from '../graph/store/port.js';
import { coverageCounts, findGaps, summarizeGaps } from '../graph/analysis/index.js';
import { exportGraph } from '../graph/export/index.js';
import { exportScope } from '../graph/export/select.js';
import { buildApp } from '../server/app.js';
import { describeGraphSchema } from '../server/routes/schema.js';

export interface Sample {
  p50: number;
  p95: number;
  throughput: number;
}

export interface RouteResult {
  graph: string;
  backend: string;
  route: string;
  api: Sample;
  direct: Sample;
}

interface Case {
  route: string;
  /** Whole-graph analysis: measured with fewer calls, since one call takes seconds on the large graph. */
  heavy?: boolean;
  http: (i: number) => { method: 'GET' | 'POST'; url: string; body?: unknown };
  direct: (i: number) => Promise<unknown>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Sequential calls give the latency percentiles; a concurrent run of the same count gives throughput. */
async function measure(run: (i: number) => Promise<unknown>, iterations: number, concurrency: number, warmup = Math.min(20, iterations)): Promise<Sample> {
  for (let i = 0; i < warmup; i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await run(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < iterations) await run(next++);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return { p50: percentile(times, 50), p95: percentile(times, 95), throughput: iterations / seconds };
}

function cases(store: GraphStore, ids: string[], terms: string[]): Case[] {
  const id = (i: number) => ids[i % ids.length]!;
  const pair = (i: number): [string, string] => {
    const from = ids[i % ids.length]!;
    const to = ids[(i * 7919 + 13) % ids.length]!;
    return [from, to === from ? ids[(i + 1) % ids.length]! : to];
  };
  const cypher = 'MATCH (a:Agency)-[:LEADS]->(i:Initiative) WHERE a.id = $id RETURN i.id AS id, i.name AS name LIMIT 50';
  return [
    {
      route: 'GET /api/nodes?q=',
      http: (i) => ({ method: 'GET', url: `/api/nodes?q=${encodeURIComponent(terms[i % terms.length]!)}&limit=20` }),
      direct: (i) => store.searchNodes({ q: terms[i % terms.length]!, limit: 20, offset: 0 }),
    },
    {
      route: 'GET /api/nodes/:id',
      http: (i) => ({ method: 'GET', url: `/api/nodes/${id(i)}` }),
      direct: (i) => store.getNode(id(i)),
    },
    {
      route: 'GET /api/nodes/:id/neighbors?depth=1',
      http: (i) => ({ method: 'GET', url: `/api/nodes/${id(i)}/neighbors?depth=1&limit=200` }),
      direct: (i) => store.neighbors(id(i), { depth: 1, limit: 200 }),
    },
    {
      route: 'GET /api/nodes/:id/neighbors?depth=2',
      http: (i) => ({ method: 'GET', url: `/api/nodes/${id(i)}/neighbors?depth=2&limit=200` }),
      direct: (i) => store.neighbors(id(i), { depth: 2, limit: 200 }),
    },
    {
      route: 'GET /api/paths?maxLength=4',
      http: (i) => ({ method: 'GET', url: `/api/paths?from=${pair(i)[0]}&to=${pair(i)[1]}&maxLength=4&limit=5` }),
      direct: (i) => store.shortestPaths(pair(i)[0], pair(i)[1], { maxLength: 4, directed: false, limit: 5 }),
    },
    {
      route: 'POST /api/query',
      http: (i) => ({ method: 'POST', url: '/api/query', body: { cypher, params: { id: id(i) } } }),
      direct: (i) => store.readQuery(cypher, { id: id(i) }, { timeoutMs: 5000, rowCap: 5000 }),
    },
    {
      route: 'GET /api/health',
      http: () => ({ method: 'GET', url: '/api/health' }),
      direct: async () => [await store.health(), await store.stats()],
    },
    {
      route: 'GET /api/schema',
      http: () => ({ method: 'GET', url: '/api/schema' }),
      direct: async () => describeGraphSchema(await store.stats()),
    },
    {
      route: 'GET /api/queries/:name?id=',
      http: (i) => ({ method: 'GET', url: `/api/queries/agencies-of-initiative?id=${id(i)}` }),
      direct: async (i) => (await store.getNode(id(i))) && store.runNamed('agencies-of-initiative', { id: id(i) }),
    },
    {
      route: 'GET /api/export?format=json&focus=&depth=1',
      http: (i) => ({ method: 'GET', url: `/api/export?format=json&focus=${id(i)}&depth=1` }),
      direct: async (i) => {
        const snapshot = await exportScope(store, { focus: id(i), depth: 1 });
        return snapshot && exportGraph(snapshot, 'json');
      },
    },
    {
      route: 'GET /api/coverage?preset=life-event-agency',
      heavy: true,
      http: () => ({ method: 'GET', url: '/api/coverage?preset=life-event-agency' }),
      direct: async () => coverageCounts(await store.snapshot(), { preset: 'life-event-agency' }),
    },
    {
      route: 'GET /api/gaps (first 1,000 findings)',
      heavy: true,
      http: () => ({ method: 'GET', url: '/api/gaps' }),
      direct: async () => {
        const findings = findGaps(await store.snapshot());
        return { summary: summarizeGaps(findings), findings: findings.slice(0, 1000) };
      },
    },
  ];
}

export async function benchmarkGraph(options: {
  graph: string;
  dataset: Dataset;
  store: GraphStore;
  iterations: number;
  /** Calls for the whole-graph routes (gaps, coverage); defaults to `iterations`. */
  heavyIterations?: number;
  concurrency: number;
  seed: number;
}): Promise<RouteResult[]> {
  const { store, dataset } = options;
  const t0 = performance.now();
  await store.open();
  await store.replaceDataset(dataset);
  console.error(
    `  loaded ${dataset.nodes.length} nodes, ${dataset.relationships.length} relationships into ${store.backend} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const random = mulberry32(options.seed);
  const ids = Array.from({ length: 200 }, () => dataset.nodes[Math.floor(random() * dataset.nodes.length)]!.id);
  const terms = Array.from({ length: 50 }, () => dataset.nodes[Math.floor(random() * dataset.nodes.length)]!.name.split(' ')[0]!.slice(0, 6));

  const app = await buildApp({ store, webRoot: null, rateLimits: { query: 1_000_000, write: 1_000_000 } });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const results: RouteResult[] = [];
  try {
    for (const c of cases(store, ids, terms)) {
      const callApi = async (i: number) => {
        const req = c.http(i);
        const res = await fetch(`${address}${req.url}`, {
          method: req.method,
          headers: req.body ? { 'content-type': 'application/json' } : {},
          body: req.body ? JSON.stringify(req.body) : undefined,
        });
        if (!res.ok && res.status !== 404) throw new Error(`${req.method} ${req.url} → ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      };
      const iterations = c.heavy && options.heavyIterations !== undefined ? options.heavyIterations : options.iterations;
      // A whole-graph route takes seconds on the large graph: one warm-up call, and two in flight for throughput.
      const [concurrency, warmup] = c.heavy ? [Math.min(2, options.concurrency), 1] : [options.concurrency, undefined];
      const direct = await measure(c.direct, iterations, concurrency, warmup);
      const api = await measure(callApi, iterations, concurrency, warmup);
      results.push({ graph: options.graph, backend: store.backend, route: c.route, api, direct });
      console.error(`  ${c.route}: api p50 ${api.p50.toFixed(2)} ms, direct p50 ${direct.p50.toFixed(2)} ms`);
    }
  } finally {
    await app.close();
    await store.close();
  }
  return results;
}

export async function runApiBenchmarks(options: {
  neo4jUri?: string;
  seedsDir: string;
  large: { nodes: number; relationships: number };
  iterations: number;
}): Promise<RouteResult[]> {
  const seeds = await loadDatasetDir(options.seedsDir);
  if (!seeds.ok) throw new Error(`${options.seedsDir} is not a valid dataset: run \`npx strategigraf validate ${options.seedsDir}\``);
  const t0 = performance.now();
  const large = generateDataset({ ...options.large, seed: 20201 });
  console.error(`generated ${large.nodes.length} nodes, ${large.relationships.length} relationships in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-bench-'));
  const graphs: { graph: string; dataset: Dataset }[] = [
    { graph: `seed (${seeds.dataset.nodes.length} nodes)`, dataset: seeds.dataset },
    { graph: `generated (${large.nodes.length} nodes, ${large.relationships.length} rels)`, dataset: large },
  ];
  const results: RouteResult[] = [];
  try {
    for (const [i, g] of graphs.entries()) {
      console.error(`${g.graph} on LadybugDB`);
      // A whole-graph analysis of the large graph takes seconds: a few calls give its figures.
      const heavyIterations = i === 0 ? options.iterations : 5;
      results.push(
        ...(await benchmarkGraph({
          ...g,
          store: new LadybugStore({ path: path.join(dir, `g${i}.lbug`) }),
          iterations: options.iterations,
          heavyIterations,
          concurrency: 4,
          seed: 7,
        })),
      );
      if (options.neo4jUri) {
        console.error(`${g.graph} on Neo4j`);
        const store = new Neo4jStore({
          uri: options.neo4jUri,
          user: process.env['NEO4J_USER'] || 'neo4j',
          password: process.env['NEO4J_PASSWORD'] || 'strategigraf-dev',
          log: () => undefined,
        });
        // Neo4j reads the whole graph for each such call (about 15 s at 50,000 nodes): three calls there.
        results.push(
          ...(await benchmarkGraph({
            ...g,
            store,
            iterations: options.iterations,
            heavyIterations: i === 0 ? options.iterations : 3,
            concurrency: 4,
            seed: 7,
          })),
        );
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}
