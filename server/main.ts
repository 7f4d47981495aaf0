// Runs the HTTP server: opens the configured store, loads the seed dataset into an empty store, listens, and on
// SIGINT/SIGTERM stops taking requests, lets the running ones finish and closes the store.
import { existsSync } from 'node:fs';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { loadDatasetDir } from '../graph/dataset/load.js';
import { formatProblem } from '../graph/dataset/validate.js';
import { createStore, describeStore, positiveInt, queryLimitsFromEnv, storeConfigFromEnv, type QueryLimits } from '../graph/adapters/index.js';
import type { GraphSnapshot, GraphStore } from '../graph/store/port.js';
import { reviewedSnapshot } from '../graph/review/read.js';
import { reconcileAndReadAhead } from '../graph/work/followup/service.js';
import { buildApp, DEFAULT_REQUEST_TIMEOUT_MS } from './app.js';
import { authSettingsFromEnv, type AuthSettings } from './auth/config.js';
import { fullCollection, idleCollector } from './memory.js';
import { limitMallocArenas, trimNativeHeap } from './native-heap.js';
import { DEFAULT_SEEDS_DIR, DEFAULT_WEB_ROOT } from './paths.js';
import { DEFAULT_RATE_LIMITS, type RateLimitOptions } from './plugins/security.js';
import { reachableUrl, removeRuntimeFile, writeRuntimeFile } from './runtime-file.js';

type Env = Record<string, string | undefined>;

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '127.0.0.1';
/** glibc's arenas for a server: what deploy/strategigraf.service sets as MALLOC_ARENA_MAX, for every way of starting it. */
const MALLOC_ARENAS = 2;
/** How long the running requests get to finish on shutdown before their connections are cut. */
export const SHUTDOWN_DRAIN_MS = 5_000;
/** The last resort: exit without closing the store (an embedded file then replays its log on the next start). */
const SHUTDOWN_GRACE_MS = 10_000;

export interface ServerConfig {
  port: number;
  host: string;
  adminToken: string | undefined;
  /** Sign-in, sessions and the anonymous role; refuses to start on an incomplete or wrong OIDC configuration. */
  auth: AuthSettings;
  corsOrigin: string[];
  limits: QueryLimits;
  logLevel: string;
  webRoot: string | null;
  seedsDir: string;
  rateLimits: RateLimitOptions;
  requestTimeoutMs: number;
  /** Check every response's compiled serialisation against zod's (server/serialize.ts); for tests and fuzzing, not production. */
  verifyResponses: boolean;
}

function port(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`PORT must be a port number from 0 to 65535 (got "${raw}")`);
  return value;
}

