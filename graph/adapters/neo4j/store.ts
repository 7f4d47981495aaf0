// The production store: Neo4j (a server, a cluster or Aura) through the official driver.
import neo4j, { isNode, isPath, isRelationship, Neo4jError } from 'neo4j-driver';
import type { Driver, ManagedTransaction, Node, Path, Relationship, Session } from 'neo4j-driver';
import { isAllowed, isNodeKind, NODE_KINDS, RELATIONSHIP_RULES, RELATIONSHIP_TYPES } from '../../ontology.js';
import { relationshipId } from '../../dataset/ids.js';
import type { Dataset } from '../../schema/dataset.js';
import type { CypherResult, GraphEdge, GraphNode, GraphPath, GraphStats, NodeDetail, Neighborhood } from '../../schema/graph.js';
import { assertAnalystQueryAllowed, engineMessageForAnalyst } from '../shared/analyst-query.js';
import { assertAnalystPlanAllowed } from './analyst-plan.js';
import type { Neo4jConfig } from './config.js';
import type { WorkStore } from '../../work/port.js';
import { Neo4jWorkStore } from './work-store.js';

export { assertAnalystPlanAllowed };
import { StoreError, loadFailed, queryInvalid, queryTimeout, readOnlyViolation, rowCapExceeded, storeUnavailable } from '../../store/errors.js';
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
import { byId, edgeRow, nodeRow, toGraphEdge, toGraphNode } from '../../schema/records.js';
import { assertAllCreated, countGraph, datasetMetaRows, parseDatasetMeta } from '../shared/records.js';
import { searchKey } from '../../schema/search.js';
import { ResponseBudget } from '../shared/response-budget.js';
import { MAX_ENUMERATED_PATHS, neighborhood, sortPaths, type Hop } from '../../projection/traversal.js';
import { neo4jNamedQueries } from './named-queries.js';
import { runNamedQuery, type NamedQueryResult } from '../../queries/named.js';
import { neo4jDialect as q } from './dialect.js';
import { constraintStatements, META_LABEL } from './schema.js';
import { fromNeo4jValue, plainProperties, toNeo4jParams } from './values.js';

type Params = Record<string, unknown>;
type Row = Record<string, unknown>;

// Big enough for one round trip per batch, small enough to keep each parameter message modest.
const WRITE_BATCH = 5000;
/** How long a read keeps retrying while a replace runs before it gives up as unavailable. */
const CONSISTENT_READ_PATIENCE_MS = 60_000;
/** An odd generation older than this was left by a writer that died mid-replace: ignore it. */
const ABANDONED_MARK_MS = 5 * 60_000;

type Run = (statement: string, params?: Params) => Promise<Row[]>;

/**
 * Thrown inside a read when what it read shows that the graph changed under it (a node deleted after it was matched
 * comes back from Neo4j with no labels and no properties); the read is retried from the start.
 */
class GraphChangedDuringRead extends Error {
  constructor(what: string) {
    super(`the graph changed while it was read (${what}); the read is retried`);
  }
}

/** Unique: a read that must be retried. */
const RETRY = Symbol('retry');

export interface Neo4jStoreOptions extends Neo4jConfig {
  /** How long to wait for a connection before a request fails as "unavailable". */
  connectionTimeoutMs?: number;
  log?: (level: 'info' | 'warn', message: string) => void;
}

export class Neo4jStore implements GraphStore {
  readonly backend = 'neo4j' as const;
  private driver: Driver | null = null;
  private schemaReady: Promise<void> | null = null;
  private lastAvailable: boolean | null = null;
  /** The last snapshot read in full, with the generation of the graph it is (see snapshot()). */
  private lastSnapshot: { generation: string; snapshot: GraphSnapshot } | null = null;

  /** Under reserved labels beside the graph (work-store.ts says why), out of reach of analysts' plans. */
  readonly work: WorkStore = new Neo4jWorkStore({
    session: (mode) => this.session(mode),
    ensureSchema: () => this.ensureSchema(),
    translate: (err) => this.translate(err),
  });

  constructor(private readonly options: Neo4jStoreOptions) {}

