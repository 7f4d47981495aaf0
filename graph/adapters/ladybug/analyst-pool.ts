// Analyst Cypher on the embedded store runs in worker processes, never in the server's process. Why:
// - The engine's memory is outside V8 and its query timeout is only advisory: `UNWIND range(1, 10000000) AS x RETURN
//   count(x)` ran 41 s past a 5 s timeout and kept 11 GB afterwards, and a parser crash would take the server with it.
//   Only a process boundary gives a hard stop (SIGKILL) that also returns all the memory.
// - Every `prepare` holds ~2.8 KB until its connection closes (the JS API has no close for a PreparedStatement), and
//   the server's analyst connection lived forever: 338 MB grew to 2.75 GB. Workers replace their connection every 200
//   queries and are themselves replaced every `recycleAfter` queries, so nothing the engine keeps can accumulate.
// How: each worker holds an in-memory copy of the current graph (the parent's cached snapshot, sent again after every
// load, detected by the snapshot's identity) with a bounded buffer pool and V8 heap. The parent gives each query the
// time left until its deadline as the engine's timeout and kills the worker at the deadline plus a grace period;
// it polls the worker's resident memory while the query runs and kills it past the limit. A worker that dies is
// replaced on the next query; the query it was running fails with a clear error. Workers exit with their parent.
import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CypherResult } from '../../schema/graph.js';
import type { AnalystWorkerLimits } from '../limits.js';
import {
  StoreError,
  queryCrashed,
  queryInvalid,
  queryTimeout,
  queryTooCostly,
  queueTimeout,
  storeUnavailable,
  type StoreErrorCode,
} from '../../store/errors.js';
import type { GraphSnapshot, ReadQueryOptions } from '../../store/port.js';
import type { FromWorker, ToWorker } from './analyst-worker.js';

const WORKER_ENTRY = fileURLToPath(new URL('./analyst-worker.mjs', import.meta.url));
/** Starting a worker (Node, tsx, the engine) and loading the graph into it are the server's warm-up, not the query's. */
const START_TIMEOUT_MS = 60_000;
const RSS_POLL_MS = 25;
/** A worker left holding this share of its memory limit after a query is replaced before the next one. */
const RETIRE_AT = 0.75;

const KNOWN_CODES = new Set<StoreErrorCode>(['read_only', 'query_timeout', 'row_cap_exceeded', 'query_invalid', 'response_too_large']);

/** Every live worker of this process, killed when it exits, however it exits. */
const live = new Set<ChildProcess>();
let exitHook = false;
function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const c of live) c.kill('SIGKILL');
  });
}

