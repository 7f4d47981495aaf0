// The embedded store: LadybugDB (the maintained successor of Kuzu), in-process, in a file or in memory.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import lbug from '@ladybugdb/core';
import type { Connection, Database, PreparedStatement, QueryResult } from '@ladybugdb/core';
import { NODE_KINDS, RELATIONSHIP_TYPES } from '../../ontology.js';
import type { Dataset } from '../../schema/dataset.js';
import type { CypherResult, GraphNode, GraphPath, GraphStats, NodeDetail, Neighborhood } from '../../schema/graph.js';
import { StoreError, loadFailed, queryInvalid, storeUnavailable } from '../../store/errors.js';
import type {
  GraphSnapshot,
  GraphStore,
  NeighborOptions,
  PathOptions,
  ReadQueryOptions,
  ReplaceOptions,
  SearchOptions,
  StoreHealth,
} from '../../store/port.js';
import { progressReporter } from '../shared/progress.js';
import { byId } from '../../schema/records.js';
import { StringPool } from '../../schema/string-pool.js';
import { countGraph, parseDatasetMeta } from '../shared/records.js';
import { GraphProjection } from '../../projection/projection.js';
import { assertAnalystQueryAllowed } from '../shared/analyst-query.js';
import { analystWorkerLimitsFromEnv, ladybugBufferMbFromEnv, type AnalystWorkerLimits } from '../limits.js';
import type { LadybugConfig } from './config.js';
import { AnalystPool } from './analyst-pool.js';
import { SerialQueue } from './serial-queue.js';
import { LadybugWorkStore, workDatabasePath } from './work-store.js';
import { ladybugDialect as q } from './dialect.js';
import { ladybugNamedQueries } from './named-queries.js';
import { runNamedQuery, type NamedQueryResult } from '../../queries/named.js';
import { writeGraph } from './write-graph.js';
import { dropStatements, legacySchemaFingerprint, META_TABLE, schemaFingerprint, schemaStatements } from './schema.js';
import { edgeFromValue, fromLadybugValue, nodeFromValue } from './values.js';
import { claimFile, createAside, fileSize, isWalReplayFailure, releaseFile, UnreplayableWalError, walPath } from './files.js';

type Params = Record<string, unknown>;

interface PooledConnection {
  conn: Connection;
  queue: SerialQueue;
  pending: number;
  /** The adapter's own statements are few and fixed, so each is prepared once per connection. */
  prepared: Map<string, PreparedStatement>;
}

export interface LadybugStoreOptions extends LadybugConfig {
  readConnections?: number;
  /** Bounds on the analyst worker processes; from the environment when not given. */
  analyst?: AnalystWorkerLimits;
  /** The main database's buffer pool in megabytes; from the environment (limits.ts) when not given, else the engine's default. */
  bufferMb?: number;
  /** Open the path as it is, even when it does not exist yet: only for the file createFile() builds aside. */
  inPlace?: boolean;
}

export class LadybugStore implements GraphStore {
  readonly backend = 'ladybug' as const;
  private db: Database | null = null;
  private writer: PooledConnection | null = null;
  private readers: PooledConnection[] = [];
  private opening: Promise<void> | null = null;
  /**
   * The whole graph as last committed, read in one read-only transaction, with its projection: gaps, coverage, exports,
   * look-ups, neighbourhoods and paths all answer from it, so each answer comes from one graph. This process is the
   * file's only writer (Ladybug locks it), so replaceDataset swaps in the new graph after its commit, and until then
   * readers keep being served the old one instead of waiting.
   */
  private graph: Promise<LoadedGraph> | null = null;
  /** Runs analyst Cypher (readQuery) in worker processes; started on the first such query. */
  private analystPool: AnalystPool | null = null;
  /** In a database of its own beside this one (work-store.ts says why), opened on first use. */
  readonly work: LadybugWorkStore;

  constructor(private readonly options: LadybugStoreOptions) {
    this.work = new LadybugWorkStore(workDatabasePath(options.path));
  }

  open(): Promise<void> {
    // One initialisation shared by every caller: the database and connections must be ready before concurrent use.
    this.opening ??= this.doOpen().catch((err) => {
      this.opening = null;
      throw storeUnavailable(this.backend, err);
    });
    return this.opening;
  }