  private getDriver(): Driver {
    this.driver ??= neo4j.driver(this.options.uri, neo4j.auth.basic(this.options.user, this.options.password), {
      // Integers come back as JS numbers: counts and pages are far below 2^53.
      disableLosslessIntegers: true,
      connectionTimeout: this.options.connectionTimeoutMs ?? 5000,
      connectionAcquisitionTimeout: this.options.connectionTimeoutMs ?? 5000,
      maxTransactionRetryTime: 5000,
    });
    return this.driver;
  }

  private session(mode: 'READ' | 'WRITE'): Session {
    return this.getDriver().session({
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(this.options.database ? { database: this.options.database } : {}),
    });
  }

  /** Creates the constraints once; retried on the next call after a failure, so the store recovers by itself. */
  private ensureSchema(): Promise<void> {
    this.schemaReady ??= (async () => {
      const session = this.session('WRITE');
      try {
        for (const statement of constraintStatements()) await session.run(statement);
      } finally {
        await session.close();
      }
    })().catch((err) => {
      this.schemaReady = null;
      throw this.translate(err);
    });
    return this.schemaReady;
  }

  async open(): Promise<void> {
    this.getDriver();
    await this.ensureSchema();
    this.noteAvailability(true);
  }

  async close(): Promise<void> {
    const driver = this.driver;
    this.driver = null;
    this.schemaReady = null;
    this.lastSnapshot = null;
    await driver?.close();
  }

  async health(): Promise<StoreHealth> {
    try {
      await this.read('RETURN 1 AS ok');
      return { available: true, backend: this.backend };
    } catch (err) {
      return { available: false, backend: this.backend, error: err instanceof Error ? err.message : String(err) };
    }
  }

  private noteAvailability(available: boolean, cause?: unknown): void {
    if (this.lastAvailable === available) return;
    this.lastAvailable = available;
    const log = this.options.log ?? ((level, message) => console.error(`[${level}] ${message}`));
    if (available) log('info', `Neo4j at ${this.options.uri} is available`);
    else log('warn', `Neo4j at ${this.options.uri} is unavailable: ${cause instanceof Error ? cause.message : String(cause)}; requests fail until it is back`);
  }

  /** Maps driver errors to the port's error classes; everything else passes through. */
  private translate(err: unknown): unknown {
    if (err instanceof StoreError) return err;
    if (err instanceof Neo4jError) {
      const code = err.code ?? '';
      if (
        code === 'ServiceUnavailable' ||
        code === 'SessionExpired' ||
        (/ECONNREFUSED|ECONNRESET|connection/i.test(err.message) && !code.startsWith('Neo.ClientError'))
      ) {
        this.noteAvailability(false, err);
        return storeUnavailable(this.backend, err);
      }
      if (code.includes('TransactionTimedOut') || code.includes('Transaction.Terminated')) return new StoreError('query_timeout', err.message, { cause: err });
      if (
        code === 'Neo.ClientError.Statement.AccessMode' ||
        code.includes('ForbiddenDueToTransactionType') ||
        code.includes('WriteOnReadOnlyAccessDbException')
      )
        return readOnlyViolation();
      if (code.startsWith('Neo.ClientError.Statement') || code.startsWith('Neo.ClientError.Procedure'))
        return queryInvalid(`the query failed: ${err.message.split('\n')[0]}`, err);
    }
    return err;
  }

