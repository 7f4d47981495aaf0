// LadybugDB's Cypher for the port's operations, as pure functions so tests can pin the text.
import { nodeColumns } from '../../schema/columns.js';
import { INTERNAL_NODE_COLUMNS, RELATIONSHIP_COLUMNS } from '../../schema/columns.js';
import type { NodeKind, RelationshipType } from '../../ontology.js';
import { LADYBUG_TYPES, META_TABLE } from './schema.js';
import type { Column } from '../../schema/columns.js';

// A parameter column that is null in every row is typed STRING by Ladybug, so non-string columns are cast explicitly.
const assign = (c: Pick<Column, 'name' | 'type'>) =>
  c.type === 'string' || c.type === 'json' ? `${c.name}: r.${c.name}` : `${c.name}: CAST(r.${c.name} AS ${LADYBUG_TYPES[c.type]})`;

export const ladybugDialect = {
  createNodes(kind: NodeKind): string {
    const cols = [...nodeColumns(kind), ...INTERNAL_NODE_COLUMNS].map(assign);
    return `UNWIND $rows AS r CREATE (:${kind} {${cols.join(', ')}})`;
  },
  // Ladybug cannot CREATE a relationship whose endpoints are bound to several labels, so each (from, to) pair gets its own statement.
  createRelationships(type: RelationshipType, from: NodeKind, to: NodeKind): string {
    const props = RELATIONSHIP_COLUMNS.map(assign).join(', ');
    // Two MATCH clauses: written as one comma pattern, Ladybug joins two full scans instead of two primary-key look-ups.
    return `UNWIND $rows AS r MATCH (a:${from} {id: r.fromId}) MATCH (b:${to} {id: r.toId}) CREATE (a)-[:${type} {${props}}]->(b) RETURN count(*) AS created`;
  },
  deleteAll: 'MATCH (n) DETACH DELETE n',
  writeMeta: `CREATE (:${META_TABLE} {key: $key, json: $json})`,
  readMeta: `MATCH (m:${META_TABLE}) RETURN m.key AS key, m.json AS json`,
  // Counted by a column every row has, not count(r): in Ladybug 0.19.1 a read transaction begun before another one
  // commits counts that one's new relationships too with count(r), but not with count(r.fromId) (see
  // test/store/ladybug-consistency.test.ts); nodes are counted the same way to be safe.
  countNodes: (kind: NodeKind) => `MATCH (n:${kind}) RETURN count(n.id) AS c`,
  countRelationships: (type: RelationshipType) => `MATCH ()-[r:${type}]->() RETURN count(r.fromId) AS c`,
  allNodes: (kind: NodeKind) => `MATCH (n:${kind}) RETURN n ORDER BY n.id`,
  allRelationships: (type: RelationshipType) => `MATCH ()-[r:${type}]->() RETURN r ORDER BY r.fromId, r.toId`,
  search(kind: NodeKind | undefined, withQuery: boolean): { items: string; total: string } {
    const match = kind ? `MATCH (n:${kind})` : `MATCH (n) WHERE label(n) <> '${META_TABLE}'`;
    const where = withQuery ? `${kind ? ' WHERE' : ' AND'} n.searchText CONTAINS $q` : '';
    const rank = withQuery
      ? `CASE WHEN n.searchName = $q OR n.searchNameEn = $q OR n.id = $q THEN 0 WHEN starts_with(n.searchName, $q) OR starts_with(coalesce(n.searchNameEn, ''), $q) OR starts_with(n.id, $q) THEN 1 ELSE 2 END`
      : '0';
    return {
      items: `${match}${where} WITH n, ${rank} AS rank RETURN n ORDER BY rank, n.searchName, n.id SKIP $offset LIMIT $limit`,
      total: `${match}${where} RETURN count(n) AS c`,
    };
  },
  beginReadOnly: 'BEGIN TRANSACTION READ ONLY',
  begin: 'BEGIN TRANSACTION',
  commit: 'COMMIT',
  rollback: 'ROLLBACK',
};