export function serverConfigFromEnv(env: Env = process.env): ServerConfig {
  return {
    port: port(env['PORT']),
    host: env['HOST']?.trim() || DEFAULT_HOST,
    adminToken: env['STRATEGIGRAF_ADMIN_TOKEN'] || undefined,
    auth: authSettingsFromEnv(env),
    corsOrigin: (env['STRATEGIGRAF_CORS_ORIGIN'] ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o.length > 0),
    limits: queryLimitsFromEnv(env),
    logLevel: env['LOG_LEVEL'] || 'info',
    webRoot: DEFAULT_WEB_ROOT,
    seedsDir: env['STRATEGIGRAF_SEEDS'] || DEFAULT_SEEDS_DIR,
    rateLimits: {
      query: positiveInt(env, 'STRATEGIGRAF_QUERY_RATE_LIMIT', DEFAULT_RATE_LIMITS.query, 'requests a minute'),
      write: positiveInt(env, 'STRATEGIGRAF_WRITE_RATE_LIMIT', DEFAULT_RATE_LIMITS.write, 'requests a minute'),
    },
    requestTimeoutMs: positiveInt(env, 'STRATEGIGRAF_REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS, 'milliseconds'),
    verifyResponses: env['STRATEGIGRAF_VERIFY_RESPONSES'] === '1',
  };
}

export interface RunningServer {
  app: FastifyInstance;
  store: GraphStore;
  /** Where the server listens, e.g. http://127.0.0.1:3000. */
  url: string;
  /** Stops the server and closes the store; safe to call more than once. */
  close(): Promise<void>;
  /** Settles once the server has shut down (after close() or a signal). */
  closed: Promise<void>;
  /** Why the store could not be opened or seeded at start, or null when it was; requests needing it answer 503 meanwhile. */
  storeProblem: string | null;
  /** The store as the messages name it, e.g. "LadybugDB at data/strategigraf.lbug". */
  storeDescription: string;
}

export interface StartOptions {
  /** Install SIGINT/SIGTERM handlers (default true; tests turn it off). */
  handleSignals?: boolean;
  /** Overrides for the configuration read from the environment. */
  config?: Partial<ServerConfig>;
  /** The user id the process runs as (default process.getuid()); tests pass 0 to see the root warning. */
  uid?: number;
  /** How often to look whether the graph changed without this server's knowing (default GRAPH_WATCH_MS); tests shorten it. */
  graphWatchMs?: number;
  /** How long running requests may take on shutdown before their connections are cut (default SHUTDOWN_DRAIN_MS). */
  shutdownDrainMs?: number;
  /** Where the log goes (default standard output); tests pass a stream to read it. */
  logStream?: { write(line: string): void };
}

/** The warning for a server started as root, or null for any other user. */
export function rootWarning(uid: number | undefined): string | null {
  if (uid !== 0) return null;
  return 'running as root (uid 0): a flaw in the server or a dependency would own the whole machine; run it as an unprivileged user (see deploy/strategigraf.service)';
}

/** What the server says once it listens: ready, or listening while its store is unavailable, why, and what that means. */
export function startMessage(url: string, store: string, storeProblem: string | null): string {
  if (storeProblem === null) return `Strategigraf is running at ${url} (API docs at ${url}/docs)`;
  return (
    `Strategigraf is listening at ${url}, but its store (${store}) is unavailable: ${storeProblem}. ` +
    'Requests that need the graph answer 503 until it is fixed; every request retries the store and /api/health says when it is back'
  );
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Loads the seed dataset when the store holds no graph yet; problems are logged, and the server still starts. */
async function seedIfEmpty(store: GraphStore, seedsDir: string, log: FastifyInstance['log']): Promise<void> {
  const stats = await store.stats();
  if (total(stats.nodes) > 0) return;
  if (!existsSync(seedsDir)) {
    log.warn({ seedsDir }, 'the store is empty and there is no seed directory; starting with an empty graph');
    return;
  }
  const result = await loadDatasetDir(seedsDir);
  if (!result.ok) {
    log.error(
      { seedsDir, problems: result.problems.map(formatProblem) },
      `the seed dataset has ${result.problems.length} problems; starting with an empty graph`,
    );
    return;
  }
  await store.replaceDataset(result.dataset);
  log.info(
    { seedsDir, nodes: result.dataset.nodes.length, relationships: result.dataset.relationships.length },
    'loaded the seed dataset into the empty store',
  );
}

/** Tells CLIs on this machine where the server holding the database file listens (server/runtime-file.ts). */
async function recordRuntimeFile(db: string, url: string, log: FastifyBaseLogger): Promise<void> {
  try {
    const result = await writeRuntimeFile(db, url);
    if (result.written) log.debug({ file: result.file, url }, 'wrote the runtime file');
    else log.warn({ file: result.file }, `not replacing the runtime file: ${result.reason}`);
  } catch (err) {
    // The server works without it; only the CLI cannot find it while it holds the file.
    log.warn({ err }, 'could not write the runtime file; the CLI will not find this server (give it --server)');
  }
}

/**
 * Brings the follow-up in line with the data the store holds: it may have been loaded while no server ran (`strategigraf
 * load`). Run once listening, not before: the first run over a new dataset writes a record per finding (seconds), and a
 * follow-up request meanwhile waits for this same run. A failure is logged; the first follow-up read tries again.
 */
async function reconcileAtStart(store: GraphStore, log: FastifyInstance['log'], signal: AbortSignal): Promise<void> {
  try {
    const snapshot = await reviewedSnapshot(store);
    const collect = fullCollection();
    const summary = await reconcileAndReadAhead(store.work, snapshot, { signal, afterBurst: collect ?? undefined });
    // The list's read of every record left its garbage; the server is idle now, so collect it before the first request.
    collect?.('end');
    log.info({ followUp: summary }, 'follow-up reconciled with the data');
  } catch (err) {
    if (signal.aborted) return;
    log.warn({ err }, 'the follow-up could not be reconciled with the data at start; the first follow-up read tries again');
  }
}

/** A compacting collection in the first quiet moment after the heap grew (memory.ts says why); where gc can be had. */
function collectWhenIdle(app: FastifyInstance): void {
  const collect = fullCollection();
  if (!collect) return;
  // The collection at the 'end' moment trims the native heap too; a quiet moment with no collection due only trims it.
  const idle = idleCollector({
    collect: () => collect('end'),
    trim: trimNativeHeap,
    heapSize: () => process.memoryUsage().heapTotal,
    liveHeap: () => process.memoryUsage().heapUsed,
  });
  // Synchronous and on the response alone: every hook on every request costs throughput (docs/benchmarks.md, target 3).
  app.addHook('onResponse', (_request, _reply, done) => {
    idle.activity();
    done();
  });
  app.addHook('onClose', (_instance, done) => {
    idle.stop();
    done();
  });
}

/** How often the server looks whether the graph it analyses changed without its knowing (see watchGraph). */
export const GRAPH_WATCH_MS = 5_000;

/**
 * Keeps the analysis of the graph ahead of the readers. A server on Neo4j shares its database: another process (`strategigraf
 * load`, another server) may load a new graph, which the first request after it would otherwise read in full and analyse
 * (600,000 records and 20 s at 100,000 nodes). A review decision gives a new reviewed graph on either store, whose years
 * the next follow-up request would otherwise analyse. So every `everyMs` the server asks for the reviewed graph — on Neo4j
 * one small query for the generation, on the embedded store nothing but memory — and when it is not the one it last
 * reconciled, reconciles the follow-up with it and reads the list ahead. A request meanwhile waits for that same work
 * (reconcileAndReadAhead and Neo4jStore.snapshot() share a run under way) instead of starting its own.
 */
function watchGraph(store: GraphStore, log: FastifyInstance['log'], signal: AbortSignal, everyMs: number): () => Promise<void> {
  let seen: GraphSnapshot | null = null;
  let tick: Promise<void> | null = null;
  const check = async () => {
    try {
      const snapshot = await reviewedSnapshot(store);
      if (snapshot === seen || signal.aborted) return;
      const summary = await reconcileAndReadAhead(store.work, snapshot, { signal, afterBurst: fullCollection() ?? undefined });
      if (seen !== null) log.info({ followUp: summary }, 'the graph changed (a load by another process, or a review decision); follow-up reconciled with it');
      seen = snapshot;
    } catch (err) {
      // The store may be down for a while; the next tick tries again, and requests report the outage themselves.
      if (!signal.aborted) log.debug({ err }, 'could not look whether the graph changed');
    }
  };
  const timer = setInterval(() => {
    tick ??= check().finally(() => (tick = null));
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await tick;
  };
}

export async function startServer(env: Env = process.env, options: StartOptions = {}): Promise<RunningServer> {
  // Before the store opens, so that the engine's threads share a few arenas (native-heap.ts says why).
  limitMallocArenas(MALLOC_ARENAS);
  const config = { ...serverConfigFromEnv(env), ...options.config };
  const storeConfig = storeConfigFromEnv(env);
  // The store reports outages and recoveries; they go to the app's log once the app exists.
  let appLog: FastifyBaseLogger | undefined;
  const store = await createStore(storeConfig, { log: (level, message) => appLog?.[level]({ store: describeStore(storeConfig) }, message) });
  const app = await buildApp({
    store,
    limits: config.limits,
    adminToken: config.adminToken,
    auth: config.auth,
    corsOrigin: config.corsOrigin,
    webRoot: config.webRoot,
    rateLimits: config.rateLimits,
    requestTimeoutMs: config.requestTimeoutMs,
    verifyResponses: config.verifyResponses,
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
  });

  appLog = app.log;
  collectWhenIdle(app);
  const warning = rootWarning(options.uid ?? process.getuid?.());
  if (warning) app.log.warn(warning);
  let storeProblem: string | null = null;
  try {
    await store.open();
    await seedIfEmpty(store, config.seedsDir, app.log);
  } catch (err) {
    // Serve anyway (Neo4j may come back): /api/health reports 503 until the store is back, and every store call retries it.
    // The store's own message says what is wrong and what to do (e.g. a write-ahead log that cannot be replayed).
    storeProblem = err instanceof Error ? err.message : String(err);
    app.log.error({ err, store: describeStore(storeConfig) }, `the store could not be opened or seeded: ${storeProblem}`);
  }

  // Stopped between two writes on close, so the store is never closed under it.
  const stopReconcile = new AbortController();
  let startReconcile: Promise<void> = Promise.resolve();
  let stopWatching: () => Promise<void> = async () => undefined;
  let closing: Promise<void> | null = null;
  let markClosed!: () => void;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  const onSignal = (signal: NodeJS.Signals) => {
    app.log.info({ signal }, 'shutting down');
    void close();
  };

  // Only an embedded file needs one: several processes can share a Neo4j database, so the CLI reads it directly.
  const runtimeDb = storeConfig.backend === 'ladybug' && storeConfig.path !== ':memory:' ? storeConfig.path : null;
  const drainMs = options.shutdownDrainMs ?? SHUTDOWN_DRAIN_MS;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      for (const s of signals) process.off(s, onSignal);
      // First, so that a CLI started from now on does not come asking a server that is going away.
      if (runtimeDb) await removeRuntimeFile(runtimeDb).catch((err: unknown) => app.log.warn({ err }, 'removing the runtime file failed'));
      const force = setTimeout(() => {
        app.log.error(`shutdown took longer than ${SHUTDOWN_GRACE_MS} ms; exiting`);
        process.exit(1);
      }, SHUTDOWN_GRACE_MS);
      force.unref();
      // A client that stops reading a large answer, or never sends the body it announced, would otherwise hold its
      // connection — and the store — open until the force exit; cutting it lets the store close cleanly.
      const drain = setTimeout(() => {
        app.log.warn(`requests still running after ${drainMs} ms of shutdown; closing their connections`);
        app.server.closeAllConnections();
      }, drainMs);
      drain.unref();
      try {
        stopReconcile.abort();
        await startReconcile;
        await stopWatching();
        await app.close();
      } finally {
        clearTimeout(drain);
        await store.close().catch((err: unknown) => app.log.error({ err }, 'closing the store failed'));
        clearTimeout(force);
        app.log.info('stopped');
        markClosed();
      }
    })();
    return closing;
  };

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await app.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw err;
  }
  if (options.handleSignals ?? true) for (const s of signals) process.once(s, onSignal);
  if (storeProblem === null) startReconcile = reconcileAtStart(store, app.log, stopReconcile.signal);
  // Also when the store was unavailable at start: once it is back, the watch reconciles what the start could not.
  stopWatching = watchGraph(store, app.log, stopReconcile.signal, options.graphWatchMs ?? GRAPH_WATCH_MS);

  const address = app.server.address();
  const listening = typeof address === 'object' && address ? address : { address: config.host, port: config.port, family: 'IPv4' };
  const host = listening.family === 'IPv6' ? `[${listening.address}]` : listening.address;
  const url = `http://${host}:${listening.port}`;
  const storeDescription = describeStore(storeConfig);
  // Not while the store is unavailable: a CLI opening the file itself then gets the store's own reason (a lock, a log).
  if (runtimeDb && storeProblem === null) await recordRuntimeFile(runtimeDb, reachableUrl(listening), app.log);
  const message = startMessage(url, storeDescription, storeProblem);
  if (storeProblem === null) app.log.info({ url, store: storeDescription, docs: `${url}/docs` }, message);
  else app.log.error({ url, store: storeDescription, reason: storeProblem }, message);
  return { app, store, url, close, closed, storeProblem, storeDescription };
}
