// Neo4j's work records: the shared contract on a real Neo4j 5.26, and what is particular to Neo4j — the records share
// the database with the graph under reserved labels, so replaces must leave them alone and analysts' plans must not
// reach them, however they are asked for (by id, by elementId, by a dynamic or spelled-differently label).
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jStore } from '../../graph/adapters/neo4j/store.js';
import { RESERVED_LABELS } from '../../graph/adapters/neo4j/schema.js';
import { fixtureDataset } from './contract.js';
import { neo4jTestConfig } from './neo4j-config.js';
import { defineWorkStoreContract, draft } from './work-contract.js';

const config = neo4jTestConfig();
const LIMITS = { timeoutMs: 10_000, rowCap: 5000 };

describe.runIf(config)('Neo4j work store', () => {
  const driver = () => neo4j.driver(config!.uri, neo4j.auth.basic(config!.user, config!.password));
  const database = config?.database ? { database: config.database } : {};

  defineWorkStoreContract('Neo4j 5 (real server)', {
    makeStore: async () => new Neo4jStore({ ...config!, log: () => undefined }),
    moreAttacks: async (marker) => {
      // The ids and element ids of the nodes holding the marker, found with the guard bypassed, as an attacker who
      // guessed them would have them.
      const d = driver();
      try {
        const { records } = await d.executeQuery(`MATCH (w) WHERE (w:${RESERVED_LABELS.join('|')}) RETURN elementId(w) AS e, id(w) AS i`, {}, { ...database });
        const eids = records.map((r) => String(r.get('e')));
        const ids = records.map((r) => Number(r.get('i')));
        expect(eids.length).toBeGreaterThan(0);
        const e = eids[0]!;
        return [
          { cypher: 'MATCH (n) WHERE elementId(n) = $e RETURN n', params: { e } },
          { cypher: 'MATCH (n) WHERE elementId(n) IN $es RETURN properties(n) AS p', params: { es: eids } },
          { cypher: 'MATCH (n) WHERE id(n) IN $ids RETURN n.body AS b, n.json AS j', params: { ids } },
          { cypher: `MATCH (n) WHERE id(n) = ${ids[0]} RETURN n` },
          { cypher: 'MATCH (a:Agency) OPTIONAL MATCH (n) WHERE elementId(n) = $e RETURN n', params: { e } },
          { cypher: 'MATCH (n:$($l)) RETURN n', params: { l: 'StrategigrafWork' } },
          { cypher: 'MATCH (n:$any($ls)) RETURN n', params: { ls: [...RESERVED_LABELS] } },
          { cypher: 'MATCH (n:`StrategigrafAudit`) RETURN n.json AS j' },
          { cypher: 'MATCH (n:StrategigrafNode|StrategigrafWork) RETURN n' },
          { cypher: 'MATCH (n:Agency&!StrategigrafWork) RETURN n' },
          { cypher: "MATCH (n:StrategigrafWork {key: 'x'}) RETURN n" },
          { cypher: 'MATCH (n:StrategigrafAudit) WHERE n.seq > 0 RETURN n.json' },
          { cypher: 'MATCH (n:StrategigrafAudit) RETURN count(n) AS c' },
          { cypher: 'MATCH (a:Agency), (n) RETURN n.body' },
          { cypher: 'MATCH (a:Agency) MATCH (b) WHERE b.id = a.id OR b.body IS NOT NULL RETURN b' },
          { cypher: 'UNWIND $es AS e MATCH (n) WHERE elementId(n) = e RETURN n', params: { es: eids } },
          { cypher: 'MATCH (n) WHERE n:$($l) RETURN n', params: { l: 'StrategigrafAudit' } },
          { cypher: 'MATCH (a:Agency) RETURN [x IN COLLECT { MATCH (n) RETURN n.body } | x] AS xs' },
          { cypher: `RETURN CASE WHEN EXISTS { MATCH (n:StrategigrafWork) WHERE n.body CONTAINS $m } THEN $m END AS leak`, params: { m: marker } },
          { cypher: 'MATCH p = (a:Agency)-[*0..3]-(b) RETURN nodes(p) AS ns' },
          { cypher: 'MATCH (a:Agency) ((x)-[]-(y)){0,3} (b) RETURN b' },
          { cypher: 'MATCH ()-[r]-() RETURN startNode(r) AS s, endNode(r) AS e' },
          // Subqueries inside expressions are planned out of EXPLAIN's sight (nested plans).
          { cypher: 'RETURN CASE WHEN true THEN [(a)-[*0..0]-(b) | b.body] END AS leak' },
          { cypher: 'RETURN [x IN [1] | COLLECT { MATCH (n) WHERE n.json IS NOT NULL RETURN n.json }] AS leak' },
          { cypher: 'RETURN reduce(s = [], x IN [1] | s + COLLECT { MATCH (n:StrategigrafAudit) RETURN n.json }) AS leak' },
          {
            cypher: 'MATCH (a:Agency) RETURN CASE WHEN COUNT { MATCH (n) WHERE n.body CONTAINS $m OR n.json CONTAINS $m } > 0 THEN $m END AS leak',
            params: { m: marker },
          },
          {
            cypher:
              'MATCH (a:Agency) WITH a, [x IN [1] WHERE EXISTS { MATCH (n) WHERE n.body CONTAINS $m }] AS hit RETURN CASE WHEN size(hit) > 0 THEN $m END AS leak',
            params: { m: marker },
          },
        ];
      } finally {
        await d.close();
      }
    },
  });

  describe('beside the graph', () => {
    let store: Neo4jStore;
    beforeAll(async () => {
      store = new Neo4jStore({ ...config!, log: () => undefined });
      await store.replaceDataset(await fixtureDataset());
      await store.work.writeRecord('followup', `rel-${Date.now()}`, { x: 1 }, 0, draft('followup/x', null));
    });
    afterAll(async () => {
      await store?.close();
    });

    it('keeps work nodes apart: no relationship touches them, and they carry no label of the graph', async () => {
      const d = driver();
      try {
        const labels = RESERVED_LABELS.join('|');
        const touching = await d.executeQuery(`MATCH (w:${labels})-[r]-() RETURN count(r) AS c`, {}, database);
        expect(Number(touching.records[0]!.get('c'))).toBe(0);
        const mixed = await d.executeQuery(
          `MATCH (w:${labels}) WHERE w:StrategigrafNode OR w:StrategigrafMeta OR size(labels(w)) > 1 RETURN count(w) AS c`,
          {},
          database,
        );
        expect(Number(mixed.records[0]!.get('c'))).toBe(0);
        const all = await d.executeQuery(`MATCH (w:${labels}) RETURN count(w) AS c`, {}, database);
        expect(Number(all.records[0]!.get('c'))).toBeGreaterThan(0);
      } finally {
        await d.close();
      }
    });

    it('refuses unlabelled node patterns and id look-ups with what to write instead, and answers the labelled query', async () => {
      const refused = async (cypher: string) =>
        (await store.readQuery(cypher, {}, LIMITS).then(
          () => 'allowed',
          (e: Error) => e.message,
        )) as string;
      expect(await refused('MATCH (n) RETURN n.id AS id')).toMatch(
        /^the node pattern \(n\) has no label, .*records analysts may not read; give it a label: \(n:StrategigrafNode\) for any node of the graph, or its kind, e\.g\. \(n:Agency\)$/,
      );
      expect(await refused('MATCH (n) RETURN count(n) AS c')).toMatch(/counting every node .* MATCH \(n:StrategigrafNode\) RETURN count\(n\)/);
      expect(await refused("MATCH (n) WHERE elementId(n) = '4:x:1' RETURN n")).toMatch(
        /by id\(\) or elementId\(\) .* MATCH \(n:StrategigrafNode \{id: 'digdir'\}\)/,
      );
      expect(await refused('MATCH (n:StrategigrafWork) RETURN n')).toMatch(/the label StrategigrafWork holds the programme office's records/);
      const nodes = await store.readQuery('MATCH (n:StrategigrafNode) RETURN count(n) AS c', {}, LIMITS);
      expect(nodes.rows).toEqual([[(await fixtureDataset()).nodes.length]]);
      // Relationship patterns with unlabelled ends start from the relationships, and stay allowed.
      const rels = await store.readQuery('MATCH (a)-[r:LEADS]->(b) RETURN a.id AS a, b.id AS b ORDER BY a, b LIMIT 1', {}, LIMITS);
      expect(rels.rows).toHaveLength(1);
      expect((await store.readQuery('MATCH ()-[r]->() RETURN count(r) AS c', {}, LIMITS)).rows[0]![0]).toBeGreaterThan(0);
    });
  });
});
