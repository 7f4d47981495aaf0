// Issue 15, targets 1 and 2: gap analysis and coverage matrices on the generated 100,000-node graph, on both stores,
// direct and through the API. `npm run bench -- --only=analysis` runs this part alone.
//
// Findings and matrices are kept per graph version (graph/analysis/materialised.ts), so a graph's first call after a
// load computes them and every later call is given them: "cold" is that first call (measured once, right after the
// load, the review lens and the year view included as the route reads them), "warm" the p50 of the calls after it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LadybugStore } from '../graph/adapters/ladybug/store.js';
import { Neo4jStore } from '../graph/adapters/neo4j/store.js';
import { coverageCounts, COVERAGE_PRESETS, findGaps, summarizeGaps } from '../graph/analysis/index.js';
import { reviewedSnapshot } from '../graph/review/read.js';
import type { Dataset } from '../graph/schema/dataset.js';
import type { GraphStore } from '../graph/store/port.js';
import { buildApp } from '../server/app.js';
import { snapshotForYear } from '../server/routes/years.js';
import { generateDataset, SYNTHETIC_SIZES, type SyntheticSize } from './synthetic/dataset.js';

export interface AnalysisRow {
  store: string;
  measure: string;
  /** Milliseconds. */
  cold: number | null;
  directP50: number | null;
  apiP50: number | null;
  /** Bytes of the API's answer. */
  apiBytes: number | null;
}

export interface AnalysisBenchResult {
  graph: string;
  generateMs: number;
  loads: { store: string; ms: number }[];
  rows: AnalysisRow[];
}

const percentile50 = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

async function p50(run: () => Promise<unknown>, calls: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < calls; i++) times.push((await timed(run))[1]);
  return percentile50(times);
}

/** What GET /api/gaps and GET /api/coverage compute, called in this process: the reviewed graph of the latest year. */
const routeSnapshot = async (store: GraphStore) => snapshotForYear(await reviewedSnapshot(store), undefined);

async function benchmarkStore(store: GraphStore, dataset: Dataset, calls: number): Promise<{ load: number; rows: AnalysisRow[] }> {
  const [, load] = await timed(async () => {
    await store.open();
    await store.replaceDataset(dataset);
  });
  console.error(`  loaded into ${store.backend} in ${(load / 1000).toFixed(1)} s`);
  const gaps = async () => {
    const findings = findGaps(await routeSnapshot(store));
    return { summary: summarizeGaps(findings), findings: findings.slice(0, 1000) };
  };
  const preset = 'life-event-agency';
  const matrix = async () => coverageCounts(await routeSnapshot(store), { preset });
  const rows: AnalysisRow[] = [];
  const app = await buildApp({ store, webRoot: null, rateLimits: { query: 1_000_000, write: 1_000_000 } });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const api = async (url: string) => {
    const res = await fetch(`${address}${url}`);
    if (!res.ok) throw new Error(`GET ${url} → ${res.status}: ${await res.text()}`);
    return (await res.arrayBuffer()).byteLength;
  };
  try {
    const [, gapsCold] = await timed(gaps);
    console.error(`  gaps cold ${gapsCold.toFixed(0)} ms`);
    const gapsDirect = await p50(gaps, calls);
    const gapsBytes = await api('/api/gaps');
    const gapsApi = await p50(() => api('/api/gaps'), calls);
    rows.push({
      store: store.backend,
      measure: '`GET /api/gaps` (first 1,000 findings)',
      cold: gapsCold,
      directP50: gapsDirect,
      apiP50: gapsApi,
      apiBytes: gapsBytes,
    });

    const [, matrixCold] = await timed(matrix);
    const matrixDirect = await p50(matrix, calls);
    const matrixBytes = await api(`/api/coverage?preset=${preset}`);
    // The answer is some 11 MB at this size (counts only); fewer calls keep the run short.
    const matrixApi = await p50(() => api(`/api/coverage?preset=${preset}`), Math.min(calls, 5));
    rows.push({
      store: store.backend,
      measure: `\`GET /api/coverage?preset=${preset}\` (counts; the chains per cell below)`,
      cold: matrixCold,
      directP50: matrixDirect,
      apiP50: matrixApi,
      apiBytes: matrixBytes,
    });
    // The chains behind one cell, as the UI asks when a cell is opened: the cell with the most chains.
    const full = await matrix();
    const biggest = full.cells.reduce((a, c) => (c.count > a.count ? c : a), full.cells[0]!);
    const cellUrl = `/api/coverage/cell?preset=${preset}&row=${encodeURIComponent(biggest.row)}&col=${encodeURIComponent(biggest.col)}`;
    const [cellBytes, cellCold] = await timed(() => api(cellUrl));
    rows.push({
      store: store.backend,
      measure: `\`GET /api/coverage/cell?preset=${preset}\` (the cell with the most chains, ${biggest.count})`,
      cold: cellCold,
      directP50: null,
      apiP50: await p50(() => api(cellUrl), calls),
      apiBytes: cellBytes,
    });

    // The other presets, direct: each one's first call (the context is shared, built by the gaps above) and after.
    for (const other of COVERAGE_PRESETS.filter((p) => p.id !== preset)) {
      const run = async () => coverageCounts(await routeSnapshot(store), { preset: other.id });
      const [, cold] = await timed(run);
      rows.push({
        store: store.backend,
        measure: `coverage preset ${other.id} (direct)`,
        cold,
        directP50: await p50(run, calls),
        apiP50: null,
        apiBytes: null,
      });
    }
    console.error(
      `  ${store.backend}: ${rows.map((r) => `${r.measure} cold ${r.cold?.toFixed(0)} warm ${r.directP50?.toFixed(1)} api ${r.apiP50?.toFixed(1)}`).join('; ')}`,
    );
  } finally {
    await app.close();
    await store.close();
  }
  return { load, rows };
}