  private async read(statement: string, params: Params = {}): Promise<Row[]> {
    await this.ensureSchema();
    const session = this.session('READ');
    try {
      const result = await session.executeRead((tx) => tx.run(statement, toNeo4jParams(params)));
      this.noteAvailability(true);
      return result.records.map((record) => {
        const row: Row = {};
        for (const key of record.keys) row[String(key)] = fromNeo4jValue(record.get(key));
        return row;
      });
    } catch (err) {
      throw this.translate(err);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs a read of one or more statements so that it sees ONE committed graph, even in other processes' presence.
   *
   * Neo4j is read-committed: even one statement, let alone several in one transaction, can see part of a replace that
   * commits meanwhile, and a node matched just before its deletion comes back without labels ("a node of unknown
   * kind"). Worse, while the replace is still uncommitted, label scans (MATCH (n:Label)) already miss the nodes it has
   * deleted, though look-ups by key still find them (seen on 5.26). So the graph carries a generation (a seqlock, see
   * q.readGeneration): replaceDataset makes it odd in a transaction of its own before it deletes anything, and even
   * in another after its commit has returned (inside the commit, the even value was seen before all of the graph). A read reads the generation first and last in its transaction and counts only when both
   * are the same even number; otherwise (or when it met a half-deleted entity) it runs again after a short pause.
   * Any overlap with a replace, from its first delete to the end of its commit, shows as an odd or changed generation.
   * This holds across processes (several API servers on one Neo4j) because the mark lives in the database, not in
   * this process. The price: reads wait while a replace runs (seconds), up to CONSISTENT_READ_PATIENCE_MS, then fail
   * as unavailable; a writer that dies mid-replace leaves the mark, ignored after ABANDONED_MARK_MS or cleared by the
   * next replace. Only writers that use this adapter mark: other writes to the database are not detected.
   */
  private async readConsistent<T>(work: (run: Run) => Promise<T>): Promise<T> {
    return (await this.readVersioned(work)).value;
  }

  /** readConsistent, with the generation of the graph the read saw (null when the database has none). */
  private async readVersioned<T>(work: (run: Run) => Promise<T>): Promise<{ value: T; generation: string | null }> {
    await this.ensureSchema();
    const deadline = Date.now() + CONSISTENT_READ_PATIENCE_MS;
    for (let attempt = 0; ; attempt++) {
      const session = this.session('READ');
      let outcome: { value: T; generation: string | null } | typeof RETRY;
      try {
        outcome = await session.executeRead(async (tx) => {
          const run: Run = async (statement, params = {}) => toRows(await tx.run(statement, toNeo4jParams(params)));
          const before = (await run(q.readGeneration))[0];
          let value: T;
          try {
            value = await work(run);
          } catch (err) {
            if (err instanceof GraphChangedDuringRead) return RETRY;
            throw err;
          }
          const after = (await run(q.readGeneration))[0];
          return isStable(before, after) ? { value, generation: generationKey(before) } : RETRY;
        });
        this.noteAvailability(true);
      } catch (err) {
        throw this.translate(err);
      } finally {
        await session.close();
      }
      if (outcome !== RETRY) return outcome;
      if (Date.now() > deadline) throw storeUnavailable(this.backend, new Error('the graph kept being replaced while it was read'));
      await new Promise((resolve) => setTimeout(resolve, Math.min(5 * 2 ** attempt, 200)));
    }
  }

  async replaceDataset(dataset: Dataset, options: ReplaceOptions = {}): Promise<void> {
    const report = progressReporter(options.onProgress);
    const kindOf = new Map(dataset.nodes.map((n) => [n.id, n.kind]));
    const unplaced = dataset.relationships.filter(
      (r) => !kindOf.has(r.from) || !kindOf.has(r.to) || !isAllowed(r.type, kindOf.get(r.from)!, kindOf.get(r.to)!),
    );
    if (unplaced.length > 0)
      throw new StoreError('load_failed', `relationship ${relationshipId(unplaced[0]!)} joins unknown nodes or kinds the ontology does not allow`);
    await this.ensureSchema();
    const session = this.session('WRITE');
    let marked = false;
    try {
      // Readers (readConsistent) wait from here until the commit has applied: marked in a transaction of its own, so
      // that the mark is visible before anything this replace does.
      await this.markGeneration(q.markReplacing);
      marked = true;
      // One write transaction for the whole replace: any failure rolls everything back and the old graph stays.
      await session.executeWrite(async (tx) => {
        // The driver may run this again from the start after a transient failure: progress starts again with it.
        report('clearing', 0, 1);
        await tx.run(q.deleteAllInTransaction);
        let nodesDone = 0;
        report('nodes', 0, dataset.nodes.length);
        for (const kind of NODE_KINDS) {
          const rows = dataset.nodes.filter((n) => n.kind === kind).map((n) => withoutNulls(nodeRow(n)));
          for (const batch of chunks(rows)) {
            await tx.run(q.createNodes(kind), toNeo4jParams({ rows: batch }));
            report('nodes', (nodesDone += batch.length), dataset.nodes.length);
          }
        }
        let relationshipsDone = 0;
        report('relationships', 0, dataset.relationships.length);
        for (const type of RELATIONSHIP_TYPES) {
          for (const [from, to] of RELATIONSHIP_RULES[type]) {
            const rows = dataset.relationships
              .filter((r) => r.type === type && kindOf.get(r.from) === from && kindOf.get(r.to) === to)
              .map((r) => withoutNulls(edgeRow(r)));
            for (const batch of chunks(rows)) {
              const created = await single(tx, q.createRelationships(type, from, to), { rows: batch });
              assertAllCreated(type, batch.length, Number(created?.['created'] ?? 0));
              report('relationships', (relationshipsDone += batch.length), dataset.relationships.length);
            }
          }
        }
        for (const row of datasetMetaRows(dataset)) await tx.run(q.writeMeta, row);
        report('committing', 0, 1);
      });
      // Unmarked only after the commit, in a transaction of its own: a change to the generation made inside the replace
      // was seen by readers before label scans saw all of the new graph (5.26).
      await this.markGeneration(q.markReplaced);
      marked = false;
      // No longer the graph: let it go now rather than hold two graphs until the next snapshot().
      this.lastSnapshot = null;
      this.noteAvailability(true);
    } catch (err) {
      // Rolled back: the old graph stays, and readers must not wait for a commit that will not come.
      if (marked) await this.markGeneration(q.markReplaced).catch(() => undefined);
      const translated = this.translate(err);
      if (translated instanceof StoreError && translated.code === 'store_unavailable') throw translated;
      throw loadFailed(err);
    } finally {
      await session.close();
    }
  }

  /** A generation mark in a transaction of its own (see readConsistent). */
  private async markGeneration(statement: string): Promise<void> {
    const session = this.session('WRITE');
    try {
      await session.executeWrite((tx) => tx.run(statement));
    } finally {
      await session.close();
    }
  }

  // Every read below is one readConsistent transaction, so each answer comes from one graph (see there).

  stats(): Promise<GraphStats> {
    return this.readConsistent((run) => {
      const count = async (statement: string) => Number((await run(statement))[0]?.['c'] ?? 0);
      return countGraph(
        this.backend,
        (kind) => count(q.countNodes(kind)),
        (type) => count(q.countRelationships(type)),
      );
    });
  }

  getNode(id: string): Promise<NodeDetail | null> {
    return this.readConsistent(async (run) => {
      const row = (await run(q.nodeById, { id }))[0];
      if (!row) return null;
      const degree: NodeDetail['degree'] = {};
      for (const d of await run(q.degree, { id })) {
        const entry = (degree[String(d['type'])] ??= { out: 0, in: 0 });
        if (d['outgoing'] === true) entry.out += Number(d['c']);
        else entry.in += Number(d['c']);
      }
      return { ...nodeFromValue(row['n']), degree };
    });
  }

  async getNodes(ids: readonly string[]): Promise<GraphNode[]> {
    if (ids.length === 0) return [];
    return this.readConsistent(async (run) => (await run(q.nodesByIds, { ids: [...ids] })).map((r) => nodeFromValue(r['n'])).sort(byId));
  }

  searchNodes(options: SearchOptions): Promise<{ items: GraphNode[]; total: number }> {
    const query = options.q ? searchKey(options.q) : '';
    const text = q.search(options.kind, query.length > 0);
    const params: Params = query ? { q: query } : {};
    return this.readConsistent(async (run) => {
      const rows = await run(text.items, { ...params, offset: options.offset, limit: options.limit });
      const totalRows = await run(text.total, params);
      return { items: rows.map((r) => nodeFromValue(r['n'])), total: Number(totalRows[0]?.['c'] ?? 0) };
    });
  }

  neighbors(id: string, options: NeighborOptions): Promise<Neighborhood> {
    return this.readConsistent((run) => this.neighborhoodIn(run, id, options));
  }

  /** The start node and every frontier expansion, through the caller's transaction. */
  private async neighborhoodIn(run: Run, id: string, options: NeighborOptions): Promise<Neighborhood> {
    const start = (await run(q.nodesByIds, { ids: [id] })).map((r) => nodeFromValue(r['n']))[0];
    if (!start) return { nodes: [], edges: [], truncated: false };
    return neighborhood(start, options, async (frontier, filter) => {
      const statement = q.expand({ types: Boolean(filter.types?.length), basis: Boolean(filter.basis), kinds: Boolean(filter.kinds?.length) });
      const rows = await run(statement, { frontier, types: filter.types ?? [], basis: filter.basis ?? null, kinds: filter.kinds ?? [] });
      return rows.map((row): Hop => ({ edge: edgeFromValue(row['r']), neighbor: nodeFromValue(row['b']) }));
    });
  }

  neighborhoodSnapshot(id: string, options: NeighborOptions): Promise<GraphSnapshot | null> {
    return this.readConsistent(async (run) => {
      const sub = await this.neighborhoodIn(run, id, options);
      if (sub.nodes.length === 0) return null;
      return { ...parseDatasetMeta(await run(q.readMeta)), nodes: sub.nodes, edges: sub.edges };
    });
  }

  async shortestPaths(from: string, to: string, options: PathOptions): Promise<GraphPath[]> {
    if (from === to) return [];
    // Fetch them all (up to a cap) and choose the first `limit` in a stable order, as the embedded store does.
    const rows = await this.readConsistent(async (run) => {
      const found = await run(q.shortestPaths(options.maxLength, options.directed), { from, to, limit: MAX_ENUMERATED_PATHS });
      // Converted inside the transaction, so that a half-deleted entity makes the read run again.
      return found.map((row) => ({ nodes: (row['ns'] as unknown[]).map(nodeFromValue), edges: (row['rs'] as unknown[]).map(edgeFromValue) }));
    });
    return sortPaths(rows).slice(0, options.limit);
  }

  runNamed(name: string, params: Record<string, unknown>): Promise<NamedQueryResult> {
    return this.readConsistent((run) => runNamedQuery(run, neo4jNamedQueries, name, params));
  }

  /**
   * Nodes, relationships and header in one transaction (they were three parallel sessions, each its own graph), read in
   * full only when the graph changed: while the generation (see readConsistent) is the one the last full read saw, that
   * read is still the graph, and it is given again — the same object, as the port promises, so that what is derived
   * from a snapshot (the graph as of each year, graph/projection/as-of.ts) is cached per graph. A replace by any
   * process through this adapter (PUT /api/dataset here, `strategigraf load` elsewhere) changes the generation, so the
   * next call reads the new graph. A database without a generation (never loaded through this adapter) is read in full
   * on every call, as before: nothing would tell its changes.
   */
  async snapshot(): Promise<GraphSnapshot> {
    const last = this.lastSnapshot;
    if (last && (await this.currentGeneration()) === last.generation) return last.snapshot;
    const { value, generation } = await this.readVersioned(async (run) => {
      const metaRows = await run(q.readMeta);
      const nodes = (await run(q.allNodes)).map((r) => nodeFromValue(r['n'])).sort(byId);
      const edges = (await run(q.allRelationships)).map((r) => edgeFromValue(r['r'])).sort(byId);
      return { ...parseDatasetMeta(metaRows), nodes, edges };
    });
    // Shared by every caller from now on: frozen, so that none can change what the next one gets (as the embedded store's).
    Object.freeze(value.nodes);
    Object.freeze(value.edges);
    // Of two reads that overlapped a replace, the older graph may land here last: harmless, as a hit needs the generation
    // as it stands, so the next call reads the newer graph again.
    if (generation !== null) this.lastSnapshot = { generation, snapshot: value };
    return value;
  }

  /** The generation as it stands, or null when there is none or a replace is under way (then nothing cached is current). */
  private async currentGeneration(): Promise<string | null> {
    const row = (await this.read(q.readGeneration))[0];
    return isStable(row, row) ? generationKey(row) : null;
  }

  async datasetMeta(): Promise<Pick<GraphSnapshot, 'meta' | 'references'>> {
    return this.readConsistent(async (run) => parseDatasetMeta(await run(q.readMeta)));
  }

  async readQuery(cypher: string, params: Record<string, unknown>, options: ReadQueryOptions): Promise<CypherResult> {
    assertAnalystQueryAllowed(cypher);
    await this.ensureSchema();
    // A READ-mode session makes Neo4j itself refuse writes; EXPLAIN first gives a clear error before anything runs.
    const session = this.session('READ');
    // The server enforces the transaction timeout; it gets what is left of the query's deadline (queueing counts).
    const timeout = Math.max(1, Math.min(options.timeoutMs, (options.deadline ?? Infinity) - Date.now()));
    const tx = session.beginTransaction({ timeout });
    const budget = new ResponseBudget(options.maxResponseBytes);
    try {
      const plan = await tx.run(`EXPLAIN ${cypher}`, toNeo4jParams(params));
      if (plan.summary.queryType !== 'r') throw readOnlyViolation();
      // Second opinion from Neo4j's own plan, for anything the guard's reading of the text missed.
      if (plan.summary.plan) assertAnalystPlanAllowed(plan.summary.plan);
      const result = tx.run(cypher, toNeo4jParams(params));
      const columns = (await result.keys()).map(String);
      const rows: unknown[][] = [];
      for await (const record of result) {
        if (rows.length >= options.rowCap) throw rowCapExceeded(options.rowCap);
        const row = columns.map((c) => serialiseValue(record.get(c)));
        budget.add(row);
        rows.push(row);
      }
      return { columns, rows };
    } catch (err) {
      const translated = this.translate(err);
      if (translated instanceof StoreError && translated.code === 'query_timeout') throw queryTimeout(options.timeoutMs);
      throw forAnalyst(translated);
    } finally {
      await tx.rollback().catch(() => undefined);
      await session.close();
    }
  }
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += WRITE_BATCH) out.push(rows.slice(i, i + WRITE_BATCH));
  return out;
}

// Neo4j stores no nulls: an absent property is the same thing, and `SET n = r` rejects nothing but keeps rows lean.
function withoutNulls(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== undefined));
}

