// Bounds on analysts' queries and the embedded store's worker processes, from the environment.

export interface QueryLimits {
  /** One deadline per analyst query, from arrival: waiting for a turn, parsing and running all count. */
  timeoutMs: number;
  rowCap: number;
  /** Largest result, in bytes of JSON, before the query is stopped with response_too_large. */
  responseBytes?: number;
  /** Queries that may run at once (the embedded store runs this many worker processes). */
  concurrency?: number;
  /** Queries one client (IP address) may have waiting; past it the API answers 429. */
  queuePerClient?: number;
}

/** The embedded store's analyst worker processes (graph/adapters/ladybug/analyst-pool.ts). */
export interface AnalystWorkerLimits {
  /** Resident memory of one worker process; past it the running query is stopped with query_too_costly. */
  memoryMb: number;
  /** Worker processes, at most; one query runs in each at a time. */
  workers: number;
  /** A worker is replaced after this many queries, so that anything the engine leaks is returned. */
  recycleAfter: number;
  /** How long past a query's deadline the engine gets to stop it itself before its process is killed. */
  graceMs: number;
}

export const DEFAULT_QUERY_LIMITS: Required<QueryLimits> = {
  timeoutMs: 5000,
  rowCap: 5000,
  responseBytes: 4 * 1024 * 1024,
  concurrency: 2,
  queuePerClient: 4,
};

export const DEFAULT_ANALYST_WORKER_LIMITS: AnalystWorkerLimits = {
  memoryMb: 1024,
  workers: DEFAULT_QUERY_LIMITS.concurrency,
  recycleAfter: 5000,
  graceMs: 1000,
};

export type Env = Record<string, string | undefined>;

/** A positive whole number from the environment, or the fallback when unset; `unit`, if given, names it in the error. */
export function positiveInt(env: Env, name: string, fallback: number, unit?: string): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number${unit ? ` of ${unit}` : ''} (got "${raw}")`);
  return value;
}

export function queryLimitsFromEnv(env: Env = process.env): Required<QueryLimits> {
  const d = DEFAULT_QUERY_LIMITS;
  return {
    timeoutMs: positiveInt(env, 'STRATEGIGRAF_QUERY_TIMEOUT_MS', d.timeoutMs, 'milliseconds'),
    rowCap: positiveInt(env, 'STRATEGIGRAF_QUERY_ROW_CAP', d.rowCap, 'rows'),
    responseBytes: positiveInt(env, 'STRATEGIGRAF_QUERY_RESPONSE_BYTES', d.responseBytes, 'bytes'),
    concurrency: positiveInt(env, 'STRATEGIGRAF_QUERY_WORKERS', d.concurrency),
    queuePerClient: positiveInt(env, 'STRATEGIGRAF_QUERY_QUEUE_PER_CLIENT', d.queuePerClient, 'queries'),
  };
}

export function analystWorkerLimitsFromEnv(env: Env = process.env): AnalystWorkerLimits {
  const d = DEFAULT_ANALYST_WORKER_LIMITS;
  return {
    memoryMb: positiveInt(env, 'STRATEGIGRAF_QUERY_MEMORY_MB', d.memoryMb, 'megabytes'),
    workers: positiveInt(env, 'STRATEGIGRAF_QUERY_WORKERS', d.workers),
    recycleAfter: positiveInt(env, 'STRATEGIGRAF_QUERY_WORKER_RECYCLE', d.recycleAfter, 'queries'),
    graceMs: positiveInt(env, 'STRATEGIGRAF_QUERY_GRACE_MS', d.graceMs, 'milliseconds'),
  };
}

/**
 * The embedded store's buffer pool by default, in megabytes: the engine's memory for pages and intermediate results,
 * outside V8's heap. A load is one transaction whose uncommitted graph lives in this pool, so a pool too small for the
 * dataset fails the load (load_failed, saying to raise STRATEGIGRAF_LADYBUG_BUFFER_MB; the old graph stays whole):
 * 5,000 nodes and 20,000 relationships fail with 32 MB and load with 128 MB, and 100,000 nodes and 500,000
 * relationships load with 1,024 MB (141 s, peak 2.9 GiB against 3.2 unbounded). The engine's own default, 80 % of the
 * machine's RAM, let one load take most of the machine, and its bookkeeping costs about 2 MiB resident per GB of pool
 * whatever is loaded (36 MiB on a 24 GiB machine, open at 100,000 nodes: 244 MiB against 210 with 1,024 MB).
 * docs/benchmarks.md has the figures.
 */
export const DEFAULT_LADYBUG_BUFFER_MB = 2048;

export function ladybugBufferMbFromEnv(env: Env = process.env): number {
  return positiveInt(env, 'STRATEGIGRAF_LADYBUG_BUFFER_MB', DEFAULT_LADYBUG_BUFFER_MB, 'megabytes');
}