  private async doOpen(): Promise<void> {
    const inFile = this.options.path !== ':memory:';
    if (inFile) await mkdir(path.dirname(path.resolve(this.options.path)), { recursive: true });
    if (inFile && !this.options.inPlace && (await fileSize(this.options.path)) === null) await this.createFile();
    // throwOnWalReplayFailure stays true (the default): false makes the engine replay up to the bad record, drop the
    // rest and truncate the log, losing acknowledged writes silently. Failing is better: `strategigraf recover` keeps it.
    let db: Database;
    try {
      db = await this.openEngine();
    } catch (err) {
      if (inFile && isWalReplayFailure(err) && ((await fileSize(walPath(this.options.path))) ?? 0) > 0) throw new UnreplayableWalError(this.options.path, err);
      throw err;
    }
    if (inFile) await claimFile(this.options.path);
    const connect = async (): Promise<PooledConnection> => ({ conn: await connectTo(db), queue: new SerialQueue(), pending: 0, prepared: new Map() });
    this.db = db;
    this.writer = await connect();
    this.readers = await Promise.all(Array.from({ length: this.options.readConnections ?? 3 }, connect));
    await this.ensureSchema();
  }

  /** The buffer pool's bound in MB (limits.ts says why this one). */
  private get bufferMb(): number {
    return this.options.bufferMb ?? ladybugBufferMbFromEnv();
  }

  private async openEngine(): Promise<Database> {
    const db = new lbug.Database(this.options.path, this.bufferMb * 1024 * 1024);
    try {
      await db.init();
    } catch (err) {
      await db.close().catch(() => undefined);
      throw err;
    }
    return db;
  }

  /**
   * Runs `task` with every connection idle and held: the writer first, then each reader, an order no other holder
   * reverses (a replace holds the writer and reads on a reader; nothing holds a reader and waits for the writer).
   */
  private exclusive<T>(task: () => Promise<T>, writerHeld = false): Promise<T> {
    const queues = [...(writerHeld ? [] : [this.writer!]), ...this.readers].map((pooled) => pooled.queue);
    return queues.reduceRight<() => Promise<T>>((inner, queue) => () => queue.run(inner), task)();
  }

  /**
   * The engine keeps every page it read in its buffer pool until the pool is full, and a pool larger than the file (the
   * default 2,048 MB against 122 MB at 100,000 nodes) never is: after the whole graph is read into memory (loadGraph),
   * the pool holds the file's pages for the process's life (86 MiB at 100,000 nodes). Closing the database gives them
   * back; it reopens at once with fresh connections. The lock record beside the file (claimFile) stays, so no other
   * strategigraf process opens the file in that moment. Only for a file: an in-memory database would be lost.
   */
  private async releasePages(writerHeld = false): Promise<void> {
    if (this.options.path === ':memory:' || !this.db) return;
    const pooled = [this.writer!, ...this.readers];
    await this.exclusive(async () => {
      for (const p of pooled) await p.conn.close();
      await this.db!.close();
      this.db = null;
      try {
        const db = await this.openEngine();
        for (const p of pooled) {
          p.conn = await connectTo(db);
          p.prepared.clear();
        }
        this.db = db;
      } catch {
        // Not an error of the read or the load that came before (the graph in memory is the committed one): the store
        // cannot go on with closed connections, so the next call opens it afresh, and says why if it cannot.
        this.opening = null;
      }
    }, writerHeld);
  }

  /** A new database file is built aside, with its schema, and linked into place only when complete (see createAside). */
  private async createFile(): Promise<void> {
    await createAside(this.options.path, async (scratch) => {
      const fresh = new LadybugStore({ ...this.options, path: scratch, inPlace: true, readConnections: 1 });
      await fresh.open();
      await fresh.close();
    });
  }

