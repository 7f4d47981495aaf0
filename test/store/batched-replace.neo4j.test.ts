// Neo4j's batched replace (store.ts replaceDataset: stage, switch, promote) against a real server: the old graph serves
// while a load stages, readers never see a mix, writers killed with SIGKILL at either step leave nothing a running
// server cannot finish or clear, a failure after the switch is not a failed load, concurrent loads keep to their own
// staged items, and analysts' Cypher never sees staged data.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jStore, type Neo4jStoreOptions } from '../../graph/adapters/neo4j/store.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import type { LoadPhase } from '../../graph/schema/load.js';
import { LOAD_UNDER_WAY_MESSAGE, StoreError } from '../../graph/store/errors.js';
import { generateDataset } from '../../bench/synthetic/dataset.js';
import { Child } from './crash/harness.js';
import { neo4jTestConfig } from './neo4j-config.js';
import { startNeo4j, type Neo4jServer } from '../../scripts/neo4j-server.mjs';

const config = neo4jTestConfig();
const CHILD = 'test/store/crash/neo4j-load-child.ts';
/** Small and quick, yet many batches at BATCH items each. */
const NODES = 400;
const RELATIONSHIPS = 1500;
const BATCH = 40;
/** How long a heartbeat may be quiet before a reader takes over, here. */
const STALE_MS = 1500;

/** The synthetic graph the child loads for the same seed (its name says the seed). */
function dataset(seed: number, nodes = NODES, relationships = RELATIONSHIPS): Dataset {
  return { ...generateDataset({ nodes, relationships, seed }), dataset: { name: `seed ${seed}`, version: '1' } };
}

