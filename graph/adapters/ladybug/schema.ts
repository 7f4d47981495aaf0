// LadybugDB DDL derived from the ontology: a node table per kind, a rel table per type with all its FROM/TO pairs.
import { createHash } from 'node:crypto';
import { NODE_KINDS, RELATIONSHIP_RULES, RELATIONSHIP_TYPES } from '../../ontology.js';
import { INTERNAL_NODE_COLUMNS, nodeColumns, RELATIONSHIP_COLUMNS, type ColumnType } from '../../schema/columns.js';

export const LADYBUG_TYPES: Record<ColumnType, string> = {
  string: 'STRING',
  int: 'INT64',
  float: 'DOUBLE',
  boolean: 'BOOLEAN',
  'string[]': 'STRING[]',
  json: 'STRING',
};

/** Holds the dataset header and references; not a node kind of the ontology. */
export const META_TABLE = 'DatasetMeta';

export function schemaStatements(): string[] {
  const nodeTables = NODE_KINDS.map((kind) => {
    const cols = [...nodeColumns(kind), ...INTERNAL_NODE_COLUMNS].filter((c) => c.name !== 'id').map((c) => `${c.name} ${LADYBUG_TYPES[c.type]}`);
    return `CREATE NODE TABLE IF NOT EXISTS ${kind}(id STRING PRIMARY KEY, ${cols.join(', ')})`;
  });
  const relTables = RELATIONSHIP_TYPES.map((type) => {
    const pairs = RELATIONSHIP_RULES[type].map(([from, to]) => `FROM ${from} TO ${to}`);
    const cols = RELATIONSHIP_COLUMNS.map((c) => `${c.name} ${LADYBUG_TYPES[c.type]}`);
    return `CREATE REL TABLE IF NOT EXISTS ${type}(${[...pairs, ...cols].join(', ')})`;
  });
  return [...nodeTables, ...relTables, `CREATE NODE TABLE IF NOT EXISTS ${META_TABLE}(key STRING PRIMARY KEY, json STRING)`];
}

/**
 * Changes whenever the derived schema changes, so an old database file is rebuilt rather than half-matching. A sha256 of
 * the DDL, not the DDL itself (6.8 KB): LadybugDB cannot replay a log record holding a string of about 4 KB.
 */
export function schemaFingerprint(): string {
  return `sha256:${createHash('sha256').update(legacySchemaFingerprint()).digest('hex')}`;
}

/** What files written before the hash hold: the DDL itself. Such a file matches and gets the hash written over it. */
export function legacySchemaFingerprint(): string {
  return schemaStatements().join(';');
}

export function dropStatements(): string[] {
  return [
    ...RELATIONSHIP_TYPES.map((t) => `DROP TABLE IF EXISTS ${t}`),
    ...NODE_KINDS.map((k) => `DROP TABLE IF EXISTS ${k}`),
    `DROP TABLE IF EXISTS ${META_TABLE}`,
  ];
}