  private async ensureSchema(): Promise<void> {
    const tables = (await this.exec(this.writer!, 'CALL show_tables() RETURN name')).map((r) => String(r['name']));
    if (tables.includes(META_TABLE)) {
      const rows = await this.exec(this.writer!, `MATCH (m:${META_TABLE} {key: 'schema'}) RETURN m.json AS json`);
      const stored = rows[0]?.['json'];
      if (stored === schemaFingerprint()) return;
      if (stored === legacySchemaFingerprint()) {
        // Written before the fingerprint became a hash: same tables, so keep the graph and store the short form.
        await this.exec(this.writer!, `MATCH (m:${META_TABLE} {key: 'schema'}) SET m.json = $json`, { json: schemaFingerprint() });
        await this.checkpoint();
        return;
      }
      // The ontology changed since this file was written: rebuild rather than run against mismatched tables.
      for (const stmt of dropStatements()) await this.exec(this.writer!, stmt);
    }
    for (const stmt of schemaStatements()) await this.exec(this.writer!, stmt);
    await this.exec(this.writer!, q.writeMeta, { key: 'schema', json: schemaFingerprint() });
    await this.checkpoint();
  }

  /**
   * Folds the write-ahead log into the database file after every committed write, so that a crash leaves at most the
   * write in flight to replay, never a log of every load since the last automatic checkpoint. A failed checkpoint does
   * not undo the commit (the log still holds it), so it is not an error of the write.
   */
  /**
   * A replace prepares its statements afresh (their row types follow the dataset), and every prepare holds ~2.8 KB until
   * its connection closes (the JS API has no close for one): a fresh writer connection after each replace keeps a
   * long-running server's memory from growing by one replace's worth of statements every time.
   */
  private async renewConnection(pooled: PooledConnection): Promise<void> {
    const fresh = new lbug.Connection(this.db!);
    await fresh.init();
    const old = pooled.conn;
    pooled.conn = fresh;
    pooled.prepared.clear();
    await old.close();
  }

  private async checkpoint(): Promise<void> {
    if (this.options.path === ':memory:') return;
    await this.exec(this.writer!, 'CHECKPOINT').catch(() => undefined);
  }

  /** The graph in memory, read from the file on first use (or after a failed swap). */
  private loaded(): Promise<LoadedGraph> {
    if (this.graph) return this.graph;
    const loading = this.loadGraph().then(async (graph) => {
      await this.releasePages();
      return graph;
    });
    this.graph = loading;
    // A failed read is not cached; the guard keeps it from dropping a graph a replace has swapped in meanwhile.
    loading.catch(() => {
      if (this.graph === loading) this.graph = null;
    });
    return loading;
  }

  /**
   * Reading 50,000 nodes from the file per request took seconds, so the graph is read once per load and shared. The
   * arrays are frozen so that no caller can change what the next one gets.
   */
  private async loadGraph(): Promise<LoadedGraph> {
    const snapshot = await this.readSnapshot();
    Object.freeze(snapshot.nodes);
    Object.freeze(snapshot.edges);
    return { snapshot, projection: new GraphProjection(snapshot.nodes, snapshot.edges) };
  }

  /** Node records and adjacency in memory: look-ups, neighbourhoods and paths without materialising nodes per query. */
  private async project(): Promise<GraphProjection> {
    return (await this.loaded()).projection;
  }

  /** On close: the next open reads the graph from the file again. */
  private forgetGraph(): void {
    this.graph = null;
  }

  async close(): Promise<void> {
    await this.work.close();
    await this.analystPool?.close();
    this.analystPool = null;
    this.forgetGraph();
    const opened = this.opening;
    this.opening = null;
    if (!opened) return;
    await opened.catch(() => undefined);
    for (const pooled of [this.writer, ...this.readers]) await pooled?.conn.close();
    await this.db?.close();
    if (this.options.path !== ':memory:') await releaseFile(this.options.path);
    this.db = this.writer = null;
    this.readers = [];
  }

  async health(): Promise<StoreHealth> {
    try {
      await this.read('RETURN 1 AS ok');
      return { available: true, backend: this.backend };
    } catch (err) {
      return { available: false, backend: this.backend, error: err instanceof Error ? err.message : String(err) };
    }
  }

  private async exec(pooled: PooledConnection, statement: string, params: Params = {}): Promise<Record<string, unknown>[]> {
    pooled.pending++;
    try {
      return await pooled.queue.run(() => execNow(pooled, statement, params));
    } finally {
      pooled.pending--;
    }
  }

  /** One statement, in its own (auto-commit) transaction: it sees one committed graph. */
  private async read(statement: string, params: Params = {}): Promise<Record<string, unknown>[]> {
    await this.open();
    return this.exec(this.leastBusyReader(), statement, params);
  }

