// `npm run bench`: measures the API against direct store calls (and Neo4j against the embedded store), then the web UI
// in headless Chromium, then HTTP throughput against a bare Fastify route, a sustained mixed load and the 100,000-node
// loads, and writes the figures into docs/benchmarks.md. Options:
// --only=api|ui|ui-scale|analysis|throughput|load-test|load (ui includes ui-scale, Explore at 10,000 nodes), --quick
// (small graph, few iterations, nothing written), --no-neo4j, --seeds=DIR, --no-write; the UI part also takes --runs=N;
// the analysis part takes --no-embedded (Neo4j alone);
// throughput and load-test take --nodes=N (the generated graph: N nodes, 5N relationships; default 50,000); throughput
// takes --profile=DIR (a CPU profile of the server per route in DIR, and its top functions on stderr).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runApiBenchmarks, type RouteResult } from './api.js';
import { MACHINE, writeSection } from './doc.js';

const argv = process.argv.slice(2);
const args = new Set(argv);
const seedsDir = argv.find((a) => a.startsWith('--seeds='))?.slice('--seeds='.length) ?? 'seeds';
const quick = args.has('--quick');
const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const PARTS = ['api', 'ui', 'ui-scale', 'analysis', 'throughput', 'load-test', 'load'];
if (only !== undefined && !PARTS.includes(only)) {
  console.error(`--only takes ${PARTS.join(', ')}, not ${JSON.stringify(only)}`);
  process.exit(2);
}

