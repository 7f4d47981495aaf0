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

export interface LoadRound {
  result: LoadResult;
  /** Right after the round, and after a full collection. */
  afterRun: ServerMemory;
  after: ServerMemory;
}

export interface LoadTestResult {
  graph: string;
  loadSeconds: number;
  connections: number;
  seconds: number;
  /** The routes asked (READ_MIX, or the part of it --route chose). */
  mix: typeof READ_MIX;
  /** After loading and a warm-up run, after a full collection. */
  before: ServerMemory;
  /** The same run again and again against the same server: memory that grows every round is a leak, memory that settles is not. */
  rounds: LoadRound[];
}

export interface LoadTestOptions {
  nodes: number;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  rounds: number;
  /** Only the routes of READ_MIX whose name contains one of these (to find which route's calls grow memory). */
  routes?: string[];
}

export async function runLoadTest(options: LoadTestOptions): Promise<LoadTestResult> {
  const mixed = options.routes ? READ_MIX.filter((m) => options.routes!.some((r) => m.route.includes(r))) : READ_MIX;
  if (mixed.length === 0) throw new Error(`no route of the mix matches ${JSON.stringify(options.routes)}`);
  const server = await startBenchServer([`--graph=generated`, `--nodes=${options.nodes}`]);
  try {
    const { ready } = server;
    console.error(`${ready.graph}: loaded in ${ready.loadSeconds.toFixed(1)} s`);
    const random = mulberry32(15);
    const draw = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
    const total = mixed.reduce((a, m) => a + m.weight, 0);
    // 2,000 requests in a fixed order, each route in its share, asked in turn by all the connections.
    const paths = Array.from({ length: 2000 }, () => {
      let r = random() * total;
      const mix = mixed.find((m) => (r -= m.weight) < 0) ?? mixed[0]!;
      const id = draw(ready.ids);
      let other = draw(ready.ids);
      while (other === id) other = draw(ready.ids);
      return mix.path(encodeURIComponent(id), encodeURIComponent(other), draw(ready.terms));
    });
    await load({ origin: ready.api, paths, connections: options.connections, seconds: options.warmupSeconds });
    const before = await server.memory(true);
    console.error(`before: ${memoryLine(before)}`);
    const rounds: LoadRound[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      const result = await load({ origin: ready.api, paths, connections: options.connections, seconds: options.seconds });
      const afterRun = await server.memory(false);
      const after = await server.memory(true);
      rounds.push({ result, afterRun, after });
      console.error(`round ${round}: ${result.requests} requests, ${result.errors} errors; ${memoryLine(after)}`);
    }
    return { graph: ready.graph, loadSeconds: ready.loadSeconds, connections: options.connections, seconds: options.seconds, mix: mixed, before, rounds };
  } finally {
    await server.stop();
  }
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** One line of what the server's memory is made of, for the progress output. */
export function memoryLine(m: ServerMemory): string {
  const parts = [
    `RSS ${mib(m.rss)}${m.rssAtCollection === null ? '' : ` (${mib(m.rssAtCollection)} at the GC)`}`,
    `heap ${mib(m.heapUsed)}/${mib(m.heapTotal)}`,
    `external ${mib(m.external)} (array buffers ${mib(m.arrayBuffers)})`,
  ];
  const p = m.mappings;
  if (p)
    parts.push(
      `smaps RSS ${mib(p.rss)}, anonymous ${mib(p.anonymous)}: brk ${mib(p.brk)}, arenas ${mib(p.arenas)}, reservations ${mib(p.reservations)}, other ${mib(p.otherAnonymous)}; file ${mib(p.file)}`,
    );
  return parts.join(', ');
}
const growth = (after: number, before: number) => `${after >= before ? '+' : '−'}${(Math.abs(after / before - 1) * 100).toFixed(1)} %`;
const signedMib = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${(Math.abs(bytes) / 2 ** 20).toFixed(0)} MiB`;

/**
 * RSS that moves by less than this share of the RSS before is noise: V8 keeps or gives back free pages of its heap as it
 * sees fit, which moved RSS after a full GC by up to 40 MiB (2.5 %) between rounds of the same run on the 50,000-node graph.
 */
export const RSS_NOISE = 0.02;

export type MemoryVerdictKind = 'flat' | 'plateau' | 'grows';

/**
 * What the rounds say about memory, from RSS after each round's full GC (settled). A leak keeps growing; memory the first
 * round brings in (pages of the allocator or the engine touched for the first time) grows once and then stays. So:
 * "grows" when RSS after the last round is above RSS after the first by more than the noise (or, with one round only,
 * when that round grew by more than the noise: one round cannot tell), "plateau" when the first round grew by more than
 * the noise and the later ones did not, "flat" when neither did.
 */
export function memoryVerdict(
  before: Pick<ServerMemory, 'rss'>,
  rounds: readonly { after: Pick<ServerMemory, 'rss'> }[],
  noise = RSS_NOISE,
): { kind: MemoryVerdictKind; firstRound: number; laterRounds: number[] } {
  const rss = [before.rss, ...rounds.map((r) => r.after.rss)];
  const steps = rss.slice(1).map((after, i) => after - rss[i]!);
  const firstRound = steps[0] ?? 0;
  const laterRounds = steps.slice(1);
  const bound = noise * before.rss;
  const later = laterRounds.reduce((a, b) => a + b, 0);
  const kind: MemoryVerdictKind = (laterRounds.length ? later : firstRound) > bound ? 'grows' : firstRound > bound ? 'plateau' : 'flat';
  return { kind, firstRound, laterRounds };
}

/** The verdict as a sentence, with its figures. */
export function memoryVerdictLine(t: LoadTestResult): string {
  const { kind, firstRound, laterRounds } = memoryVerdict(t.before, t.rounds);
  const last = t.rounds.at(-1)!.after;
  const figures =
    `RSS ${mib(t.before.rss)} before, ${mib(last.rss)} after ${t.rounds.length} round${t.rounds.length === 1 ? '' : 's'} (${growth(last.rss, t.before.rss)}); ` +
    `round 1 ${signedMib(firstRound)}` +
    (laterRounds.length ? `, rounds 2–${t.rounds.length} ${laterRounds.map(signedMib).join(', ')}` : '') +
    `; JavaScript heap in use ${mib(t.before.heapUsed)} → ${mib(last.heapUsed)} (${growth(last.heapUsed, t.before.heapUsed)})`;
  const noise = `${(RSS_NOISE * 100).toFixed(0)} % of the RSS before (${mib(RSS_NOISE * t.before.rss)})`;
  if (kind === 'grows')
    return t.rounds.length === 1
      ? `**Memory: not met — RSS grew** by more than ${noise}, and one round cannot tell a leak from a plateau (run more with --rounds=N): ${figures}.`
      : `**Memory: not met — RSS kept growing after the first round** (rounds 2–${t.rounds.length} together by more than ${noise}), as a leak does: ${figures}.`;
  if (kind === 'plateau')
    return `**Memory: a plateau, not a leak** — the first round grew RSS by more than ${noise}, the later rounds together by less: ${figures}.`;
  return `**Memory: flat** — neither the first round nor the later ones together grew RSS by more than ${noise}: ${figures}.`;
}

const cpuLine = (from: ServerMemory, to: ServerMemory, r: LoadResult, seconds: number) => {
  const micros = to.cpuMicros - from.cpuMicros;
  return `${(micros / 1e6).toFixed(1)} s of ${seconds} s (${(micros / 1e4 / seconds).toFixed(0)} % of one core), ${(micros / 1000 / Math.max(1, r.requests)).toFixed(1)} ms a request`;
};

/** The first round (the target's 60 s run) in full. */
export function loadTestTable(t: LoadTestResult): string {
  const { before } = t;
  const { result, afterRun, after } = t.rounds[0]!;
  return [
    '| measure | value |',
    '| --- | ---: |',
    `| requests in ${t.seconds} s, ${t.connections} connections | ${result.requests} |`,
    `| throughput | ${result.requestsPerSecond.toFixed(0)} req/s |`,
    `| latency p50 / p99 | ${result.p50} ms / ${result.p99} ms |`,
    `| errors (socket errors and timeouts over 10 s) / non-2xx answers | ${result.errors} / ${result.non2xx} |`,
    // The server's own CPU time: on a shared machine, how much of a core it got and what a request cost it.
    `| server CPU time during the run | ${cpuLine(before, afterRun, result, t.seconds)} |`,
    `| server RSS before (after a warm-up run, a full GC and 1 s) | ${mib(before.rss)} |`,
    `| server RSS right after the run | ${mib(afterRun.rss)} (${growth(afterRun.rss, before.rss)}) |`,
    `| server RSS after the run, a full GC and 1 s | ${mib(after.rss)} (${growth(after.rss, before.rss)}) |`,
    `| JavaScript heap in use before / after, both after a full GC | ${mib(before.heapUsed)} / ${mib(after.heapUsed)} (${growth(after.heapUsed, before.heapUsed)}) |`,
  ].join('\n');
}

/** Every round: the same run again against the same server, memory after each (full GC, 1 s), broken down. */
export function loadRoundsTable(t: LoadTestResult): string {
  const row = (label: string, m: ServerMemory, previous: ServerMemory | null, r: LoadResult | null) => {
    const p = m.mappings;
    return [
      label,
      r ? `${r.requestsPerSecond.toFixed(0)} req/s, ${r.p50} / ${r.p99} ms, ${r.errors} / ${r.non2xx}` : '',
      previous ? `${mib(m.rss)} (${signedMib(m.rss - previous.rss)})` : mib(m.rss),
      m.rssAtCollection === null ? '' : mib(m.rssAtCollection),
      `${mib(m.heapUsed)} / ${mib(m.heapTotal)}`,
      mib(m.external),
      p ? `${mib(p.brk + p.arenas)}` : '',
      p ? `${mib(p.otherAnonymous + p.reservations)}` : '',
    ].join(' | ');
  };
  return [
    '| round | throughput, p50 / p99, errors / non-2xx | RSS (change from the row above) | RSS read the moment gc() returned | V8 heap in use / held | external (Buffers) | malloc arenas (main + others) | other anonymous (V8 pages, large allocations, buffer pool) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${row('before', t.before, null, null)} |`,
    ...t.rounds.map((r, i) => `| ${row(String(i + 1), r.after, i === 0 ? t.before : t.rounds[i - 1]!.after, r.result)} |`),
  ].join('\n');
}
