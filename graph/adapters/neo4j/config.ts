// What the Neo4j adapter needs to reach a server; read from the environment by the composition root (../index.ts).

/** The credentials `npm run neo4j` sets up; the CLI and server assume them when NEO4J_USER/NEO4J_PASSWORD are unset. */
export const DEFAULT_NEO4J_USER = 'neo4j';
export const DEFAULT_NEO4J_PASSWORD = 'strategigraf-dev';

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database?: string;
}
