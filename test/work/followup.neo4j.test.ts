// The follow-up of findings on a real Neo4j: the same suite as on the embedded store.
import { describe } from 'vitest';
import { Neo4jStore } from '../../graph/adapters/neo4j/store.js';
import { neo4jTestConfig } from '../store/neo4j-config.js';
import { defineFollowUpSuite } from './followup-suite.js';

const config = neo4jTestConfig();

describe.runIf(config)('Neo4j', () => {
  defineFollowUpSuite('Neo4j 5 (real server)', async () => new Neo4jStore({ ...config!, log: () => undefined }));
});
