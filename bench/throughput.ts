// Target 3 of issue 15: the API's throughput against the anchor, a bare Fastify route with the same server options, in
// the same server process and the same run, with 4 and 16 connections (autocannon over 127.0.0.1).
import { load, startBenchServer, type LoadResult } from './http-load.js';

export interface ThroughputRow {
  graph: string;
  route: string;
  connections: number;
  result: LoadResult;
  /** This route's requests a second over the anchor's, at the same connection count on the same graph. */
  ofAnchor: number;
}

export const ANCHOR = 'bare Fastify route (anchor)';
export const NODE_ROUTE = 'GET /api/nodes/:id';
export const NEIGHBOURS_ROUTE = 'GET /api/nodes/:id/neighbors?depth=1';

export async function runThroughput(options: { graphs: string[][]; seconds: number; connections: number[] }): Promise<ThroughputRow[]> {
  const rows: ThroughputRow[] = [];
  for (const args of options.graphs) {
    const server = await startBenchServer(args);
    try {
      const { ready } = server;
      console.error(`${ready.graph}: loaded in ${ready.loadSeconds.toFixed(1)} s`);
      const routes: [string, string, string[]][] = [
        [ANCHOR, ready.bare, ['/bare']],
        [NODE_ROUTE, ready.api, ready.ids.map((id) => `/api/nodes/${encodeURIComponent(id)}`)],
        [NEIGHBOURS_ROUTE, ready.api, ready.ids.map((id) => `/api/nodes/${encodeURIComponent(id)}/neighbors?depth=1`)],
      ];
      for (const connections of options.connections) {
        let anchor = 0;
        for (const [route, origin, paths] of routes) {
          // A short warm-up, so the JIT and the caches of the graph of the year are in place before the figures.
          await load({ origin, paths, connections, seconds: 2 });
          const result = await load({ origin, paths, connections, seconds: options.seconds });
          if (route === ANCHOR) anchor = result.requestsPerSecond;
          rows.push({ graph: ready.graph, route, connections, result, ofAnchor: result.requestsPerSecond / anchor });
          console.error(
            `  ${route}, ${connections} connections: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}`,
          );
        }
      }
    } finally {
      await server.stop();
    }
  }
  return rows;
}

export function throughputTable(rows: ThroughputRow[]): string {
  const lines = [
    '| graph | route | connections | req/s | share of the anchor | p50 ms | p99 ms | errors | non-2xx |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.graph} | ${r.route === ANCHOR ? r.route : `\`${r.route}\``} | ${r.connections} | ${r.result.requestsPerSecond.toFixed(0)} | ${(r.ofAnchor * 100).toFixed(0)} % | ${r.result.p50} | ${r.result.p99} | ${r.result.errors} | ${r.result.non2xx} |`,
    );
  }
  return lines.join('\n');
}
