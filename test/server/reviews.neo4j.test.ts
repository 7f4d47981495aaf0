// The review routes on Neo4j (the suite: reviews-suite.ts): the threads are Neo4j work records, and the Explore reads
// are Neo4j's own Cypher while only marks change, the projection once a rejected link is hidden.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { actOnReview } from '../../graph/review/actions.js';
import { reviewedSnapshot, reviewRecords } from '../../graph/review/read.js';
import { fixtureDataset } from './helpers.js';
import { Neo4jStore } from '../../graph/adapters/neo4j/store.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import { WORK_LABEL } from '../../graph/adapters/neo4j/schema.js';
import { neo4jTestConfig } from '../store/neo4j-config.js';
import { defineReviewRouteSuite } from './reviews-suite.js';

const config = neo4jTestConfig();

describe.runIf(config)('on Neo4j', () => {
  const makeStore = async (dataset: Dataset) => {
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
  };
  defineReviewRouteSuite('Neo4j 5 (real server)', makeStore);

  it('sees a decision another process made at once, though this one keeps the threads it read', async () => {
    const here = await makeStore(await fixtureDataset());
    const there = new Neo4jStore({ ...config!, log: () => undefined });
    try {
      await there.open();
      const read = await reviewRecords(here.work);
      expect(await reviewRecords(here.work)).toBe(read);
      const link = 'ex-chatbot:INVOLVES:ks';
      expect((await reviewedSnapshot(here)).edges.some((e) => e.id === link)).toBe(true);
      await actOnReview(there.work, await there.snapshot(), link, {
        action: 'reject',
        note: 'Nei.',
        actor: { id: 'other', name: 'Other', via: 'token' },
        expectedVersion: null,
      });
      expect(await reviewRecords(here.work)).not.toBe(read);
      expect((await reviewedSnapshot(here)).edges.some((e) => e.id === link)).toBe(false);
    } finally {
      await here.close();
      await there.close();
    }
  });
});
