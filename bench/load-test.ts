// Target 6 of issue 15: a bounded mixed read workload at 50 connections for 60 s on the large generated graph
// (autocannon over 127.0.0.1), with throughput, latency, errors, and the server's memory before and after.
import { load, startBenchServer, type LoadResult } from './http-load.js';
import type { ServerMemory } from './http-server.js';
import { mulberry32 } from './synthetic/rng.js';

/** The mix of reads, as Explore and scripts make them: weights out of 100. Gaps and coverage (seconds a call on this graph) are left out. */
export const READ_MIX: { route: string; weight: number; path: (id: string, other: string, term: string) => string }[] = [
  { route: 'GET /api/nodes/:id', weight: 35, path: (id) => `/api/nodes/${id}` },
  { route: 'GET /api/nodes/:id/neighbors?depth=1', weight: 25, path: (id) => `/api/nodes/${id}/neighbors?depth=1` },
  { route: 'GET /api/nodes/:id/neighbors?depth=2', weight: 5, path: (id) => `/api/nodes/${id}/neighbors?depth=2` },
  { route: 'GET /api/nodes?q=', weight: 15, path: (_id, _other, term) => `/api/nodes?q=${encodeURIComponent(term)}&limit=20` },
  { route: 'GET /api/paths?maxLength=4', weight: 10, path: (id, other) => `/api/paths?from=${id}&to=${other}&maxLength=4&limit=5` },
  { route: 'GET /api/export?format=json&focus=&depth=1', weight: 5, path: (id) => `/api/export?format=json&focus=${id}&depth=1` },
  { route: 'GET /api/queries/:name?id=', weight: 5, path: (id) => `/api/queries/agencies-of-initiative?id=${id}` },
];

export interface LoadTestResult {
  graph: string;
  loadSeconds: number;
  connections: number;
  seconds: number;
  result: LoadResult;
  /** After loading and a warm-up run, after a full collection. */
  before: ServerMemory;
  /** Right after the run, and after a full collection. */
  afterRun: ServerMemory;
  after: ServerMemory;
}

export async function runLoadTest(options: { nodes: number; connections: number; seconds: number; warmupSeconds: number }): Promise<LoadTestResult> {
  const server = await startBenchServer([`--graph=generated`, `--nodes=${options.nodes}`]);
  try {
    const { ready } = server;
    console.error(`${ready.graph}: loaded in ${ready.loadSeconds.toFixed(1)} s`);
    const random = mulberry32(15);
    const draw = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
    const total = READ_MIX.reduce((a, m) => a + m.weight, 0);
    // 2,000 requests in a fixed order, each route in its share, asked in turn by all the connections.
    const paths = Array.from({ length: 2000 }, () => {
      let r = random() * total;
      const mix = READ_MIX.find((m) => (r -= m.weight) < 0) ?? READ_MIX[0]!;
      const id = draw(ready.ids);
      let other = draw(ready.ids);
      while (other === id) other = draw(ready.ids);
      return mix.path(encodeURIComponent(id), encodeURIComponent(other), draw(ready.terms));
    });
    await load({ origin: ready.api, paths, connections: options.connections, seconds: options.warmupSeconds });
    const before = await server.memory(true);
    const result = await load({ origin: ready.api, paths, connections: options.connections, seconds: options.seconds });
    const afterRun = await server.memory(false);
    const after = await server.memory(true);
    return { graph: ready.graph, loadSeconds: ready.loadSeconds, connections: options.connections, seconds: options.seconds, result, before, afterRun, after };
  } finally {
    await server.stop();
  }
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const growth = (after: number, before: number) => `${after >= before ? '+' : '−'}${(Math.abs(after / before - 1) * 100).toFixed(1)} %`;

export function loadTestTable(r: LoadTestResult): string {
  return [
    '| measure | value |',
    '| --- | ---: |',
    `| requests in ${r.seconds} s, ${r.connections} connections | ${r.result.requests} |`,
    `| throughput | ${r.result.requestsPerSecond.toFixed(0)} req/s |`,
    `| latency p50 / p99 | ${r.result.p50} ms / ${r.result.p99} ms |`,
    `| errors (socket errors and timeouts over 10 s) / non-2xx answers | ${r.result.errors} / ${r.result.non2xx} |`,
    // The server's own CPU time: on a shared machine, how much of a core it got and what a request cost it.
    `| server CPU time during the run | ${((r.afterRun.cpuMicros - r.before.cpuMicros) / 1e6).toFixed(1)} s of ${r.seconds} s (${((r.afterRun.cpuMicros - r.before.cpuMicros) / 1e4 / r.seconds).toFixed(0)} % of one core), ${((r.afterRun.cpuMicros - r.before.cpuMicros) / 1000 / Math.max(1, r.result.requests)).toFixed(1)} ms a request |`,
    `| server RSS before (after a warm-up run and a full GC) | ${mib(r.before.rss)} |`,
    `| server RSS right after the run | ${mib(r.afterRun.rss)} (${growth(r.afterRun.rss, r.before.rss)}) |`,
    `| server RSS after the run and a full GC | ${mib(r.after.rss)} (${growth(r.after.rss, r.before.rss)}) |`,
    `| JavaScript heap in use before / after, both after a full GC | ${mib(r.before.heapUsed)} / ${mib(r.after.heapUsed)} (${growth(r.after.heapUsed, r.before.heapUsed)}) |`,
  ].join('\n');
}
