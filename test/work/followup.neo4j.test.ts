// The follow-up of findings on a real Neo4j: the same suite as on the embedded store. The work data shares the database
// and outlives each store object, so each test starts from an empty work store.
import neo4j from 'neo4j-driver';
import { describe } from 'vitest';
import { RESERVED_LABELS } from '../../graph/adapters/neo4j/schema.js';
import { Neo4jStore } from '../../graph/adapters/neo4j/store.js';
import { neo4jTestConfig } from '../store/neo4j-config.js';
import { defineFollowUpSuite } from './followup-suite.js';

const config = neo4jTestConfig();

async function emptyWorkStore(): Promise<void> {
  const driver = neo4j.driver(config!.uri, neo4j.auth.basic(config!.user, config!.password));
  try {
    await driver.executeQuery(
      `MATCH (n) WHERE ${RESERVED_LABELS.map((l) => `n:${l}`).join(' OR ')} DETACH DELETE n`,
      {},
      config!.database ? { database: config!.database } : {},
    );
  } finally {
    await driver.close();
  }
}

describe.runIf(config)('Neo4j', () => {
  defineFollowUpSuite('Neo4j 5 (real server)', async () => new Neo4jStore({ ...config!, log: () => undefined }), emptyWorkStore);
});
