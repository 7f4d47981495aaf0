// Neo4j constraints derived from the ontology, created idempotently.
import { NODE_KINDS } from '../../ontology.js';

/** Every node of the graph carries this label besides its kind, so id look-ups across kinds use one index. */
export const NODE_LABEL = 'StrategigrafNode';
/** Holds the dataset header and references; not a node kind of the ontology. */
export const META_LABEL = 'StrategigrafMeta';
/** The key of the meta node that counts replaces, so that a multi-statement read can tell when one committed under it. */
export const GENERATION_KEY = 'generation';
/**
 * A load stages its graph under these labels (nodes, meta) with its token, out of every reader's match, and marks itself
 * with a LOAD_LABEL node while its staged items exist: analysts' queries are refused while one does (store.ts).
 */
export const STAGED_LABEL = 'StrategigrafStaged';
export const STAGED_META_LABEL = 'StrategigrafStagedMeta';
export const LOAD_LABEL = 'StrategigrafLoad';

/**
 * The programme office's records (follow-up, review, tokens), the audit trail and its counter: never a dataset label,
 * never joined to the graph by a relationship, left alone by replaces, and out of reach of analysts' plans
 * (assertAnalystPlanAllowed in store.ts).
 */
export const WORK_LABEL = 'StrategigrafWork';
export const AUDIT_LABEL = 'StrategigrafAudit';
export const AUDIT_SEQ_LABEL = 'StrategigrafAuditSeq';
export const RESERVED_LABELS = [WORK_LABEL, AUDIT_LABEL, AUDIT_SEQ_LABEL] as const;

export function constraintStatements(): string[] {
  return [
    ...NODE_KINDS.map((kind) => `CREATE CONSTRAINT strategigraf_${kind.toLowerCase()}_id IF NOT EXISTS FOR (n:${kind}) REQUIRE n.id IS UNIQUE`),
    `CREATE CONSTRAINT strategigraf_node_id IF NOT EXISTS FOR (n:${NODE_LABEL}) REQUIRE n.id IS UNIQUE`,
    `CREATE CONSTRAINT strategigraf_meta_key IF NOT EXISTS FOR (m:${META_LABEL}) REQUIRE m.key IS UNIQUE`,
    // Staged relationships find their endpoints by (token, id); no uniqueness, as two loads may stage the same ids.
    `CREATE INDEX strategigraf_staged_token_id IF NOT EXISTS FOR (n:${STAGED_LABEL}) ON (n.stagedToken, n.id)`,
    `CREATE CONSTRAINT strategigraf_load_token IF NOT EXISTS FOR (l:${LOAD_LABEL}) REQUIRE l.token IS UNIQUE`,
    // Unique keys also make MERGE lock: two first writes of one record, or of the counter, create one node.
    `CREATE CONSTRAINT strategigraf_work_key IF NOT EXISTS FOR (w:${WORK_LABEL}) REQUIRE w.key IS UNIQUE`,
    `CREATE CONSTRAINT strategigraf_audit_seq IF NOT EXISTS FOR (a:${AUDIT_LABEL}) REQUIRE a.seq IS UNIQUE`,
    `CREATE CONSTRAINT strategigraf_audit_counter_key IF NOT EXISTS FOR (c:${AUDIT_SEQ_LABEL}) REQUIRE c.key IS UNIQUE`,
  ];
}