describe.runIf(config)('Neo4j batched replace', () => {
  let driver: Driver;
  const stores: Neo4jStore[] = [];
  const children: Child[] = [];
  const store = (options: Partial<Neo4jStoreOptions> = {}) => {
    const s = new Neo4jStore({ ...config!, writeBatch: BATCH, staleHeartbeatMs: STALE_MS, log: () => undefined, ...options });
    stores.push(s);
    return s;
  };
  const count = async (cypher: string) =>
    Number((await driver.executeQuery(cypher, {}, config!.database ? { database: config!.database } : {})).records[0]?.get('c'));
  const leftovers = async () => ({
    staged: await count('MATCH (n:StrategigrafStaged) RETURN count(n) AS c'),
    stagedMeta: await count('MATCH (n:StrategigrafStagedMeta) RETURN count(n) AS c'),
    loads: await count('MATCH (n:StrategigrafLoad) RETURN count(n) AS c'),
  });
  const generation = async () => count(`MATCH (g:StrategigrafMeta {key: 'generation'}) RETURN g.value AS c`);
  /** What a snapshot is, as a graph: its name and sizes (a mix of two graphs matches neither). */
  const shape = (d: { nodes: unknown[]; meta?: { name: string }; dataset?: { name: string } } & ({ edges: unknown[] } | { relationships: unknown[] })) => ({
    name: (d.meta ?? d.dataset)!.name,
    nodes: d.nodes.length,
    edges: 'edges' in d ? d.edges.length : d.relationships.length,
  });
  const NONE = { staged: 0, stagedMeta: 0, loads: 0 };

  beforeAll(() => {
    driver = neo4j.driver(config!.uri, neo4j.auth.basic(config!.user, config!.password));
  });
  afterEach(async () => {
    for (const c of children.splice(0)) await c.kill();
    for (const s of stores.splice(0)) await s.close();
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('serves the old graph while the new one is staged, and readers see one graph or the other, never a mix', async () => {
    const a = dataset(1);
    const b = dataset(2, NODES + 50, RELATIONSHIPS + 200);
    const writer = store();
    const reader = store();
    await writer.replaceDataset(a);
    let phase: LoadPhase | null = null;
    const seen: { phase: LoadPhase | null; name: string }[] = [];
    let done = false;
    const reading = (async () => {
      while (!done) {
        const at = phase;
        const snap = await reader.snapshot();
        const s = shape(snap);
        expect([shape(a), shape(b)]).toContainEqual(s);
        // Counted as during staging only when staging was under way both when the read began and when it ended.
        seen.push({ phase: at === phase ? at : null, name: s.name });
      }
    })();
    await writer.replaceDataset(b, { onProgress: (p) => (phase = p.phase) });
    done = true;
    await reading;
    expect(shape(await reader.snapshot())).toEqual(shape(b));
    // Reads during staging were answered (not made to wait) and with the old graph.
    const duringStaging = seen.filter((s) => s.phase === 'nodes' || s.phase === 'relationships');
    expect(duringStaging.length).toBeGreaterThan(0);
    expect(duringStaging.every((s) => s.name === 'seed 1')).toBe(true);
    expect(await leftovers()).toEqual(NONE);
    expect((await generation()) % 2).toBe(0);
  }, 120_000);

  it('leaves the old graph intact when the writer is killed while staging; the next load clears its leftovers', async () => {
    const a = dataset(1);
    const server = store();
    await server.replaceDataset(a);
    const before = await generation();
    const child = new Child(CHILD, [String(NODES), String(RELATIONSHIPS), '3', String(BATCH), 'staging']);
    children.push(child);
    await child.waitFor('staging', 60_000);
    await child.kill();
    expect((await leftovers()).staged).toBeGreaterThan(0);
    expect(shape(await server.snapshot())).toEqual(shape(a));
    expect(await generation()).toBe(before);

    // Its staged items are this load's to clear once its heartbeat is stale; another load clears them first.
    await new Promise((r) => setTimeout(r, STALE_MS + 200));
    const b = dataset(2);
    await store().replaceDataset(b);
    expect(await leftovers()).toEqual(NONE);
    expect(shape(await server.snapshot())).toEqual(shape(b));
  }, 120_000);

  it('a reader of a running server finishes a promote whose writer was killed, without a restart', async () => {
    const a = dataset(1);
    const server = store();
    await server.replaceDataset(a);
    expect(shape(await server.snapshot())).toEqual(shape(a));
    const child = new Child(CHILD, [String(NODES), String(RELATIONSHIPS), '4', String(BATCH), 'promote']);
    children.push(child);
    await child.waitFor('promoting', 60_000);
    await child.kill();
    // Switched and part-deleted: odd until someone finishes it.
    expect((await generation()) % 2).toBe(1);
    const started = Date.now();
    const snap = await server.snapshot();
    expect(shape(snap)).toEqual(shape(dataset(4)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(STALE_MS / 2);
    expect(await leftovers()).toEqual(NONE);
    expect((await generation()) % 2).toBe(0);
    expect((await server.stats()).nodes).toEqual((await store().stats()).nodes);
  }, 120_000);

  it('open() finishes a pending switch at once', async () => {
    await store().replaceDataset(dataset(1));
    const child = new Child(CHILD, [String(NODES), String(RELATIONSHIPS), '5', String(BATCH), 'promote']);
    children.push(child);
    await child.waitFor('promoting', 60_000);
    await child.kill();
    // Stale only after a minute: open() does not wait for that.
    const later = store({ staleHeartbeatMs: 60_000 });
    await later.open();
    expect((await generation()) % 2).toBe(0);
    expect(shape(await later.snapshot())).toEqual(shape(dataset(5)));
  }, 120_000);

  it('once switched, a failing promote is retried and the load is not reported as failed', async () => {
    await store().replaceDataset(dataset(1));
    // Fails once: retried before replaceDataset returns.
    let failures = 1;
    const flaky = store({
      faults: {
        beforePromote: () => {
          if (failures-- > 0) throw new Error('injected: the promote failed');
        },
      },
    });
    await flaky.replaceDataset(dataset(2));
    expect((await generation()) % 2).toBe(0);
    expect(shape(await flaky.snapshot())).toEqual(shape(dataset(2)));

    // Always fails: the call still resolves (the load has happened) and a reader finishes it after the stale delay.
    const warnings: string[] = [];
    const broken = store({
      log: (level, message) => warnings.push(`${level}: ${message}`),
      faults: {
        beforePromote: () => {
          throw new Error('injected: the promote failed');
        },
      },
    });
    await expect(broken.replaceDataset(dataset(3))).resolves.toBeUndefined();
    expect(warnings.some((w) => w.startsWith('warn: the new graph is switched in'))).toBe(true);
    expect((await generation()) % 2).toBe(1);
    expect(shape(await store().snapshot())).toEqual(shape(dataset(3)));
    expect(await leftovers()).toEqual(NONE);
  }, 120_000);

  it('concurrent loads each switch in turn and never delete the other one’s staged items; a failing one leaves the rest alone', async () => {
    await store().replaceDataset(dataset(1));
    const b = dataset(2);
    const c = dataset(3, NODES + 30, RELATIONSHIPS);
    // Two ids the same: its staged relationships find two endpoints, so a relationship batch creates more than asked.
    const bad = dataset(6);
    const linked = new Set(bad.relationships.flatMap((r) => [r.from, r.to]));
    const first = bad.nodes.find((n) => linked.has(n.id) && bad.nodes.filter((m) => m.kind === n.kind).length > 1)!;
    const j = bad.nodes.findIndex((n) => n !== first && n.kind === first.kind);
    const gone = bad.nodes[j]!.id;
    const broken: Dataset = {
      ...bad,
      nodes: bad.nodes.map((n, i) => (i === j ? { ...n, id: first.id } : n)),
      relationships: bad.relationships.filter((r) => r.from !== gone && r.to !== gone),
    };
    expect(broken.relationships.some((r) => r.from === first.id || r.to === first.id)).toBe(true);
    const results = await Promise.allSettled([store().replaceDataset(b), store().replaceDataset(c), store().replaceDataset(broken)]);
    expect(results[0]!.status).toBe('fulfilled');
    expect(results[1]!.status).toBe('fulfilled');
    expect(results[2]!.status).toBe('rejected');
    expect(((results[2] as PromiseRejectedResult).reason as StoreError).code).toBe('load_failed');
    const final = shape(await store().snapshot());
    expect([shape(b), shape(c)]).toContainEqual(final);
    expect(await leftovers()).toEqual(NONE);
    expect((await generation()) % 2).toBe(0);
  }, 120_000);

  it('refuses analysts’ Cypher while a load stages, so staged nodes are never seen, and answers again after', async () => {
    await store().replaceDataset(dataset(1));
    const analyst = store();
    const options = { rowCap: 1000, timeoutMs: 10_000, maxResponseBytes: 4_000_000 };
    const query = 'MATCH ()-[r]->() RETURN startNode(r) AS s LIMIT 1000';
    let checked: Promise<unknown> | null = null;
    await store().replaceDataset(dataset(2), {
      onProgress: (p) => {
        if (p.phase === 'relationships' && p.done > 0 && !checked) checked = analyst.readQuery(query, {}, options).catch((e: unknown) => e);
      },
    });
    const during = await checked!;
    expect(during).toBeInstanceOf(StoreError);
    expect((during as StoreError).code).toBe('store_unavailable');
    expect((during as StoreError).message).toBe(LOAD_UNDER_WAY_MESSAGE);
    const after = await analyst.readQuery(query, {}, options);
    expect(after.rows.length).toBeGreaterThan(0);
  }, 120_000);
});

// The refusal itself: a Neo4j of its own whose db.memory.transaction.max is small (the launcher's default is 256 MiB, and
// a 100,000-node graph outgrew it in one transaction); a graph that one transaction cannot hold loads in batches.
describe.runIf(config)('Neo4j batched replace under a small db.memory.transaction.max', () => {
  let server: Neo4jServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-txmax-'));
    server = await startNeo4j({ port: 0, dataDir, log: () => undefined, transactionMaxMb: 8 });
  }, 240_000);
  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('loads in batches a graph that one transaction (the old replace) could not', async () => {
    const big = dataset(7, 4000, 20_000);
    const driver = neo4j.driver(server.uri, neo4j.auth.basic('neo4j', 'strategigraf-dev'));
    const session = driver.session();
    try {
      // What the one-transaction replace did: every node and relationship in one write transaction.
      // An explicit transaction: the driver would retry a managed one, as the memory error is transient.
      const tx = session.beginTransaction();
      const oneTransaction = (async () => {
        await tx.run('UNWIND $rows AS r CREATE (n:StrategigrafNode) SET n = r', {
          rows: big.nodes.map((n) => ({ id: n.id, name: n.name, kind: n.kind, source: n.source })),
        });
        await tx.run('UNWIND $rows AS r MATCH (a:StrategigrafNode {id: r.from}), (b:StrategigrafNode {id: r.to}) CREATE (a)-[x:REL]->(b) SET x = r', {
          rows: big.relationships.map((r) => ({ from: r.from, to: r.to, type: r.type, basis: r.basis ?? 'x', note: 'x'.repeat(200) })),
        });
        await tx.commit();
      })();
      await expect(oneTransaction).rejects.toThrow(/memory|MemoryPool/i);
    } finally {
      await session.close();
      await driver.close();
    }
    const s = new Neo4jStore({ uri: server.uri, user: 'neo4j', password: 'strategigraf-dev', writeBatch: 500, log: () => undefined });
    try {
      await s.open();
      await s.replaceDataset(big);
      const stats = await s.stats();
      expect(Object.values(stats.nodes).reduce((x, y) => x + y, 0)).toBe(4000);
      expect(Object.values(stats.relationships).reduce((x, y) => x + y, 0)).toBe(20_000);
    } finally {
      await s.close();
    }
  }, 240_000);
});
