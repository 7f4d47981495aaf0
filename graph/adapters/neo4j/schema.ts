// Neo4j constraints derived from the ontology, created idempotently.
import { NODE_KINDS } from '../../ontology.js';

/** Every node of the graph carries this label besides its kind, so id look-ups across kinds use one index. */
export const NODE_LABEL = 'StrategigrafNode';
/** Holds the dataset header and references; not a node kind of the ontology. */
export const META_LABEL = 'StrategigrafMeta';
/** The key of the meta node that counts replaces, so that a multi-statement read can tell when one committed under it. */
export const GENERATION_KEY = 'generation';

export function constraintStatements(): string[] {
  return [
    ...NODE_KINDS.map((kind) => `CREATE CONSTRAINT strategigraf_${kind.toLowerCase()}_id IF NOT EXISTS FOR (n:${kind}) REQUIRE n.id IS UNIQUE`),
    `CREATE CONSTRAINT strategigraf_node_id IF NOT EXISTS FOR (n:${NODE_LABEL}) REQUIRE n.id IS UNIQUE`,
    `CREATE CONSTRAINT strategigraf_meta_key IF NOT EXISTS FOR (m:${META_LABEL}) REQUIRE m.key IS UNIQUE`,
  ];
}
