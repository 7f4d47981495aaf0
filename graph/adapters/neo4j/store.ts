// The production store: Neo4j (a server, a cluster or Aura) through the official driver.
import { randomUUID } from 'node:crypto';
import neo4j, { isNode, isPath, isRelationship, Neo4jError } from 'neo4j-driver';
import type { Driver, Node, Path, Relationship, Session } from 'neo4j-driver';
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
import { StoreError, loadFailed, loadUnderWay, queryInvalid, queryTimeout, readOnlyViolation, rowCapExceeded, storeUnavailable } from '../../store/errors.js';
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
import { StringPool } from '../../schema/string-pool.js';
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
/** A switch or staging whose heartbeat is older than this was left by a writer that died: readers finish or discard it. */
const STALE_HEARTBEAT_MS = 30_000;

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
  /** Items per write transaction of a replace (tests make it small to get many batches). */
  writeBatch?: number;
  /** See STALE_HEARTBEAT_MS (tests make it short). */
  staleHeartbeatMs?: number;
  /** For tests: called before each attempt of the promote (after the switch), and after each promote batch commits. */
  faults?: { beforePromote?: () => void | Promise<void>; afterPromoteBatch?: () => void | Promise<void> };
}

export class Neo4jStore implements GraphStore {
  readonly backend = 'neo4j' as const;
  private driver: Driver | null = null;
  private schemaReady: Promise<void> | null = null;
  private lastAvailable: boolean | null = null;
  /** The last snapshot read in full, with the generation of the graph it is (see snapshot()). */
  private lastSnapshot: { generation: string; snapshot: GraphSnapshot } | null = null;
  /** The full read under way, if any (see snapshot()). */
  private fullRead: Promise<{ value: GraphSnapshot; generation: string | null }> | null = null;

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
    // A switch left by a writer that died is finished now (and dead stagings discarded), rather than after the stale delay.
    await this.recoverAbandoned(true).catch((err: unknown) => this.log('warn', `could not finish a pending load: ${describe(err)}`));
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
   * q.readGeneration): replaceDataset stages the new graph out of readers' sight, makes the generation odd in a small
   * switch transaction before it deletes anything, and even in the last of its promote batches. A read reads the
   * generation first and last in its transaction and counts only when both are the same even number; otherwise (or
   * when it met a half-deleted entity) it runs again after a short pause. Any overlap with a promote, from its first
   * delete to its last relabel, shows as an odd or changed generation. This holds across processes (several API servers
   * on one Neo4j) because the mark lives in the database, not in this process. The price: reads wait while a promote
   * runs, up to CONSISTENT_READ_PATIENCE_MS, then fail as unavailable. A promoter beats a heartbeat on the generation
   * node per batch; a reader that finds it older than STALE_HEARTBEAT_MS takes the promote over and finishes it, so a
   * writer that dies after its switch does not leave a running server answering 503 (see replaceDataset).
   * Only writers that use this adapter mark: other writes to the database are not detected.
   */
  private async readConsistent<T>(work: (run: Run) => Promise<T>): Promise<T> {
    return (await this.readVersioned(work)).value;
  }

  /** readConsistent, with the generation of the graph the read saw (null when the database has none). */
  private async readVersioned<T>(work: (run: Run) => Promise<T>): Promise<{ value: T; generation: string | null }> {
    await this.ensureSchema();
    const deadline = Date.now() + CONSISTENT_READ_PATIENCE_MS;
    let lastRecovery = 0;
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
      // A switch whose promoter stopped beating: finish it here rather than answer 503 until a restart.
      if (Date.now() - lastRecovery > this.staleMs / 4) {
        const g = (await this.read(q.readGeneration).catch(() => []))[0];
        if (g && Number(g['value'] ?? 0) % 2 === 1 && Number(g['quiet'] ?? 0) > this.staleMs) {
          lastRecovery = Date.now();
          await this.recoverAbandoned().catch((err: unknown) => this.log('warn', `could not finish a pending load: ${describe(err)}`));
        }
      }
      if (Date.now() > deadline) throw storeUnavailable(this.backend, new Error('the graph kept being replaced while it was read'));
      await new Promise((resolve) => setTimeout(resolve, Math.min(5 * 2 ** attempt, 200)));
    }
  }

  /**
   * Replaces the graph in bounded transactions, so that no load outgrows db.memory.transaction.max (the launcher caps it
   * at 256 MiB; one transaction for 100,000 nodes and 500,000 relationships did not fit). Three steps:
   *
   * 1. Stage: the new graph is written in batches under STAGED_LABEL / STAGED_META_LABEL with this load's token, which
   *    no reader matches, while the old graph keeps serving. A LOAD_LABEL marker, committed first and beating per batch,
   *    says a load is staging: analysts' Cypher (which can scan relationships and so reach staged nodes) is refused
   *    meanwhile with a 503. A failure here deletes only this token's staged items, in bounded batches (relationships
   *    first), and leaves the old graph and the generation as they were: the load failed.
   * 2. Switch: one small transaction, under the generation node's write lock, makes the generation odd and records the
   *    token, the promote's phase and a heartbeat on it. A second load's switch waits here while a promote is under way.
   * 3. Promote: batches, each under the same lock and beating the heartbeat, delete the old graph (relationships, then
   *    nodes, then meta), relabel the staged nodes and meta, and make the generation even. Every batch is idempotent and
   *    the phase is recorded, so anyone may finish a promote: a reader that meets a switch whose heartbeat is older than
   *    staleHeartbeatMs takes it over (readVersioned), and open() finishes one at once.
   *
   * Once the switch has committed, the load has happened: a failing promote is retried, and if it still fails the
   * call returns (logging a warning) with completion pending, which the next reader finishes after the stale delay,
   * rather than reporting load_failed for a graph that becomes current anyway.
   */
  async replaceDataset(dataset: Dataset, options: ReplaceOptions = {}): Promise<void> {
    const report = progressReporter(options.onProgress);
    const kindOf = new Map(dataset.nodes.map((n) => [n.id, n.kind]));
    const unplaced = dataset.relationships.filter(
      (r) => !kindOf.has(r.from) || !kindOf.has(r.to) || !isAllowed(r.type, kindOf.get(r.from)!, kindOf.get(r.to)!),
    );
    if (unplaced.length > 0)
      throw new StoreError('load_failed', `relationship ${relationshipId(unplaced[0]!)} joins unknown nodes or kinds the ontology does not allow`);
    await this.ensureSchema();
    // Leftovers of writers that died are cleared first (best effort: they are only dead weight).
    await this.recoverAbandoned().catch(() => undefined);
    const token = randomUUID();
    try {
      await this.writeTx((run) => run(q.beginLoad, { token }));
      let nodesDone = 0;
      report('nodes', 0, dataset.nodes.length);
      for (const kind of NODE_KINDS) {
        const rows = dataset.nodes.filter((n) => n.kind === kind).map((n) => withoutNulls(nodeRow(n)));
        for (const batch of chunks(rows, this.batchSize)) {
          await this.stagingTx(token, (run) => run(q.stageNodes(kind), { rows: batch, token }));
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
          for (const batch of chunks(rows, this.batchSize)) {
            const created = await this.stagingTx(token, async (run) => (await run(q.stageRelationships(type, from, to), { rows: batch, token }))[0]);
            assertAllCreated(type, batch.length, Number(created?.['created'] ?? 0));
            report('relationships', (relationshipsDone += batch.length), dataset.relationships.length);
          }
        }
      }
      await this.stagingTx(token, async (run) => {
        for (const row of datasetMetaRows(dataset)) await run(q.stageMeta, { ...row, token });
      });
      await this.switchTo(token);
    } catch (err) {
      // Not switched: the old graph stays current; only this load's staged items go.
      await this.discard(token).catch(() => undefined);
      const translated = this.translate(err);
      if (translated instanceof StoreError && translated.code === 'store_unavailable') throw translated;
      throw loadFailed(err);
    }
    this.lastSnapshot = null;
    let failure: unknown = null;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.options.faults?.beforePromote?.();
        await this.promote(token, (phase, done, total) => report(phase, done, total));
        failure = null;
        break;
      } catch (err) {
        failure = err;
        await sleep(200 * 2 ** attempt);
      }
    }
    if (failure !== null) {
      this.log('warn', `the new graph is switched in but its promote failed (${describe(failure)}); readers finish it after ${this.staleMs} ms`);
    }
    report('committing', 1, 1);
    this.lastSnapshot = null;
    this.noteAvailability(true);
  }

  private get batchSize(): number {
    return this.options.writeBatch ?? WRITE_BATCH;
  }

  private get staleMs(): number {
    return this.options.staleHeartbeatMs ?? STALE_HEARTBEAT_MS;
  }

  private log(level: 'info' | 'warn', message: string): void {
    (this.options.log ?? ((l, m) => console.error(`[${l}] ${m}`)))(level, message);
  }

  /** One write transaction (retried by the driver on transient failures, so its work must be idempotent or bounded). */
  private async writeTx<T>(work: (run: Run) => Promise<T>): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite((tx) => work(async (statement, params = {}) => toRows(await tx.run(statement, toNeo4jParams(params)))));
    } finally {
      await session.close();
    }
  }

  /** A staging batch: beats the load's heartbeat, and fails if its marker is gone (its staged items were discarded). */
  private stagingTx<T>(token: string, work: (run: Run) => Promise<T>): Promise<T> {
    return this.writeTx(async (run) => {
      if ((await run(q.loadHeartbeat, { token })).length === 0) throw new Error('the staged graph was discarded as abandoned');
      return work(run);
    });
  }

  /** The switch, under the generation node's lock; waits while another load's promote is under way (taking it over if stale). */
  private async switchTo(token: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const busy = await this.writeTx(async (run) => {
        const g = (await run(q.lockGeneration))[0];
        if (Number(g?.['value'] ?? 0) % 2 === 1) return { quiet: Number(g?.['quiet'] ?? 0) };
        if ((await run(q.loadHeartbeat, { token })).length === 0) throw new Error('the staged graph was discarded as abandoned');
        await run(q.switchTo, { token });
        return null;
      });
      if (busy === null) return;
      if (busy.quiet > this.staleMs) await this.recoverAbandoned();
      else await sleep(Math.min(10 * 2 ** attempt, 250));
      // Our own marker beats while we wait, so that no one discards what we staged.
      await this.writeTx((run) => run(q.loadHeartbeat, { token }));
    }
  }

  /**
   * Finishes the promote of `token` (see replaceDataset). Every batch takes the generation node's lock, checks that the
   * switch is still this token's (else someone finished it: done), does a bounded, idempotent piece of work and beats.
   */
  private async promote(token: string, report?: (phase: 'clearing' | 'committing', done: number, total: number) => void): Promise<void> {
    type Step = (run: Run, phase: string) => Promise<number>;
    const step = (work: Step) =>
      this.writeTx(async (run) => {
        const g = (await run(q.lockGeneration))[0];
        if (g?.['token'] !== token) return null;
        const phase = String(g['phase']);
        const n = await work(run, phase);
        await run(q.promoteHeartbeat, { token, phase: phase === 'clearing' && n < 0 ? 'promoting' : phase });
        return n;
      }).then(async (n) => {
        await this.options.faults?.afterPromoteBatch?.();
        return n;
      });
    const count = async (run: Run, statement: string) => Number((await run(statement, { token, batch: this.batchSize }))[0]?.['c'] ?? 0);
    const drain = async (statement: string, only: string): Promise<boolean> => {
      for (;;) {
        const n = await step((run, phase) => (phase === only ? count(run, statement) : Promise.resolve(0)));
        if (n === null) return false;
        if (n === 0) return true;
      }
    };
    report?.('clearing', 0, 1);
    if (!(await drain(q.deleteOldRelationships, 'clearing'))) return;
    if (!(await drain(q.deleteOldNodes, 'clearing'))) return;
    // The old meta goes and the phase moves on (n < 0 says so to step) in one transaction.
    const moved = await step(async (run, phase) => {
      if (phase !== 'clearing') return 0;
      await run(q.deleteOldMeta);
      return -1;
    });
    if (moved === null) return;
    report?.('clearing', 1, 1);
    report?.('committing', 0, 1);
    for (const kind of NODE_KINDS) if (!(await drain(q.promoteNodes(kind), 'promoting'))) return;
    await step(async (run) => {
      await run(q.promoteMeta, { token });
      await run(q.finishSwitch, { token });
      return 0;
    });
  }

  /** Deletes the staged items of `token` in bounded batches, relationships first, then its marker. */
  private async discard(token: string): Promise<void> {
    for (const statement of [q.discardStagedRelationships, q.discardStagedNodes, q.discardStagedMeta]) {
      while (Number((await this.writeTx((run) => run(statement, { token, batch: this.batchSize })))[0]?.['c'] ?? 0) > 0);
    }
    await this.writeTx((run) => run(q.endLoad, { token }));
  }

  private recovering: Promise<void> | null = null;

  /**
   * Finishes what dead writers left: a switch whose heartbeat is stale (or any pending switch, with `force`, as open()
   * does) is promoted to its end, and loads whose staging stopped beating are discarded. One at a time per process.
   */
  private recoverAbandoned(force = false): Promise<void> {
    this.recovering ??= (async () => {
      const g = (await this.read(q.readGeneration))[0];
      if (g && Number(g['value'] ?? 0) % 2 === 1 && (force || Number(g['quiet'] ?? 0) > this.staleMs)) {
        const pending = await this.writeTx(async (run) => (await run(q.lockGeneration))[0]?.['token']);
        if (typeof pending === 'string') {
          this.log('warn', `finishing a load whose writer stopped after its switch (${pending})`);
          await this.promote(pending);
          this.lastSnapshot = null;
        } else await this.writeTx((run) => run(q.clearOrphanMark));
      }
      for (const row of await this.read(q.abandonedLoads, { staleMs: this.staleMs })) await this.discard(String(row['token']));
    })().finally(() => {
      this.recovering = null;
    });
    return this.recovering;
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
      return found.map((row) => ({
        nodes: (row['ns'] as unknown[]).map((v) => nodeFromValue(v)),
        edges: (row['rs'] as unknown[]).map((v) => edgeFromValue(v)),
      }));
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
    const current = await this.currentGeneration();
    if (last && current === last.generation) return last.snapshot;
    // A full read already under way (the server's watcher, or another request) is waited for rather than repeated: at
    // 100,000 nodes each is 600,000 records. It is given when it read the graph that is current now.
    const running = this.fullRead;
    if (running) {
      const read = await running.catch(() => null);
      if (read && read.generation !== null && read.generation === (await this.currentGeneration())) return read.value;
    }
    const reading = this.readFull();
    this.fullRead = reading;
    try {
      return (await reading).value;
    } finally {
      if (this.fullRead === reading) this.fullRead = null;
    }
  }

  private async readFull(): Promise<{ value: GraphSnapshot; generation: string | null }> {
    const { value, generation } = await this.readVersioned(async (run) => {
      const metaRows = await run(q.readMeta);
      const strings = new StringPool();
      const nodes = (await run(q.allNodes)).map((r) => nodeFromValue(r['n'], strings)).sort(byId);
      const edges = (await run(q.allRelationships)).map((r) => edgeFromValue(r['r'], strings)).sort(byId);
      return { ...parseDatasetMeta(metaRows), nodes, edges };
    });
    // Shared by every caller from now on: frozen, so that none can change what the next one gets (as the embedded store's).
    Object.freeze(value.nodes);
    Object.freeze(value.edges);
    // Of two reads that overlapped a replace, the older graph may land here last: harmless, as a hit needs the generation
    // as it stands, so the next call reads the newer graph again.
    if (generation !== null) this.lastSnapshot = { generation, snapshot: value };
    return { value, generation };
  }

  /** The generation as it stands, or null when there is none or a replace is under way (then nothing cached is current). */
  private async currentGeneration(): Promise<string | null> {
    const row = (await this.read(q.readGeneration))[0];
    return isStable(row, row) ? generationKey(row) : null;
  }

  async datasetMeta(): Promise<Pick<GraphSnapshot, 'meta' | 'references'>> {
    return this.readConsistent(async (run) => parseDatasetMeta(await run(q.readMeta)));
  }

  /**
   * Analysts' Cypher can reach staged items (a relationship scan finds their real types) and the half-deleted old graph
   * during a promote, so it is refused while any load is staging or promoting. A load's marker is committed before its
   * first staged item and removed after its last, so a query that saw none at its start and end saw no staged item.
   */
  private async refuseDuringLoad(tx: { run: (statement: string) => Promise<{ records: { get(key: string): unknown }[] }> }): Promise<void> {
    const loads = Number(fromNeo4jValue((await tx.run(q.activeLoads)).records[0]?.get('c')) ?? 0);
    const value = fromNeo4jValue((await tx.run(q.readGeneration)).records[0]?.get('value'));
    if (loads === 0 && (value === null || Number(value) % 2 === 0)) return;
    // Leftovers of a dead writer would refuse every query until the next load: they are cleared meanwhile.
    void this.recoverAbandoned().catch(() => undefined);
    throw loadUnderWay();
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
      await this.refuseDuringLoad(tx);
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
      // Checked again at the end: a load that began meanwhile may have staged items this query saw.
      await this.refuseDuringLoad(tx);
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

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

// Neo4j stores no nulls: an absent property is the same thing, and `SET n = r` rejects nothing but keeps rows lean.
function withoutNulls(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== undefined));
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
  return value === null || Number(value) % 2 === 0;
}

