import { describe } from 'vitest';
import { Neo4jStore } from '../../graph/adapters/neo4j/store.js';
import { defineStoreContract } from './contract.js';
import { neo4jTestConfig } from './neo4j-config.js';

const config = neo4jTestConfig();

describe.runIf(config)('Neo4j', () => {
  defineStoreContract('Neo4j 5 (real server)', async () => new Neo4jStore({ ...config!, log: () => undefined }));
});
