// Issue 15's equivalence on Neo4j (equivalence.ts says what is compared): the same datasets and the same reference as
// on the embedded store, so the two stores' findings and matrices agree with each other too.
import { describe } from 'vitest';
import { Neo4jStore } from '../../graph/adapters/neo4j/store.js';
import { neo4jTestConfig } from '../store/neo4j-config.js';
import { defineAnalysisEquivalence } from './equivalence.js';

const config = neo4jTestConfig();

describe.runIf(config)('Neo4j', () => {
  defineAnalysisEquivalence('Neo4j 5 (real server)', async () => new Neo4jStore({ ...config!, log: () => undefined }));
});