async function single(tx: ManagedTransaction, statement: string, params: Params): Promise<Row | undefined> {
  const result = await tx.run(statement, toNeo4jParams(params));
  const record = result.records[0];
  if (!record) return undefined;
  return Object.fromEntries(record.keys.map((k) => [String(k), fromNeo4jValue(record.get(k))]));
}

function kindOfLabels(labels: string[]): string {
  return labels.find(isNodeKind) ?? labels[0] ?? 'unknown';
}

function toRows(result: { records: { keys: PropertyKey[]; get(key: PropertyKey): unknown }[] }): Row[] {
  return result.records.map((record) => {
    const row: Row = {};
    for (const key of record.keys) row[String(key)] = fromNeo4jValue(record.get(key));
    return row;
  });
}

/** The same even generation at the start and the end of a read: no replace committed, or was committing, meanwhile. */
function isStable(before: Row | undefined, after: Row | undefined): boolean {
  const value = before?.['value'] ?? null;
  if (value !== (after?.['value'] ?? null)) return false;
  if (value === null || Number(value) % 2 === 0) return true;
  return Number(after?.['age'] ?? 0) > ABANDONED_MARK_MS;
}

/**
 * What identifies one committed graph: the generation's value and when it was set. The value alone could come round
 * again after a wipe of the database (a replace then counts from 0 anew); its time with it does not.
 */
