// Neo4j itself, not only the adapter's EXPLAIN pre-check, refuses writes in the sessions the adapter reads in.
// readQuery does its EXPLAIN check inline, so the write is sent through the adapter's own READ session and
// read path (its private members) to reach the server unchecked; the graph must stay exactly as it was.
import type { Session } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jStore } from '../../graph/adapters/neo4j/store.js';
import { StoreError } from '../../graph/store/errors.js';
import { fixtureDataset } from './contract.js';
import { neo4jTestConfig } from './neo4j-config.js';

const config = neo4jTestConfig();

/** The adapter's private members used by readQuery and by every other read (read() has no EXPLAIN check). */
interface AdapterInternals {
  session(mode: 'READ' | 'WRITE'): Session;
  read(statement: string, params?: Record<string, unknown>): Promise<Record<string, unknown>[]>;
  translate(err: unknown): unknown;
}

// One of each kind of write: data, schema, a write procedure, a delete of everything.
const WRITES = [
  "CREATE (:Agency {id: 'evil', name: 'Evil'})",
  'CREATE INDEX evil_index IF NOT EXISTS FOR (n:Agency) ON (n.sector)',
  "CALL db.createLabel('EvilLabel')",
  'MATCH (n) DETACH DELETE n',
];

describe.runIf(config)('Neo4j refuses writes in the adapter’s READ sessions', () => {
  let sut: Neo4jStore;
  let internals: AdapterInternals;
  let before: { nodes: number; edges: number; indexes: string[]; labels: string[] };

  // What a write could have changed: the whole graph, the index names and the label names.
  async function footprint() {
    const snapshot = await sut.snapshot();
    const indexes = (await internals.read('SHOW INDEXES YIELD name RETURN name ORDER BY name')).map((r) => String(r['name']));
    const labels = (await internals.read('CALL db.labels() YIELD label RETURN label ORDER BY label')).map((r) => String(r['label']));
    return { nodes: snapshot.nodes.length, edges: snapshot.edges.length, indexes, labels };
  }

  beforeAll(async () => {
    sut = new Neo4jStore({ ...config!, log: () => undefined });
    internals = sut as unknown as AdapterInternals;
    await sut.open();
    await sut.replaceDataset(await fixtureDataset());
    before = await footprint();
  });

  afterAll(async () => {
    await sut?.close();
  });

  it.each(WRITES)('an explicit READ transaction, as readQuery opens it, is refused by the server: %s', async (cypher) => {
    // Exactly readQuery's session and transaction, minus its EXPLAIN step.
    const session = internals.session('READ');
    const tx = session.beginTransaction({ timeout: 5000 });
    let err: unknown;
    try {
      await tx.run(cypher);
      await tx.commit();
    } catch (e) {
      err = e;
    } finally {
      if (tx.isOpen()) await tx.rollback().catch(() => undefined);
      await session.close();
    }
    expect(err, 'Neo4j accepted a write in a READ transaction').toBeDefined();
    expect((err as { code?: string }).code).toBe('Neo.ClientError.Statement.AccessMode');
    // And the adapter turns the server's refusal into its own read_only error.
    const translated = internals.translate(err);
    expect(translated).toBeInstanceOf(StoreError);
    expect((translated as StoreError).code).toBe('read_only');
    expect(await footprint()).toEqual(before);
  });

  it.each(WRITES)('the adapter’s managed read path (no pre-check at all) fails with read_only: %s', async (cypher) => {
    const err = await internals.read(cypher).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('read_only');
    expect(await footprint()).toEqual(before);
  });

  it('leaves the fixture graph intact and still readable', async () => {
    expect(before.nodes).toBe((await fixtureDataset()).nodes.length);
    expect(await sut.getNode('evil')).toBeNull();
    expect((await sut.getNode('ks'))?.name).toBe('KS');
    expect(before.indexes).not.toContain('evil_index');
    expect(before.labels).not.toContain('EvilLabel');
  });
});