/**
 * What identifies one committed graph: the generation's value and when it was set. The value alone could come round
 * again after a wipe of the database (a replace then counts from 0 anew); its time with it does not.
 */
function generationKey(row: Row | undefined): string | null {
  const value = row?.['value'] ?? null;
  return value === null ? null : `${Number(value)}@${Number(row?.['since'] ?? 0)}`;
}

function nodeFromValue(value: unknown, strings?: StringPool): GraphNode {
  const node = value as Node;
  // Every node the adapter's reads match has a kind label: none at all means it was deleted after it was matched.
  if (node.labels.length === 0) throw new GraphChangedDuringRead(`node ${String(node.elementId)} was deleted`);
  return toGraphNode(kindOfLabels(node.labels), plainProperties(node), strings);
}

function edgeFromValue(value: unknown, strings?: StringPool): GraphEdge {
  const rel = value as Relationship;
  const props = plainProperties(rel);
  if (props['fromId'] === undefined) throw new GraphChangedDuringRead(`relationship ${String(rel.elementId)} was deleted`);
  return toGraphEdge(rel.type, props, strings);
}

/** Nodes, relationships and paths in analyst results become the API's shapes; everything else plain JSON. */
function serialiseValue(value: unknown): unknown {
  if (isNode(value as object)) return (value as Node).labels.includes(META_LABEL) ? null : nodeFromValue(value);
  if (isRelationship(value as object)) return edgeFromValue(value);
  if (isPath(value as object)) {
    const path = value as Path;
    return {
      nodes: [path.start, ...path.segments.map((s) => s.end)].map((v) => nodeFromValue(v)),
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
