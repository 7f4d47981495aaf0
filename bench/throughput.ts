// Target 3 of issue 15: the API's throughput against the anchor, a bare Fastify route with the same server options, in
// the same server process and the same run, with 4 and 16 connections (autocannon over 127.0.0.1).
import path from 'node:path';
import { profileSummary, profileText } from './cpu-profile.js';
import { load, startBenchServer, type LoadResult } from './http-load.js';

export interface ThroughputRow {
  graph: string;
  route: string;
  connections: number;
  result: LoadResult;
  /** This route's requests a second over the anchor's, at the same connection count on the same graph. */
  ofAnchor: number;
  /** The server's CPU time per request in µs, over all rounds: what a request costs, whatever else the machine runs. */
  cpuPerRequest: number;
  /** The anchor's CPU time per request over this route's: the throughput share a machine to itself would give. */
  cpuOfAnchor: number;
}

export const ANCHOR = 'bare Fastify route (anchor)';
export const NODE_ROUTE = 'GET /api/nodes/:id';
export const NEIGHBOURS_ROUTE = 'GET /api/nodes/:id/neighbors?depth=1';

/** The run whose requests a second are the median of the rounds (the lower middle one for an even count). */
function medianRun(runs: LoadResult[]): LoadResult {
  const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * On a shared machine the load of other processes changes from second to second, so the anchor and the routes are
 * measured in turns (anchor, node, neighbours; again; again) and each reports the median of its rounds: a burst of
 * load elsewhere then hits all three alike instead of one of them.
 */
export async function runThroughput(options: {
  graphs: string[][];
  seconds: number;
  rounds: number;
  connections: number[];
  /** Where to write a CPU profile of the server for each route, graph and connection count (--profile=DIR). */
  profileDir?: string;
}): Promise<ThroughputRow[]> {
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
        // A short warm-up of each, so the JIT and the caches of the graph of the year are in place before the figures.
        for (const [, origin, paths] of routes) await load({ origin, paths, connections, seconds: 2 });
        const runs = new Map<string, LoadResult[]>(routes.map(([route]) => [route, []]));
        const cpu = new Map<string, number>(routes.map(([route]) => [route, 0]));
        for (let round = 0; round < options.rounds; round++) {
          for (const [route, origin, paths] of routes) {
            const before = (await server.memory()).cpuMicros;
            runs.get(route)!.push(await load({ origin, paths, connections, seconds: options.seconds }));
            cpu.set(route, cpu.get(route)! + (await server.memory()).cpuMicros - before);
          }
        }
        if (options.profileDir) {
          // One more run of each, profiled: after the measured rounds, so the profiler's own cost is in none of the figures.
          for (const [route, origin, paths] of routes) {
            const slug = `${ready.graph.split(' ')[0]}-${route === ANCHOR ? 'anchor' : route.includes('neighbors') ? 'neighbours' : 'node'}-${connections}`;
            const file = path.resolve(options.profileDir, `${slug}.cpuprofile`);
            await server.profile(file, () => load({ origin, paths, connections, seconds: options.seconds }));
            console.error(`  ${route}, ${connections} connections: profile in ${file}\n${profileText(await profileSummary(file))}`);
          }
        }
        const perRequest = (route: string) => cpu.get(route)! / runs.get(route)!.reduce((a, r) => a + r.requests, 0);
        const anchor = medianRun(runs.get(ANCHOR)!).requestsPerSecond;
        for (const [route] of routes) {
          const result = medianRun(runs.get(route)!);
          // Errors and non-2xx answers of every round, not only the median one.
          const all = runs.get(route)!;
          const counted = { ...result, errors: all.reduce((a, r) => a + r.errors, 0), non2xx: all.reduce((a, r) => a + r.non2xx, 0) };
          rows.push({
            graph: ready.graph,
            route,
            connections,
            result: counted,
            ofAnchor: result.requestsPerSecond / anchor,
            cpuPerRequest: perRequest(route),
            cpuOfAnchor: perRequest(ANCHOR) / perRequest(route),
          });
          console.error(
            `  ${route}, ${connections} connections: ${all.map((r) => r.requestsPerSecond.toFixed(0)).join(' / ')} req/s (median ${result.requestsPerSecond.toFixed(0)}), p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${counted.errors}, non-2xx ${counted.non2xx}`,
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
    '| graph | route | connections | req/s | share of the anchor | server CPU µs/request | share of the anchor by CPU | p50 ms | p99 ms | errors | non-2xx |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.graph} | ${r.route === ANCHOR ? r.route : `\`${r.route}\``} | ${r.connections} | ${r.result.requestsPerSecond.toFixed(0)} | ${(r.ofAnchor * 100).toFixed(0)} % | ${r.cpuPerRequest.toFixed(0)} | ${(r.cpuOfAnchor * 100).toFixed(0)} % | ${r.result.p50} | ${r.result.p99} | ${r.result.errors} | ${r.result.non2xx} |`,
    );
  }
  return lines.join('\n');
}
