// Neo4j's Cypher for the port's operations, as pure functions so tests can pin the text.
import type { NodeKind, RelationshipType } from '../../ontology.js';
import { GENERATION_KEY, LOAD_LABEL, META_LABEL, NODE_LABEL, STAGED_LABEL, STAGED_META_LABEL } from './schema.js';

const GEN = `(g:${META_LABEL} {key: '${GENERATION_KEY}'})`;

export const neo4jDialect = {
  /**
   * The dataset generation, a seqlock: odd while a replace promotes, even otherwise, and changed by every replace.
   * `quiet` (ms, by the server's clock, since the promoter's last heartbeat) tells a switch left by a writer that died;
   * `since` (when the value was set) tells the same value set anew after a wipe of the database apart.
   */
  readGeneration: `OPTIONAL MATCH (g:${META_LABEL} {key: '${GENERATION_KEY}'}) RETURN g.value AS value, g.since AS since, timestamp() - g.since AS age, timestamp() - coalesce(g.heartbeat, g.since) AS quiet`,
  // The batched replace (store.ts replaceDataset). Every statement touches at most $batch items, so that no transaction
  // outgrows db.memory.transaction.max.
  /** A load's marker, committed before its first staged item and deleted after its last. */
  beginLoad: `CREATE (:${LOAD_LABEL} {token: $token, heartbeat: timestamp()})`,
  loadHeartbeat: `MATCH (l:${LOAD_LABEL} {token: $token}) SET l.heartbeat = timestamp() RETURN l.token AS token`,
  /** Loads whose staging stopped beating and that no switch has made current: their writer died. */
  abandonedLoads: `MATCH (l:${LOAD_LABEL}) WHERE timestamp() - l.heartbeat > $staleMs AND NOT EXISTS { MATCH ${GEN} WHERE g.token = l.token } RETURN l.token AS token`,
  activeLoads: `MATCH (l:${LOAD_LABEL}) RETURN count(l) AS c`,
  stageNodes: (kind: NodeKind) => `UNWIND $rows AS r CREATE (n:${STAGED_LABEL}) SET n = r, n.stagedToken = $token, n.stagedKind = '${kind}'`,
  stageRelationships: (type: RelationshipType, from: NodeKind, to: NodeKind) =>
    `UNWIND $rows AS r MATCH (a:${STAGED_LABEL} {stagedToken: $token, id: r.fromId}), (b:${STAGED_LABEL} {stagedToken: $token, id: r.toId}) ` +
    `WHERE a.stagedKind = '${from}' AND b.stagedKind = '${to}' CREATE (a)-[x:${type}]->(b) SET x = r RETURN count(x) AS created`,
  stageMeta: `CREATE (:${STAGED_META_LABEL} {key: $key, json: $json, stagedToken: $token})`,
  /** Relationships first, so that no batch of (possibly high-degree) nodes deletes an unbounded number with them. */
  discardStagedRelationships: `MATCH (:${STAGED_LABEL} {stagedToken: $token})-[r]->() WITH r LIMIT $batch DELETE r RETURN count(*) AS c`,
  discardStagedNodes: `MATCH (n:${STAGED_LABEL} {stagedToken: $token}) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS c`,
  discardStagedMeta: `MATCH (m:${STAGED_META_LABEL} {stagedToken: $token}) WITH m LIMIT $batch DELETE m RETURN count(*) AS c`,
  endLoad: `MATCH (l:${LOAD_LABEL} {token: $token}) DELETE l`,
  /** Takes the generation node's write lock (SET) and says where it stands; the switch and every promote batch start here. */
  lockGeneration: `MERGE ${GEN} ON CREATE SET g.value = 0, g.since = timestamp() SET g.locked = timestamp() RETURN g.value AS value, g.token AS token, g.phase AS phase, timestamp() - coalesce(g.heartbeat, g.since) AS quiet`,
  switchTo: `MATCH ${GEN} SET g.value = g.value + 1, g.since = timestamp(), g.token = $token, g.phase = 'clearing', g.heartbeat = timestamp()`,
  promoteHeartbeat: `MATCH ${GEN} WHERE g.token = $token SET g.heartbeat = timestamp(), g.phase = $phase`,
  deleteOldRelationships: `MATCH (:${NODE_LABEL})-[r]->() WITH r LIMIT $batch DELETE r RETURN count(*) AS c`,
  deleteOldNodes: `MATCH (n:${NODE_LABEL}) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS c`,
  deleteOldMeta: `MATCH (m:${META_LABEL}) WHERE m.key <> '${GENERATION_KEY}' DELETE m`,
  promoteNodes: (kind: NodeKind) =>
    `MATCH (n:${STAGED_LABEL} {stagedToken: $token}) WHERE n.stagedKind = '${kind}' WITH n LIMIT $batch ` +
    `REMOVE n:${STAGED_LABEL} SET n:${kind}:${NODE_LABEL} REMOVE n.stagedToken, n.stagedKind RETURN count(*) AS c`,
  promoteMeta: `MATCH (m:${STAGED_META_LABEL} {stagedToken: $token}) REMOVE m:${STAGED_META_LABEL} SET m:${META_LABEL} REMOVE m.stagedToken`,
  /** The end of a promote: the generation even and new, the load's marker gone. */
  finishSwitch: `MATCH ${GEN} WHERE g.token = $token SET g.value = g.value + 1, g.since = timestamp() REMOVE g.token, g.phase, g.heartbeat WITH g OPTIONAL MATCH (l:${LOAD_LABEL} {token: $token}) DELETE l`,
  /** An odd generation without a token (left by a writer of the one-transaction replace): nothing to promote. */
  clearOrphanMark: `MATCH ${GEN} WHERE g.value % 2 = 1 AND g.token IS NULL SET g.value = g.value + 1, g.since = timestamp()`,
  readMeta: `MATCH (m:${META_LABEL}) RETURN m.key AS key, m.json AS json`,
  countNodes: (kind: NodeKind) => `MATCH (n:${kind}) RETURN count(n) AS c`,
  // From a graph node: a load's staged relationships carry the real types (still answered from the count store).
  countRelationships: (type: RelationshipType) => `MATCH (:${NODE_LABEL})-[r:${type}]->() RETURN count(r) AS c`,
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