/** Resident memory of a process in MB, from /proc (Linux); null where that is not available. */
export async function residentMb(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

type Pending = { onMessage(message: FromWorker): void; onExit(detail: string): void };

class Worker {
  readonly child: ChildProcess;
  loaded: GraphSnapshot | null = null;
  queries = 0;
  exited = false;
  /** The one request in flight: a start, a load or a query. */
  pending: Pending | null = null;

  constructor(limits: AnalystWorkerLimits) {
    const heapMb = Math.max(128, Math.floor(limits.memoryMb / 4));
    this.child = fork(WORKER_ENTRY, [], {
      // Not the parent's flags (a test runner's or a debugger's): only the heap bound.
      execArgv: [`--max-old-space-size=${heapMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    track(this.child);
    this.child.on('message', (message: FromWorker) => this.pending?.onMessage(message));
    this.child.once('exit', (code, signal) => {
      this.exited = true;
      this.pending?.onExit(signal ? `killed by ${signal}` : `exit code ${code}`);
    });
    // An IPC write to a dead worker fails; the exit handler reports it.
    this.child.on('error', () => undefined);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Sends one message (or none) and waits for the reply `accept` recognises, failing on `ms` or the worker's death. */
  request<T>(message: ToWorker | null, ms: number, accept: (reply: FromWorker) => { value: T } | { error: Error } | null): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => done(() => reject(storeUnavailable('ladybug', new Error(`the analyst worker did not answer within ${ms} ms`)))), ms);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        this.pending = null;
        settle();
      };
      this.pending = {
        onMessage: (reply) => {
          const verdict = accept(reply);
          if (verdict) done(() => ('error' in verdict ? reject(verdict.error) : resolve(verdict.value)));
        },
        onExit: (detail) => done(() => reject(storeUnavailable('ladybug', new Error(`the analyst worker stopped (${detail})`)))),
      };
      if (this.exited) return this.pending.onExit('before the request');
      if (message) this.child.send(message);
    });
  }

  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  /** Asks the worker to exit (it does when its IPC channel closes), and kills it if it has not soon after. */
  retire(): void {
    if (this.exited) return;
    if (this.child.connected) this.child.disconnect();
    setTimeout(() => this.kill(), 2_000).unref();
  }
}

interface Slot {
  worker: Worker | null;
  busy: boolean;
}

export class AnalystPool {
  private readonly slots: Slot[];
  private readonly waiters: { take(slot: Slot): void }[] = [];
  private closed = false;
  private nextId = 0;

  constructor(private readonly limits: AnalystWorkerLimits) {
    this.slots = Array.from({ length: limits.workers }, () => ({ worker: null, busy: false }));
  }

  /** Process ids of the running workers, for tests and diagnostics. */
  pids(): number[] {
    return this.slots.flatMap((s) => (s.worker && !s.worker.exited ? [s.worker.pid] : []));
  }

  async run(snapshot: () => Promise<GraphSnapshot>, cypher: string, params: Record<string, unknown>, options: ReadQueryOptions): Promise<CypherResult> {
    if (this.closed) throw storeUnavailable('ladybug', new Error('the store is closed'));
    const deadline = options.deadline ?? Date.now() + options.timeoutMs;
    const slot = await this.acquire(deadline, options.timeoutMs);
    try {
      const warmStarted = Date.now();
      const worker = await this.ready(slot, await snapshot());
      return await this.execute(slot, worker, cypher, params, options, deadline + (Date.now() - warmStarted));
    } finally {
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots) {
      slot.worker?.kill();
      slot.worker = null;
    }
  }

  private acquire(deadline: number, timeoutMs: number): Promise<Slot> {
    const free = this.slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise<Slot>((resolve, reject) => {
      const waiter = {
        take: (slot: Slot) => {
          clearTimeout(timer);
          slot.busy = true;
          resolve(slot);
        },
      };
      const timer = setTimeout(
        () => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(queueTimeout(timeoutMs));
        },
        Math.max(0, deadline - Date.now()),
      );
      this.waiters.push(waiter);
    });
  }

  private release(slot: Slot): void {
    slot.busy = false;
    this.waiters.shift()?.take(slot);
  }

  /** The slot's worker, started if there is none, with `snapshot` loaded if it holds an older graph. */
  private async ready(slot: Slot, snapshot: GraphSnapshot): Promise<Worker> {
    if (slot.worker?.exited) slot.worker = null;
    let worker = slot.worker;
    if (!worker) {
      worker = slot.worker = new Worker(this.limits);
      try {
        await worker.request(null, START_TIMEOUT_MS, (m) => (m.type === 'ready' ? { value: undefined } : null));
      } catch (err) {
        worker.kill();
        slot.worker = null;
        throw err;
      }
    }
    if (worker.loaded !== snapshot) {
      const bufferBytes = Math.floor(this.limits.memoryMb / 2) * 1024 * 1024;
      try {
        await worker.request({ type: 'load', snapshot, bufferBytes }, START_TIMEOUT_MS, (m) =>
          m.type === 'loaded'
            ? { value: undefined }
            : m.type === 'load_failed'
              ? { error: storeUnavailable('ladybug', new Error(`loading the analyst worker failed: ${m.message}`)) }
              : null,
        );
      } catch (err) {
        worker.kill();
        slot.worker = null;
        throw err;
      }
      worker.loaded = snapshot;
    }
    return worker;
  }

  private async execute(
    slot: Slot,
    worker: Worker,
    cypher: string,
    params: Record<string, unknown>,
    options: ReadQueryOptions,
    deadline: number,
  ): Promise<CypherResult> {
    const { memoryMb, graceMs } = this.limits;
    const id = ++this.nextId;
    // Once a query has its worker it runs, however little of its time is left: the engine stops it at the deadline.
    const engineTimeoutMs = Math.max(1, deadline - Date.now());
    let stopped: StoreError | null = null;
    const stop = (error: StoreError) => {
      stopped ??= error;
      worker.kill();
    };
    // The hard stop: the engine checks its timeout only between steps, and some steps (a huge list) take far longer.
    const hard = setTimeout(() => stop(queryTimeout(options.timeoutMs)), engineTimeoutMs + graceMs);
    let polling = false;
    const watch = setInterval(() => {
      if (polling) return;
      polling = true;
      void residentMb(worker.pid)
        .then((mb) => {
          if (mb !== null && mb > memoryMb) stop(queryTooCostly(memoryMb));
        })
        .finally(() => (polling = false));
    }, RSS_POLL_MS);
    try {
      const message: ToWorker = {
        type: 'query',
        id,
        cypher,
        params,
        options: { timeoutMs: options.timeoutMs, engineTimeoutMs, rowCap: options.rowCap, maxResponseBytes: options.maxResponseBytes },
      };
      return await worker.request<CypherResult>(message, 2 ** 31 - 1, (m) => {
        if (m.type === 'result' && m.id === id) return { value: m.result };
        if (m.type === 'error' && m.id === id) return { error: this.translate(m.code, m.message) };
        return null;
      });
    } catch (err) {
      if (stopped) throw stopped;
      if (this.closed) throw storeUnavailable('ladybug', new Error('the store was closed while the query ran'));
      if (worker.exited) throw queryCrashed(err instanceof Error ? (/\(([^)]*)\)$/.exec(err.message)?.[1] ?? err.message) : String(err));
      throw err;
    } finally {
      clearTimeout(hard);
      clearInterval(watch);
      if (worker.exited) {
        if (slot.worker === worker) slot.worker = null;
      } else if (++worker.queries >= this.limits.recycleAfter || ((await residentMb(worker.pid)) ?? 0) > memoryMb * RETIRE_AT) {
        // Whatever the engine keeps between queries goes back to the system with the process.
        worker.retire();
        if (slot.worker === worker) slot.worker = null;
      }
    }
  }

  private translate(code: StoreErrorCode | null, message: string): StoreError {
    if (/buffer (pool|manager)|out of memory|unable to allocate/i.test(message)) return queryTooCostly(this.limits.memoryMb);
    if (code && KNOWN_CODES.has(code)) return new StoreError(code, message);
    return queryInvalid(message);
  }
}
