// The Cypher export must recreate the graph in an empty Neo4j: run the script statement by statement and compare.
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { exportGraph } from '../../graph/export/index.js';
import { splitCypherScript } from '../../graph/export/cypher.js';
import { NODE_KINDS, RELATIONSHIP_TYPES } from '../../graph/ontology.js';
import type { GraphSnapshot } from '../../graph/store/port.js';
import { neo4jTestConfig } from '../store/neo4j-config.js';

const config = neo4jTestConfig();

describe.runIf(config)('Cypher export loaded into a real, empty Neo4j', () => {
  let driver: Driver;
  let snapshot: GraphSnapshot;

  const run = async (cypher: string, params: Record<string, unknown> = {}) => {
    const session = driver.session(config!.database ? { database: config!.database } : {});
    try {
      return (await session.run(cypher, params)).records;
    } finally {
      await session.close();
    }
  };

  beforeAll(async () => {
    const seeds = await loadDatasetDir('seeds');
    if (!seeds.ok) throw new Error('seeds/ is invalid');
    const store = new LadybugStore({ path: ':memory:' });
    await store.replaceDataset(seeds.dataset);
    snapshot = await store.snapshot();
    await store.close();

    driver = neo4j.driver(config!.uri, neo4j.auth.basic(config!.user, config!.password), { disableLosslessIntegers: true });
    // Empty means empty: no data and none of the adapter's constraints, so the script's own DDL is what runs.
    await run('MATCH (n) DETACH DELETE n');
    for (const record of await run('SHOW CONSTRAINTS YIELD name RETURN name')) await run(`DROP CONSTRAINT \`${record.get('name')}\``);
    for (const statement of splitCypherScript(exportGraph(snapshot, 'cypher').body)) await run(statement);
  }, 240_000);

  afterAll(async () => {
    await run('MATCH (n) DETACH DELETE n').catch(() => undefined);
    await driver?.close();
  });

  it('creates every node of every kind', async () => {
    for (const kind of NODE_KINDS) {
      const [record] = await run(`MATCH (n:${kind}) RETURN count(n) AS c`);
      expect(record?.get('c'), kind).toBe(snapshot.nodes.filter((n) => n.kind === kind).length);
    }
  });

  it('creates every relationship of every type, between the right nodes', async () => {
    for (const type of RELATIONSHIP_TYPES) {
      const records = await run(`MATCH (a)-[r:${type}]->(b) RETURN a.id AS from, b.id AS to ORDER BY from, to`);
      const expected = snapshot.edges.filter((e) => e.type === type).map((e) => ({ from: e.from, to: e.to }));
      expect(
        records.map((r) => ({ from: r.get('from'), to: r.get('to') })),
        type,
      ).toEqual(expected.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)));
    }
  });

  it('keeps integers as integers and quotes exactly as written', async () => {
    const [goal] = await run("MATCH (g:Goal {id: 'sdg-4'}) RETURN g.number AS n, valueType(g.number) AS t");
    expect(goal?.get('n')).toBe(4);
    expect(goal?.get('t')).toBe('INTEGER NOT NULL');
    const quoted = snapshot.edges.filter((e) => e.properties.quote).slice(0, 25);
    for (const edge of quoted) {
      const [record] = await run(`MATCH ({id: $from})-[r:${edge.type}]->({id: $to}) RETURN r.quote AS quote, r.page AS page`, { from: edge.from, to: edge.to });
      expect(record?.get('quote'), edge.id).toBe(edge.properties.quote);
      expect(record?.get('page'), edge.id).toBe(edge.properties.page);
    }
  });

  it('creates a uniqueness constraint per node kind', async () => {
    const records = await run("SHOW CONSTRAINTS YIELD type, labelsOrTypes WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label");
    expect(records.map((r) => r.get('label')).sort()).toEqual([...NODE_KINDS].sort());
  });
});
