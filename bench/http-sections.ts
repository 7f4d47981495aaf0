// The two HTTP load parts of `npm run bench` (--only=throughput, --only=load-test), each writing its own section of
// docs/benchmarks.md.
import { MACHINE, writeSection } from './doc.js';
import type { ServerMemory } from './http-server.js';
import { loadRoundsTable, loadTestTable, memoryVerdictLine, READ_MIX, runLoadTest } from './load-test.js';
import { ANCHOR, runThroughput, throughputTable } from './throughput.js';

interface PartOptions {
  quick: boolean;
  write: boolean;
  argv: string[];
}

/** The generated graph's size: --nodes=N (5N relationships); 50,000 by default, 5,000 in quick mode. */
function nodesOf(options: PartOptions): number {
  const given = options.argv.find((a) => a.startsWith('--nodes='))?.slice('--nodes='.length);
  const nodes = given === undefined ? (options.quick ? 5_000 : 50_000) : Number(given);
  if (!Number.isSafeInteger(nodes) || nodes < 100) throw new Error(`--nodes takes a whole number of at least 100, not ${JSON.stringify(given)}`);
  return nodes;
}

/** --profile=DIR: a CPU profile of the server per route, graph and connection count, in an extra run of each. */
function profileDirOf(options: PartOptions): { profileDir?: string } {
  const dir = options.argv.find((a) => a.startsWith('--profile='))?.slice('--profile='.length);
  return dir ? { profileDir: dir } : {};
}

const runLine = (quick: boolean) =>
  `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${MACHINE}${quick ? ' (quick mode: small graph, short runs — not the reference figures)' : ''}.`;

export async function throughputBenchmark(options: PartOptions): Promise<void> {
  const seconds = options.quick ? 2 : 5;
  const rounds = options.quick ? 1 : 3;
  const rows = await runThroughput({
    graphs: [['--graph=seed'], ['--graph=generated', `--nodes=${nodesOf(options)}`]],
    seconds,
    rounds,
    connections: [4, 16],
    ...profileDirOf(options),
  });
  const body = [
    '## API throughput against a bare Fastify route',
    '',
    runLine(options.quick),
    'autocannon (in the benchmark process) against one server process over 127.0.0.1: the real app on the embedded store, and beside it',
    `the anchor, a Fastify instance with the app's own server options (\`fastifyOptions\` in server/app.ts) and one route answering`,
    '`{"hello":"world"}` with no plugins or hooks. The routes ask 500 node ids drawn with a fixed seed in turn. After a 2 s warm-up of',
    `each, the anchor and the two routes are measured in turns, ${rounds} round${rounds === 1 ? '' : 's'} of ${seconds} s each, so a burst of load from`,
    "the machine's other tenants falls on all three alike; each row is the round with the median requests a second (errors and",
    'non-2xx answers are of all rounds). "Share of the anchor" compares those medians, same connection count and graph.',
    "Server CPU per request is the server process's user and system time (process.cpuUsage) over all rounds divided by the requests",
    "answered: other tenants of the machine slow a run down but add nothing to it, so the anchor's CPU per request over a route's is",
    'the share of the anchor the route would reach on a machine to itself.',
    '',
    throughputTable(rows),
  ].join('\n');
  if (options.write) await writeSection('throughput', body);
  console.log(body);
  const worst = Math.min(...rows.filter((r) => r.route !== ANCHOR).map((r) => r.ofAnchor));
  console.error(`lowest share of the anchor: ${(worst * 100).toFixed(0)} %`);
}

/** --NAME=N, a whole number of at least `least`, or `otherwise`. */
function countOf(options: PartOptions, name: string, least: number, otherwise: number): number {
  const given = options.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (given === undefined) return otherwise;
  const n = Number(given);
  if (!Number.isSafeInteger(n) || n < least) throw new Error(`--${name} takes a whole number of at least ${least}, not ${JSON.stringify(given)}`);
  return n;
}

/** How much more RSS read the moment gc() returned showed than RSS read a second later, at most over the measures. */
function atCollectionGap(r: { before: ServerMemory; rounds: { after: ServerMemory }[] }): string {
  const gaps = [r.before, ...r.rounds.map((x) => x.after)].map((m) => (m.rssAtCollection ?? m.rss) - m.rss);
  return `${(Math.max(0, ...gaps) / 2 ** 20).toFixed(0)} MiB`;
}

export async function loadTestBenchmark(options: PartOptions): Promise<void> {
  const seconds = countOf(options, 'seconds', 1, options.quick ? 10 : 60);
  const rounds = countOf(options, 'rounds', 1, options.quick ? 2 : 4);
  const routes = options.argv.filter((a) => a.startsWith('--route=')).map((a) => a.slice('--route='.length));
  const connections = 50;
  const r = await runLoadTest({
    nodes: nodesOf(options),
    connections,
    seconds,
    warmupSeconds: options.quick ? 3 : 10,
    rounds,
    ...(routes.length ? { routes } : {}),
  });
  const mix = r.mix.map((m) => `\`${m.route}\` ${m.weight} %`).join(', ');
  const body = [
    '## Sustained mixed read load',
    '',
    runLine(options.quick),
    `The real app on the embedded store with the ${r.graph} graph (loaded in ${r.loadSeconds.toFixed(0)} s), in its own process;`,
    `autocannon over 127.0.0.1 with ${connections} connections for ${seconds} s after a warm-up run, each connection asking the next of 2,000`,
    `requests drawn with a fixed seed: ${mix}.${r.mix.length < READ_MIX.length ? ' (Part of the mix only, chosen with --route.)' : ' Gaps and coverage (seconds a call on this graph) are not in the mix.'}`,
    `Then the same run ${rounds - 1} more time${rounds === 2 ? '' : 's'} against the same server, so that memory which grows once (the first round's) can be told`,
    "from memory which keeps growing. Memory is the server process's own (process.memoryUsage, and /proc/self/smaps for what RSS",
    'is made of); "after a full GC" means gc() with --expose-gc and then a 1 s wait: gc() returns before V8 has given the',
    `pages it freed back to the system, and RSS read at that moment (a column below) still counts them, by up to ${atCollectionGap(r)} in this run.`,
    '',
    memoryVerdictLine(r),
    '',
    `The first round (the ${seconds} s run of the target):`,
    '',
    loadTestTable(r),
    '',
    'Every round (throughput and latency of the round; memory after its full GC). Malloc arenas are the main arena (brk) and',
    "glibc's other arenas (anonymous mappings of at most 64 MiB on a 64 MiB boundary), where the engine allocates; the",
    "V8 heap's pages are in the last column, which moves with the heap held.",
    '',
    loadRoundsTable(r),
  ].join('\n');
  if (options.write) await writeSection('load-test', body);
  console.log(body);
}
