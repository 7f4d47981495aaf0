// The gap analysis on Neo4j: the same store contract and real-data expectations as on the embedded store.
import { describe } from 'vitest';
import { Neo4jStore } from '../../graph/adapters/neo4j/store.js';
import { neo4jTestConfig } from '../store/neo4j-config.js';
import { defineSeedExpectations } from './seed-expectations.js';
import { defineAnalysisStoreContract } from './store-contract.js';

const config = neo4jTestConfig();
const makeStore = async () => new Neo4jStore({ ...config!, log: () => undefined });

describe.runIf(config)('Neo4j', () => {
  defineAnalysisStoreContract('Neo4j 5 (real server)', makeStore);
  defineSeedExpectations('Neo4j 5 (real server)', makeStore);
});
