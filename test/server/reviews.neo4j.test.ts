// The review routes on Neo4j (the suite: reviews-suite.ts): the threads are Neo4j work records, and the Explore reads
// are Neo4j's own Cypher while only marks change, the projection once a rejected link is hidden.
import neo4j from 'neo4j-driver';
import { describe } from 'vitest';
import { Neo4jStore } from '../../graph/adapters/neo4j/store.js';
import { WORK_LABEL } from '../../graph/adapters/neo4j/schema.js';
import { neo4jTestConfig } from '../store/neo4j-config.js';
import { defineReviewRouteSuite } from './reviews-suite.js';

const config = neo4jTestConfig();

describe.runIf(config)('on Neo4j', () => {
  defineReviewRouteSuite('Neo4j 5 (real server)', async (dataset) => {
    const store = new Neo4jStore({ ...config!, log: () => undefined });
    await store.open();
    await store.replaceDataset(dataset);
    // Every test starts from no review threads: the work store has no delete, so they are removed beside it.
    const driver = neo4j.driver(config!.uri, neo4j.auth.basic(config!.user, config!.password));
    try {
      await driver.executeQuery(`MATCH (r:${WORK_LABEL} {collection: 'review'}) DETACH DELETE r`, {}, config!.database ? { database: config!.database } : {});
    } finally {
      await driver.close();
    }
    return store;
  });
});