async function neo4jForBench(): Promise<{ uri: string; stop: () => Promise<void> } | null> {
  if (args.has('--no-neo4j')) return null;
  if (process.env['NEO4J_URI']) return { uri: process.env['NEO4J_URI'], stop: async () => {} };
  const { neo4jAvailable, startNeo4j } = await import('../scripts/neo4j-server.mjs');
  if (!(await neo4jAvailable())) return null;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-bench-neo4j-'));
  const server = await startNeo4j({ port: 0, dataDir, heap: '2g', log: () => undefined });
  return {
    uri: server.uri,
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const ms = (n: number) => n.toFixed(2);
/** "+12 %" or "−4 %": what the API adds to the direct call, signed (a negative figure is noise between two runs). */
const overhead = (api: number, direct: number) => {
  const pct = (api / direct - 1) * 100;
  return `${pct < 0 ? '−' : '+'}${Math.abs(pct).toFixed(0)} %`;
};
/** Calls a second; a whole-graph route on the large graph manages well under one, so it keeps two decimals. */
const rate = (n: number) => n.toFixed(n < 10 ? 2 : 0);

function table(results: RouteResult[]): string {
  const lines = [
    '| graph | store | route | API p50 ms | API p95 ms | API req/s | direct p50 ms | direct p95 ms | direct calls/s | API overhead at p50 |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.graph} | ${r.backend} | \`${r.route}\` | ${ms(r.api.p50)} | ${ms(r.api.p95)} | ${rate(r.api.throughput)} | ${ms(r.direct.p50)} | ${ms(r.direct.p95)} | ${rate(r.direct.throughput)} | ${overhead(r.api.p50, r.direct.p50)} |`,
    );
  }
  return lines.join('\n');
}

function storeComparison(results: RouteResult[]): string {
  const neo = results.filter((r) => r.backend === 'neo4j');
  if (neo.length === 0) return '_Neo4j was not measured in this run._';
  const lines = ['| graph | route | embedded p50 ms | Neo4j p50 ms | Neo4j ÷ embedded |', '| --- | --- | ---: | ---: | ---: |'];
  for (const n of neo) {
    const e = results.find((r) => r.backend === 'ladybug' && r.graph === n.graph && r.route === n.route);
    if (e) lines.push(`| ${n.graph} | \`${n.route}\` | ${ms(e.direct.p50)} | ${ms(n.direct.p50)} | ${(n.direct.p50 / e.direct.p50).toFixed(2)}× |`);
  }
  return lines.join('\n');
}

async function apiBenchmarks(): Promise<void> {
  const neo4j = await neo4jForBench();
  try {
    const large = quick ? { nodes: 5_000, relationships: 25_000 } : { nodes: 50_000, relationships: 250_000 };
    const results = await runApiBenchmarks({ neo4jUri: neo4j?.uri, seedsDir, large, iterations: quick ? 100 : 400 });
    const body = [
      '## API and stores',
      '',
      `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${MACHINE}${quick ? ' (quick mode: small graph, few iterations — not the reference figures)' : ''}.`,
      'Each route: sequential calls give p50/p95; the same number of calls with 4 in flight gives the throughput. "Direct" is the',
      'same store method called in the same process, so the overhead column is what HTTP, validation and serialisation add.',
      'Gaps and coverage analyse the whole graph per call; on the generated graph they are measured with 5 calls (3 on Neo4j;',
      'one warm-up, two in flight for throughput), not 400. The embedded store reads the whole graph once per load; Neo4j reads it per call.',
      '',
      table(results),
      '',
      '### Neo4j against the embedded store (direct calls, same process)',
      '',
      storeComparison(results),
    ].join('\n');
    // A quick run is for trying the harness, never reference figures.
    if (!quick && !args.has('--no-write')) await writeSection('api', body);
    console.log(body);
  } finally {
    await neo4j?.stop();
  }
}

/** Issue 15's gap and coverage targets on the 100,000-node graph (bench/analysis.ts). */
async function analysisBenchmarks(): Promise<void> {
  const neo4j = await neo4jForBench();
  try {
    const { runAnalysisBenchmarks, analysisTable } = await import('./analysis.js');
    const result = await runAnalysisBenchmarks({
      size: quick ? '5k' : '100k',
      neo4jUri: neo4j?.uri,
      calls: quick ? 5 : 20,
      skipEmbedded: args.has('--no-embedded'),
    });
    const body = [
      '## Gap analysis and coverage at 100,000 nodes',
      '',
      `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${MACHINE}${quick ? ' (quick mode: the 5k graph — not the reference figures)' : ''}.`,
      'The machine is 2 cores shared with other agents and CI, so single figures move by ±30 % or more between runs.',
      '"Cold" is the first call after the load, which computes the findings or the matrix (the review lens and the year',
      'view included, as the route reads them; on Neo4j also the one read of the graph per version); the p50 columns are',
      '20 calls after it (5 through the API for the matrix, some 11 MB of counts), given what that first call kept.',
      '',
      analysisTable(result),
    ].join('\n');
    if (!quick && !args.has('--no-write')) await writeSection('analysis', body);
    console.log(body);
  } finally {
    await neo4j?.stop();
  }
}

if (only === undefined || only === 'api') await apiBenchmarks();
if (only === undefined || only === 'analysis') await analysisBenchmarks();
if (only === undefined || only === 'ui') {
  const { runUiBenchmarks } = await import('./ui.js');
  await runUiBenchmarks();
}
// Explore at 10,000 nodes: part of the UI benchmark, or alone (--only=ui-scale).
if (only === undefined || only === 'ui' || only === 'ui-scale') {
  const { runUiScaleBenchmark } = await import('./ui-scale.js');
  await runUiScaleBenchmark();
}
if (only === undefined || only === 'throughput') {
  const { throughputBenchmark } = await import('./http-sections.js');
  await throughputBenchmark({ quick, write: !quick && !args.has('--no-write'), argv });
}
if (only === undefined || only === 'load-test') {
  const { loadTestBenchmark } = await import('./http-sections.js');
  await loadTestBenchmark({ quick, write: !quick && !args.has('--no-write'), argv });
}
if (only === undefined || only === 'load') {
  const { loadBenchmarks } = await import('./load-section.js');
  const neo4j = await neo4jForBench();
  try {
    await loadBenchmarks({ seedsDir, quick, write: !quick && !args.has('--no-write'), neo4jUri: neo4j?.uri });
  } finally {
    await neo4j?.stop();
  }
}