function generationKey(row: Row | undefined): string | null {
  const value = row?.['value'] ?? null;
  return value === null ? null : `${Number(value)}@${Number(row?.['since'] ?? 0)}`;
}

function nodeFromValue(value: unknown): GraphNode {
  const node = value as Node;
  // Every node the adapter's reads match has a kind label: none at all means it was deleted after it was matched.
  if (node.labels.length === 0) throw new GraphChangedDuringRead(`node ${String(node.elementId)} was deleted`);
  return toGraphNode(kindOfLabels(node.labels), plainProperties(node));
}

function edgeFromValue(value: unknown): GraphEdge {
  const rel = value as Relationship;
  const props = plainProperties(rel);
  if (props['fromId'] === undefined) throw new GraphChangedDuringRead(`relationship ${String(rel.elementId)} was deleted`);
  return toGraphEdge(rel.type, props);
}

/** Nodes, relationships and paths in analyst results become the API's shapes; everything else plain JSON. */
function serialiseValue(value: unknown): unknown {
  if (isNode(value as object)) return (value as Node).labels.includes(META_LABEL) ? null : nodeFromValue(value);
  if (isRelationship(value as object)) return edgeFromValue(value);
  if (isPath(value as object)) {
    const path = value as Path;
    return {
      nodes: [path.start, ...path.segments.map((s) => s.end)].map(nodeFromValue),
      edges: path.segments.map((s) => edgeFromValue(s.relationship)),
    };
  }
  const plain = fromNeo4jValue(value);
  if (Array.isArray(plain)) return plain.map(serialiseValue);
  if (plain && typeof plain === 'object') return Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, serialiseValue(v)]));
  return plain;
}

/** An analyst sees the engine's parse message (line, column, "Invalid input …") but no file paths or file content. */
function forAnalyst(err: unknown): unknown {
  if (!(err instanceof StoreError) || err.code !== 'query_invalid') return err;
  return queryInvalid(engineMessageForAnalyst(err.message), err.cause);
}
