// The server side of the HTTP load benchmarks (bench/throughput.ts, bench/load-test.ts), in its own process so the load
// generator does not share its event loop: the real app on an embedded store loaded with the seed graph or a generated
// one, and beside it the anchor, a bare Fastify route with the same server options. Both listen on 127.0.0.1 only.
// Talks to its parent over IPC: sends "ready" with the addresses and some node ids, answers "memory" with its RSS and heap.
// Arguments: --graph=seed|generated, --nodes=N (generated: N nodes, 5N relationships), --seeds=DIR.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { LadybugStore } from '../graph/adapters/ladybug/store.js';
import { loadDatasetDir } from '../graph/dataset/load.js';
import type { Dataset } from '../graph/schema/dataset.js';
import { buildApp, fastifyOptions } from '../server/app.js';
import { generateDataset } from './synthetic/dataset.js';
import { mulberry32 } from './synthetic/rng.js';

export interface ServerReady {
  type: 'ready';
  /** The bare Fastify route: GET <bare>/bare. */
  bare: string;
  /** The real app's origin. */
  api: string;
  graph: string;
  nodes: number;
  relationships: number;
  loadSeconds: number;
  /** Node ids to ask for, drawn with a fixed seed. */
  ids: string[];
  /** Search terms (first word of a name), drawn with the same seed. */
  terms: string[];
}

export interface ServerMemory {
  type: 'memory';
  rss: number;
  /** With a collection: RSS read the moment gc() returned, before V8 gave the freed pages back (`rss` is a second later). */
  rssAtCollection: number | null;
  heapUsed: number;
  /** The V8 heap's pages, in use or not. */
  heapTotal: number;
  /** Memory of Buffers and other objects V8 tracks outside its heap (arrayBuffers is part of it). */
  external: number;
  arrayBuffers: number;
  /** Resident memory of the process's mappings (/proc/self/smaps), by what they are; null where there is no /proc. */
  mappings: ResidentMappings | null;
  /** CPU time the process has used, user and system, in µs (process.cpuUsage): unlike wall time, other tenants of the machine do not add to it. */
  cpuMicros: number;
}

const argv = process.argv.slice(2);
const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

async function dataset(): Promise<{ graph: string; dataset: Dataset }> {
  if (arg('graph') === 'seed') {
    const dir = arg('seeds') ?? 'seeds';
    const seeds = await loadDatasetDir(dir);
    if (!seeds.ok) throw new Error(`${dir} is not a valid dataset`);
    return { graph: `seed (${seeds.dataset.nodes.length} nodes)`, dataset: seeds.dataset };
  }
  const nodes = Number(arg('nodes') ?? 50_000);
  const generated = generateDataset({ nodes, relationships: nodes * 5, seed: 20201 });
  return { graph: `generated (${generated.nodes.length} nodes, ${generated.relationships.length} rels)`, dataset: generated };
}

/** Resident bytes by kind of mapping: what RSS is made of beyond the JavaScript heap. */
export interface ResidentMappings {
  /** Resident memory in all (smaps_rollup), read after process.memoryUsage(). */
  rss: number;
  /** Anonymous memory in all: the V8 heap, the allocator's arenas, the engine's buffer pool, thread stacks. */
  anonymous: number;
  /** The main malloc arena (brk, "[heap]"). */
  brk: number;
  /** glibc's other malloc arenas: anonymous mappings of at most 64 MiB starting on a 64 MiB boundary. */
  arenas: number;
  /** Anonymous mappings of 1 GiB or more (reserved address space: the engine's buffer pool reserves it so). */
  reservations: number;
  /** Every other anonymous mapping: V8's heap pages, large mallocs (mmap), stacks. */
  otherAnonymous: number;
  /** Files mapped in: the binary, shared libraries, the native addon. */
  file: number;
}

const ARENA = 64 * 2 ** 20;

