// What the HTTP load benchmarks share: the server process (bench/http-server.ts) and autocannon runs against it, over
// 127.0.0.1 only, each bounded in time.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import type { ServerMemory, ServerReady } from './http-server.js';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface BenchServer {
  ready: ServerReady;
  /** RSS and heap of the server process now; with `collect`, after a full garbage collection. */
  memory(collect?: boolean): Promise<ServerMemory>;
  /** A CPU profile of the server while `work` runs, written to `file` (a .cpuprofile for Chrome's DevTools). */
  profile<T>(file: string, work: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

/** Starts the server process and waits until it listens (loading a large graph takes a while). */
export async function startBenchServer(args: string[], nodeOptions: string[] = []): Promise<BenchServer> {
  const child: ChildProcess = fork(path.join(ROOT, 'bin/run-ts.mjs'), ['bench/http-server.ts', ...args], {
    cwd: ROOT,
    execArgv: ['--expose-gc', ...nodeOptions],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(type: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (m: { type: string }) => {
        if (m.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m as T);
      };
      const onExit = (code: number | null) => reject(new Error(`the benchmark server exited (${code}) before answering ${type}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await next<ServerReady>('ready');
  return {
    ready,
    memory: async (collect = false) => {
      const answer = next<ServerMemory>('memory');
      child.send({ type: collect ? 'gc' : 'memory' });
      return answer;
    },
    profile: async (file, work) => {
      const started = next('profiling');
      child.send({ type: 'profile-start' });
      await started;
      const result = await work();
      const written = next('profiled');
      child.send({ type: 'profile-stop', file });
      await written;
      return result;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send({ type: 'stop' });
        // Bounded: a server that does not stop in 20 s is ended.
        setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
      }),
  };
}

export interface LoadResult {
  requestsPerSecond: number;
  /** Latency percentiles in ms. */
  p50: number;
  p99: number;
  requests: number;
  /** Socket errors and timeouts. */
  errors: number;
  /** Responses other than 2xx. */
  non2xx: number;
}

/** One autocannon run: `paths` are asked in turn (one list shared by all connections), for `seconds`. */
export async function load(options: { origin: string; paths: string[]; connections: number; seconds: number }): Promise<LoadResult> {
  let next = 0;
  const { paths } = options;
  const result = await autocannon({
    url: options.origin,
    connections: options.connections,
    duration: options.seconds,
    // A request that takes longer than this is counted as an error, not waited for.
    timeout: 10,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
  });
  return {
    requestsPerSecond: result.requests.total / options.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
