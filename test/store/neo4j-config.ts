// The Neo4j the test runner provides (scripts/run-tests.mjs), or none: suites that need it run only when it is there.
import { DEFAULT_NEO4J_PASSWORD, DEFAULT_NEO4J_USER, type Neo4jConfig } from '../../graph/adapters/neo4j/config.js';

export function neo4jTestConfig(): Neo4jConfig | undefined {
  const uri = process.env['STRATEGIGRAF_TEST_NEO4J_URI'];
  if (!uri) return undefined;
  return {
    uri,
    user: process.env['NEO4J_USER'] || DEFAULT_NEO4J_USER,
    password: process.env['NEO4J_PASSWORD'] || DEFAULT_NEO4J_PASSWORD,
    ...(process.env['NEO4J_DATABASE'] ? { database: process.env['NEO4J_DATABASE'] } : {}),
  };
}
