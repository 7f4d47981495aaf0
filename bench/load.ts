// `npm run bench -- --only=load` (issue 15, target 4): `strategigraf load` of the generated 100,000-node dataset on
// each store, as a user runs it (a child process; its own last line gives its time and peak memory), the resident
// memory of a server started on the loaded embedded file, and the follow-up reconcile after a load.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LadybugStore } from '../graph/adapters/ladybug/store.js';
import { Neo4jStore } from '../graph/adapters/neo4j/store.js';
import { loadDatasetDir } from '../graph/dataset/load.js';
import type { Dataset } from '../graph/schema/dataset.js';
import { timeReconcile, type ReconcileResult } from './reconcile.js';
import { generateDataset } from './synthetic/dataset.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'bin', 'strategigraf.mjs');

export interface LoadResult {
  graph: string;
  backend: string;
  ok: boolean;
  wallS: number;
  /** From the command's own last line: "in X s, peak memory Y MiB". */
  reportedS: number | null;
  peakMiB: number | null;
  detail: string;
}

export interface ServerMemory {
  graph: string;
  /** Right when the reconcile at start is done: what that work left, garbage included. */
  rssMiB: number;
  /** After SETTLE_S more seconds with no request: what the server holds while it serves. */
  settledMiB: number;
  peakMiB: number;
  startS: number;
}

/**
 * The start's work (each year's findings) leaves hundreds of MB of garbage that V8 collects once the process is idle
 * (20,000 nodes: 887 MiB RSS when reconciled, 563 MiB fifteen seconds later), so the server's own figure is taken after
 * this long without requests, beside the one at the end of the reconcile and the peak.
 */
const SETTLE_S = 60;

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string; wallS: number }> {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += String(d)));
    child.stderr.on('data', (d: Buffer) => (err += String(d)));
    child.on('close', (code) => resolve({ code, out, err, wallS: (performance.now() - start) / 1000 }));
  });
}

export async function cliLoad(graph: string, file: string, env: Record<string, string>, backend: string): Promise<LoadResult> {
  const { code, out, err, wallS } = await run(['load', file], env);
  const m = /in ([\d.]+) s, peak memory (\d+) MiB/.exec(out);
  return {
    graph,
    backend,
    ok: code === 0,
    wallS,
    reportedS: m ? Number(m[1]) : null,
    peakMiB: m ? Number(m[2]) : null,
    detail: code === 0 ? out.trim() : err.trim().split('\n').slice(-3).join(' ') || `exit ${code}`,
  };
}

/** A server on the loaded embedded file: its resident memory once it answers and the reconcile at start is done. */
export async function serverMemory(graph: string, db: string): Promise<ServerMemory> {
  const start = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], {
    env: { ...process.env, STRATEGIGRAF_DB: db, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += String(d)));
  child.stderr.on('data', (d: Buffer) => (log += String(d)));
  try {
    const deadline = Date.now() + 15 * 60_000;
    while (!/follow-up reconciled with the data|could not be reconciled/.test(log)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the server did not finish starting: ${log.slice(-500)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const startS = (performance.now() - start) / 1000;
    const memory = async () => {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      return (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
    };
    const reconciled = await memory();
    await new Promise((r) => setTimeout(r, SETTLE_S * 1000));
    const settled = await memory();
    return { graph, rssMiB: reconciled('VmRSS'), settledMiB: settled('VmRSS'), peakMiB: settled('VmHWM'), startS };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('close', r));
  }
}

export async function runLoadBenchmarks(options: {
  seedsDir: string;
  neo4jUri?: string;
  large: { nodes: number; relationships: number };
}): Promise<{ loads: LoadResult[]; servers: ServerMemory[]; reconciles: ReconcileResult[]; generatedS: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-bench-load-'));
  const loads: LoadResult[] = [];
  const servers: ServerMemory[] = [];
  const reconciles: ReconcileResult[] = [];
  try {
    const t0 = performance.now();
    const large = generateDataset({ ...options.large, seed: 20201 });
    const generatedS = (performance.now() - t0) / 1000;
    const largeName = `generated (${large.nodes.length} nodes, ${large.relationships.length} rels)`;
    const file = path.join(dir, 'large.json');
    await writeFile(file, JSON.stringify(large));
    const neo4jEnv = options.neo4jUri ? { NEO4J_URI: options.neo4jUri } : null;
    for (const [graph, source] of [
      ['seed', options.seedsDir],
      [largeName, file],
    ] as const) {
      const db = path.join(dir, `${graph === 'seed' ? 'seed' : 'large'}.lbug`);
      console.error(`load ${graph} into LadybugDB`);
      loads.push(await cliLoad(graph, source, { STRATEGIGRAF_DB: db }, 'ladybug'));
      if (loads.at(-1)!.ok) {
        console.error(`server on ${graph}`);
        servers.push(await serverMemory(graph, db));
      }
      if (neo4jEnv) {
        console.error(`load ${graph} into Neo4j`);
        loads.push(await cliLoad(graph, source, neo4jEnv, 'neo4j'));
      }
    }

    const seeds = await loadDatasetDir(options.seedsDir);
    if (!seeds.ok) throw new Error(`${options.seedsDir} is not a valid dataset`);
    const findings: { graph: string; dataset: Dataset }[] = [
      { graph: 'seed', dataset: seeds.dataset },
      { graph: 'generated (6000 nodes, 30000 rels)', dataset: generateDataset({ nodes: 6000, relationships: 30000, seed: 20201 }) },
    ];
    for (const g of findings) {
      console.error(`reconcile ${g.graph}`);
      reconciles.push(await timeReconcile(g.graph, g.dataset, (d) => new LadybugStore({ path: path.join(d, 'r.lbug') })));
      if (options.neo4jUri) {
        const uri = options.neo4jUri;
        reconciles.push(
          await timeReconcile(
            g.graph,
            g.dataset,
            () =>
              new Neo4jStore({
                uri,
                user: process.env['NEO4J_USER'] || 'neo4j',
                password: process.env['NEO4J_PASSWORD'] || 'strategigraf-dev',
                log: () => undefined,
              }),
          ),
        );
      }
    }
    return { loads, servers, reconciles, generatedS };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
