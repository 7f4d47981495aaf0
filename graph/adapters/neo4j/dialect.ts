// Neo4j's Cypher for the port's operations, as pure functions so tests can pin the text.
import type { NodeKind, RelationshipType } from '../../ontology.js';
import { GENERATION_KEY, META_LABEL, NODE_LABEL, RESERVED_LABELS } from './schema.js';

export const neo4jDialect = {
  // Everything but the generation counter, which outlives every load (see readGeneration), and the work records and
  // audit trail, which are not the dataset's.
  deleteAllInTransaction: `MATCH (n) WHERE NOT (n:${META_LABEL} AND n.key = '${GENERATION_KEY}') AND NOT n:${RESERVED_LABELS.join('|')} DETACH DELETE n`,
  /**
   * The dataset generation, a seqlock: odd while a replace runs, even otherwise, and changed by every replace.
   * `age` (ms, by the server's clock) tells an odd value left behind by a writer that died from one still running;
   * `since` (when the value was set) tells the same value set anew after a wipe of the database apart.
   */
  readGeneration: `OPTIONAL MATCH (g:${META_LABEL} {key: '${GENERATION_KEY}'}) RETURN g.value AS value, g.since AS since, timestamp() - g.since AS age`,
  /** Before the replace, in a transaction of its own: makes the generation odd (and different from any before it). */
  markReplacing: `MERGE (g:${META_LABEL} {key: '${GENERATION_KEY}'}) SET g.value = CASE WHEN coalesce(g.value, 0) % 2 = 0 THEN coalesce(g.value, 0) + 1 ELSE g.value + 2 END, g.since = timestamp()`,
  /** After the replace's commit (or its failure), in a transaction of its own: even again. */
  markReplaced: `MATCH (g:${META_LABEL} {key: '${GENERATION_KEY}'}) WHERE g.value % 2 = 1 SET g.value = g.value + 1`,
  createNodes: (kind: NodeKind) => `UNWIND $rows AS r CREATE (n:${kind}:${NODE_LABEL}) SET n = r`,
  createRelationships: (type: RelationshipType, from: NodeKind, to: NodeKind) =>
    `UNWIND $rows AS r MATCH (a:${from} {id: r.fromId}), (b:${to} {id: r.toId}) CREATE (a)-[x:${type}]->(b) SET x = r RETURN count(x) AS created`,
  writeMeta: `CREATE (:${META_LABEL} {key: $key, json: $json})`,
  readMeta: `MATCH (m:${META_LABEL}) RETURN m.key AS key, m.json AS json`,
  countNodes: (kind: NodeKind) => `MATCH (n:${kind}) RETURN count(n) AS c`,
  countRelationships: (type: RelationshipType) => `MATCH ()-[r:${type}]->() RETURN count(r) AS c`,
  allNodes: `MATCH (n:${NODE_LABEL}) RETURN n`,
  allRelationships: `MATCH (:${NODE_LABEL})-[r]->(:${NODE_LABEL}) RETURN r`,
  nodesByIds: `MATCH (n:${NODE_LABEL}) WHERE n.id IN $ids RETURN n`,
  nodeById: `MATCH (n:${NODE_LABEL} {id: $id}) RETURN n`,
  degree: `MATCH (n:${NODE_LABEL} {id: $id})-[r]-(:${NODE_LABEL}) RETURN type(r) AS type, r.fromId = $id AS outgoing, count(*) AS c`,
  search(kind: NodeKind | undefined, withQuery: boolean): { items: string; total: string } {
    const match = `MATCH (n:${kind ?? NODE_LABEL})`;
    const where = withQuery ? ' WHERE n.searchText CONTAINS $q' : '';
    const rank = withQuery
      ? 'CASE WHEN n.searchName = $q OR n.searchNameEn = $q OR n.id = $q THEN 0 WHEN n.searchName STARTS WITH $q OR n.searchNameEn STARTS WITH $q OR n.id STARTS WITH $q THEN 1 ELSE 2 END'
      : '0';
    return {
      items: `${match}${where} WITH n, ${rank} AS rank RETURN n ORDER BY rank, n.searchName, n.id SKIP $offset LIMIT $limit`,
      total: `${match}${where} RETURN count(n) AS c`,
    };
  },
  expand(filters: { types: boolean; basis: boolean; kinds: boolean }): string {
    const conds = ['a.id IN $frontier'];
    if (filters.types) conds.push('type(r) IN $types');
    if (filters.basis) conds.push('r.basis = $basis');
    if (filters.kinds) conds.push('any(l IN labels(b) WHERE l IN $kinds)');
    return `MATCH (a:${NODE_LABEL})-[r]-(b:${NODE_LABEL}) WHERE ${conds.join(' AND ')} RETURN r, b`;
  },
  // Path bounds cannot be parameters in Cypher; maxLength is validated as an integer by the caller.
  shortestPaths(maxLength: number, directed: boolean): string {
    const arrow = directed ? '->' : '-';
    return (
      `MATCH (a:${NODE_LABEL} {id: $from}), (b:${NODE_LABEL} {id: $to}) ` +
      `MATCH p = allShortestPaths((a)-[*..${Math.trunc(maxLength)}]${arrow}(b)) RETURN nodes(p) AS ns, relationships(p) AS rs LIMIT $limit`
    );
  },
};
