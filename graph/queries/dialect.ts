// The few places where LadybugDB's and Neo4j's Cypher differ, as seen by the named queries.

export interface CypherDialect {
  /** The relationship type of `r` as a string. */
  typeOf(rel: string): string;
  /** The (single) label of `n` as a string. */
  kindOf(node: string): string;
  /** A variable-length relationship pattern that never reuses an edge (trail semantics). */
  trail(type: string, min: number, max: number): string;
}

export const neo4jCypher: CypherDialect = {
  typeOf: (rel) => `type(${rel})`,
  kindOf: (node) => `labels(${node})[0]`,
  // Neo4j's variable-length patterns never repeat a relationship, which is trail semantics already.
  trail: (type, min, max) => `[:${type}*${min}..${max}]`,
};

export const ladybugCypher: CypherDialect = {
  typeOf: (rel) => `label(${rel})`,
  kindOf: (node) => `label(${node})`,
  // Ladybug walks by default (edges may repeat, so cycles explode); TRAIL matches Neo4j.
  trail: (type, min, max) => `[:${type}* TRAIL ${min}..${max}]`,
};