  /** The least busy reader keeps concurrent API requests from queueing behind one another. */
  private leastBusyReader(): PooledConnection {
    return this.readers.reduce((best, c) => (c.pending < best.pending ? c : best));
  }

  /**
   * Several statements in one read-only transaction on one connection. Ladybug's transactions are serializable (MVCC):
   * a reader keeps seeing the graph that was committed when it began, whatever commits meanwhile, so the statements
   * together see graph A or graph B, never part of each (test/store/ladybug-consistency.test.ts checks both).
   */
  private async readTransaction<T>(work: (read: (statement: string, params?: Params) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
    await this.open();
    const pooled = this.leastBusyReader();
    pooled.pending++;
    try {
      return await pooled.queue.run(async () => {
        await rawQuery(pooled.conn, q.beginReadOnly);
        try {
          return await work((statement, params = {}) => execNow(pooled, statement, params));
        } finally {
          await rawQuery(pooled.conn, q.rollback).catch(() => undefined);
        }
      });
    } finally {
      pooled.pending--;
    }
  }

  async replaceDataset(dataset: Dataset, options: ReplaceOptions = {}): Promise<void> {
    const report = progressReporter(options.onProgress);
    await this.open();
    const writer = this.writer!;
    await writer.queue.run(async () => {
      const run = async (statement: string, params: Params = {}) => {
        const prepared = await writer.conn.prepare(statement);
        if (!prepared.isSuccess()) throw queryInvalid(prepared.getErrorMessage());
        const result = lastResult(await writer.conn.execute(prepared, params as never));
        const rows = await result.getAll();
        result.close();
        return rows;
      };
      await run(q.begin);
      try {
        report('clearing', 0, 1);
        await run(q.deleteAll);
        await writeGraph(run, dataset, report);
        report('committing', 0, 1);
        await run(q.commit);
      } catch (err) {
        await run(q.rollback).catch(() => undefined);
        if (err instanceof StoreError && err.code !== 'query_invalid') throw err;
        throw isPoolFull(err) ? loadFailed(new Error(poolTooSmall(this.bufferMb), { cause: err })) : loadFailed(err);
      }
      report('indexing', 0, 1);
      await this.swapGraph();
      if (this.options.path === ':memory:') {
        await this.renewConnection(writer);
        return;
      }
      // Into the file before the engine closes, then the pages the load and the read left go back (fresh connections too).
      await run('CHECKPOINT').catch(() => undefined);
      await this.releasePages(true);
    });
    report('indexing', 1, 1);
  }

  /**
   * After a commit: reads the new graph and only then replaces the old one in memory, in one assignment. Readers are
   * served the old graph meanwhile (each answer still from one graph), and the load returns only once a read of the
   * store is sure to see the new graph. A read of the old graph begun before the commit is never kept: whatever it
   * cached is replaced here, and it cannot replace this.
   */
  private async swapGraph(): Promise<void> {
    const next = this.loadGraph();
    try {
      await next;
      this.graph = next;
    } catch {
      // The load is committed; the next read tries to read the graph again.
      this.graph = null;
    }
  }

  /** From the file, not the graph in memory, so a health check need not read the whole graph; one transaction for all counts. */
  stats(): Promise<GraphStats> {
    return this.readTransaction((read) => {
      const count = async (statement: string) => Number((await read(statement))[0]?.['c'] ?? 0);
      return countGraph(
        this.backend,
        (kind) => count(q.countNodes(kind)),
        (type) => count(q.countRelationships(type)),
      );
    });
  }

  async getNode(id: string): Promise<NodeDetail | null> {
    return (await this.project()).detail(id);
  }

  async getNodes(ids: readonly string[]): Promise<GraphNode[]> {
    return (await this.project()).nodesByIds(ids).sort(byId);
  }

  async searchNodes(options: SearchOptions): Promise<{ items: GraphNode[]; total: number }> {
    return (await this.project()).search(options);
  }

  async neighbors(id: string, options: NeighborOptions): Promise<Neighborhood> {
    return (await this.project()).neighbors(id, options);
  }

  async shortestPaths(from: string, to: string, options: PathOptions): Promise<GraphPath[]> {
    return (await this.project()).shortestPaths(from, to, options);
  }

  runNamed(name: string, params: Record<string, unknown>): Promise<NamedQueryResult> {
    return runNamedQuery((cypher, p) => this.read(cypher, p), ladybugNamedQueries, name, params);
  }

  /** Read once per load and shared: gaps, coverage and exports each need the whole graph. */
  async snapshot(): Promise<GraphSnapshot> {
    return (await this.loaded()).snapshot;
  }

  async neighborhoodSnapshot(id: string, options: NeighborOptions): Promise<GraphSnapshot | null> {
    // Header and neighbourhood from the same graph in memory.
    const { snapshot, projection } = await this.loaded();
    const sub = await projection.neighbors(id, options);
    if (sub.nodes.length === 0) return null;
    return { meta: snapshot.meta, references: snapshot.references, nodes: sub.nodes, edges: sub.edges };
  }

  /** One row from the file: a neighbourhood export right after a load must not wait for the whole graph to be read. */
  async datasetMeta(): Promise<Pick<GraphSnapshot, 'meta' | 'references'>> {
    return parseDatasetMeta(await this.read(q.readMeta));
  }

  /** Every kind, every type and the header in one read transaction: an edge is never read without its endpoints. */
  private readSnapshot(): Promise<GraphSnapshot> {
    return this.readTransaction(async (read) => {
      const strings = new StringPool();
      const nodes: GraphNode[] = [];
      for (const kind of NODE_KINDS) for (const row of await read(q.allNodes(kind))) nodes.push(nodeFromValue(row['n'], strings));
      const edges = [];
      for (const type of RELATIONSHIP_TYPES) for (const row of await read(q.allRelationships(type))) edges.push(edgeFromValue(row['r'], strings));
      return {
        ...parseDatasetMeta(await read(q.readMeta)),
        nodes: nodes.sort(byId),
        edges: edges.sort(byId),
      };
    });
  }

  /**
   * Analyst Cypher runs in worker processes holding a copy of the current graph (analyst-pool.ts explains why): the
   * server's process, its memory and its connections are out of the query's reach, and a hard deadline is possible.
   */
  async readQuery(cypher: string, params: Record<string, unknown>, options: ReadQueryOptions): Promise<CypherResult> {
    assertAnalystQueryAllowed(cypher);
    await this.open();
    this.analystPool ??= new AnalystPool(this.options.analyst ?? analystWorkerLimitsFromEnv());
    return this.analystPool.run(() => this.snapshot(), cypher, params, options);
  }

  /** Process ids of the analyst workers running now; for tests and diagnostics. */
  analystWorkerPids(): number[] {
    return this.analystPool?.pids() ?? [];
  }
}

interface LoadedGraph {
  snapshot: GraphSnapshot;
  projection: GraphProjection;
}

const isPoolFull = (err: unknown) => err instanceof Error && /buffer pool is full/i.test(err.message);

const poolTooSmall = (mb: number) =>
  `the dataset does not fit in the embedded store's buffer pool of ${mb} MB, where a load is held until it commits; ` +
  `set STRATEGIGRAF_LADYBUG_BUFFER_MB higher (100,000 nodes and 500,000 relationships load with 1024)`;

async function connectTo(db: Database): Promise<Connection> {
  const conn = new lbug.Connection(db);
  await conn.init();
  return conn;
}

/** Runs one statement on a connection the caller holds (inside its queue), prepared once per connection. */
async function execNow(pooled: PooledConnection, statement: string, params: Params): Promise<Record<string, unknown>[]> {
  let prepared = pooled.prepared.get(statement);
  if (!prepared) {
    prepared = await pooled.conn.prepare(statement);
    if (!prepared.isSuccess()) throw queryInvalid(prepared.getErrorMessage());
    pooled.prepared.set(statement, prepared);
  }
  const last = lastResult(await pooled.conn.execute(prepared, params as never));
  try {
    return (await last.getAll()).map((row) => fromLadybugRow(row));
  } finally {
    // An unclosed result keeps the WAL in use: reopening the file in the same process then finds it corrupt.
    last.close();
  }
}

async function rawQuery(conn: Connection, statement: string): Promise<void> {
  lastResult(await conn.query(statement)).close();
}

function lastResult(result: QueryResult | QueryResult[]): QueryResult {
  if (!Array.isArray(result)) return result;
  for (const r of result.slice(0, -1)) r.close();
  return result[result.length - 1]!;
}

function fromLadybugRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = fromLadybugValue(v);
  return out;
}
