// Which store to use, from the environment: Neo4j when NEO4J_URI is set, otherwise the embedded LadybugDB file.
import type { GraphStore } from './port.js';

export const DEFAULT_LADYBUG_PATH = 'data/strategigraf.lbug';
/** The credentials `npm run neo4j` sets up; the CLI and server assume them when NEO4J_USER/NEO4J_PASSWORD are unset. */
export const DEFAULT_NEO4J_USER = 'neo4j';
export const DEFAULT_NEO4J_PASSWORD = 'strategigraf-dev';

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

export type StoreConfig = { backend: 'ladybug'; path: string } | ({ backend: 'neo4j' } & Neo4jConfig);

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

type Env = Record<string, string | undefined>;

export function storeConfigFromEnv(env: Env = process.env): StoreConfig {
  const uri = env['NEO4J_URI']?.trim();
  if (uri) {
    return {
      backend: 'neo4j',
      uri,
      user: env['NEO4J_USER'] || DEFAULT_NEO4J_USER,
      password: env['NEO4J_PASSWORD'] || DEFAULT_NEO4J_PASSWORD,
      ...(env['NEO4J_DATABASE'] ? { database: env['NEO4J_DATABASE'] } : {}),
    };
  }
  return { backend: 'ladybug', path: env['STRATEGIGRAF_DB'] || DEFAULT_LADYBUG_PATH };
}

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

export type StoreLog = (level: 'info' | 'warn', message: string) => void;

/** Outages are worth a line on standard error; that the store is fine is not. */
const warningsToStderr: StoreLog = (level, message) => {
  if (level === 'warn') console.error(`warning: ${message}`);
};

/** Builds the configured adapter; each adapter's driver is loaded only when chosen. */
export async function createStore(config: StoreConfig, options: { log?: StoreLog } = {}): Promise<GraphStore> {
  if (config.backend === 'neo4j') {
    const { Neo4jStore } = await import('../adapters/neo4j/store.js');
    return new Neo4jStore({ ...config, log: options.log ?? warningsToStderr });
  }
  const { LadybugStore } = await import('../adapters/ladybug/store.js');
  return new LadybugStore({ path: config.path });
}

export function describeStore(config: StoreConfig): string {
  return config.backend === 'neo4j' ? `Neo4j at ${config.uri}${config.database ? ` (database ${config.database})` : ''}` : `LadybugDB at ${config.path}`;
}