export async function runAnalysisBenchmarks(options: {
  size: SyntheticSize;
  neo4jUri?: string;
  calls: number;
  /** Neo4j alone (`--no-embedded`): the embedded store's figures come from another run. */
  skipEmbedded?: boolean;
}): Promise<AnalysisBenchResult> {
  const [dataset, generateMs] = await timed(async () => generateDataset({ size: options.size, seed: 20201 }));
  const { nodes, relationships } = SYNTHETIC_SIZES[options.size];
  console.error(`generated ${nodes} nodes, ${relationships} relationships in ${(generateMs / 1000).toFixed(1)} s`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-bench-analysis-'));
  const loads: AnalysisBenchResult['loads'] = [];
  const rows: AnalysisRow[] = [];
  try {
    if (!options.skipEmbedded) {
      const ladybug = await benchmarkStore(new LadybugStore({ path: path.join(dir, 'analysis.lbug') }), dataset, options.calls);
      loads.push({ store: 'ladybug', ms: ladybug.load });
      rows.push(...ladybug.rows);
    }
    if (options.neo4jUri) {
      const store = new Neo4jStore({
        uri: options.neo4jUri,
        user: process.env['NEO4J_USER'] || 'neo4j',
        password: process.env['NEO4J_PASSWORD'] || 'strategigraf-dev',
        log: () => undefined,
      });
      // A failed load (a server whose transaction memory cannot hold the whole replace) is a result too, not the end of the run.
      try {
        const neo4j = await benchmarkStore(store, dataset, options.calls);
        loads.push({ store: 'neo4j', ms: neo4j.load });
        rows.push(...neo4j.rows);
      } catch (err) {
        console.error(`  neo4j: ${err instanceof Error ? err.message : String(err)}`);
        await store.close().catch(() => undefined);
        rows.push({
          store: 'neo4j',
          measure: `not measured: ${err instanceof Error ? err.message.slice(0, 200) : String(err)}`,
          cold: null,
          directP50: null,
          apiP50: null,
          apiBytes: null,
        });
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { graph: `generated (${nodes} nodes, ${relationships} rels, seed 20201)`, generateMs, loads, rows };
}

const ms = (n: number | null) => (n === null ? '–' : n < 10 ? n.toFixed(2) : n.toFixed(0));
const mb = (n: number | null) => (n === null ? '–' : `${(n / 1e6).toFixed(1)} MB`);

export function analysisTable(result: AnalysisBenchResult): string {
  return [
    `Graph: ${result.graph}, generated in ${(result.generateMs / 1000).toFixed(1)} s; loaded in ${result.loads.map((l) => `${(l.ms / 1000).toFixed(0)} s (${l.store})`).join(', ')}.`,
    '',
    '| store | measure | cold: first call after the load, ms | direct p50 ms (warm) | API p50 ms (warm) | API answer |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...result.rows.map((r) => `| ${r.store} | ${r.measure} | ${ms(r.cold)} | ${ms(r.directP50)} | ${ms(r.apiP50)} | ${mb(r.apiBytes)} |`),
  ].join('\n');
}