async function residentMappings(): Promise<ResidentMappings | null> {
  let text: string;
  try {
    text = await readFile('/proc/self/smaps', 'utf8');
  } catch {
    return null;
  }
  const out: ResidentMappings = { rss: 0, anonymous: 0, brk: 0, arenas: 0, reservations: 0, otherAnonymous: 0, file: 0 };
  let start = 0;
  let size = 0;
  let name = '';
  for (const line of text.split('\n')) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      start = parseInt(header[1]!, 16);
      size = parseInt(header[2]!, 16) - start;
      name = header[3]!;
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (!rss) continue;
    const bytes = Number(rss[1]) * 1024;
    if (name === '[heap]') out.brk += bytes;
    else if (name.startsWith('/')) out.file += bytes;
    else if (size >= 2 ** 30) out.reservations += bytes;
    else if (size <= ARENA && start % ARENA === 0) out.arenas += bytes;
    else out.otherAnonymous += bytes;
  }
  const rollup = await readFile('/proc/self/smaps_rollup', 'utf8').catch(() => '');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? NaN) * 1024;
  out.anonymous = kb('Anonymous');
  out.rss = kb('Rss');
  return out;
}

const send = (message: ServerReady | ServerMemory) => process.send?.(message);

const { graph, dataset: data } = await dataset();
const dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-bench-http-'));
const store = new LadybugStore({ path: path.join(dir, 'graph.lbug') });
const t0 = performance.now();
await store.open();
await store.replaceDataset(data);
// The embedded store reads the graph into memory on the first read: do it now, not in the first measured request.
await store.snapshot();
const loadSeconds = (performance.now() - t0) / 1000;

const app = await buildApp({ store, webRoot: null, rateLimits: { query: 1_000_000, write: 1_000_000 } });
const bare = Fastify(fastifyOptions({}));
bare.get('/bare', async () => ({ hello: 'world' }));

const random = mulberry32(7);
const pick = () => data.nodes[Math.floor(random() * data.nodes.length)]!;
const ids = Array.from({ length: 500 }, () => pick().id);
const terms = Array.from({ length: 100 }, () => pick().name.split(' ')[0]!.slice(0, 6));

async function close(): Promise<void> {
  await Promise.allSettled([app.close(), bare.close()]);
  await store.close();
  await rm(dir, { recursive: true, force: true });
}

/** What `memory` sends: `gc` collects first, then waits a second for V8's background threads to give freed pages back. */
async function memory(collect: boolean): Promise<ServerMemory> {
  let rssAtCollection: number | null = null;
  if (collect) {
    // With --expose-gc: a full collection first, so "after" compares live memory, not garbage not yet collected.
    (globalThis as { gc?: () => void }).gc?.();
    rssAtCollection = process.memoryUsage.rss();
    // gc() returns before the pages it freed are unmapped (V8 does that on background threads): RSS read at once can
    // still hold 100-300 MiB of a heap already collected on the 50,000-node graph, so it is read again once that is done.
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  // CPU time first: reading the mappings is not part of what was measured.
  const cpu = process.cpuUsage();
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  const mappings = await residentMappings();
  return { type: 'memory', rss, rssAtCollection, heapUsed, heapTotal, external, arrayBuffers, mappings, cpuMicros: cpu.user + cpu.system };
}

process.on('message', (message: { type: string }) => {
  if (message.type === 'memory' || message.type === 'gc') {
    void memory(message.type === 'gc').then(send);
  } else if (message.type === 'profile-start') {
    // A CPU profile of exactly the profiled window (not the load or the start-up), for --profile runs (bench/throughput.ts).
    void startProfile();
  } else if (message.type === 'profile-stop') {
    void stopProfile((message as { type: string; file: string }).file);
  } else if (message.type === 'stop') {
    void close().then(() => process.exit(0));
  }
});
let profiler: Session | null = null;
async function startProfile(): Promise<void> {
  profiler = new Session();
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
  process.send?.({ type: 'profiling' });
}
async function stopProfile(file: string): Promise<void> {
  const { profile } = await profiler!.post('Profiler.stop');
  await writeFile(file, JSON.stringify(profile));
  profiler!.disconnect();
  profiler = null;
  process.send?.({ type: 'profiled', file });
}

process.on('disconnect', () => void close().then(() => process.exit(0)));

send({
  type: 'ready',
  bare: await bare.listen({ host: '127.0.0.1', port: 0 }),
  api: await app.listen({ host: '127.0.0.1', port: 0 }),
  graph,
  nodes: data.nodes.length,
  relationships: data.relationships.length,
  loadSeconds,
  ids,
  terms,
});
