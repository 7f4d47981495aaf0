// Every Cypher statement the Neo4j adapter generates, pinned as text: a change to the generated Cypher shows up as
// a snapshot diff (review it, then `npx vitest run test/store/neo4j-dialect.test.ts -u`). No server needed.
import { describe, expect, it } from 'vitest';
import { neo4jDialect } from '../../graph/adapters/neo4j/dialect.js';
import { constraintStatements } from '../../graph/adapters/neo4j/schema.js';
import { NAMED_QUERIES } from '../../graph/queries/named.js';
import { neo4jNamedQueries } from '../../graph/adapters/neo4j/named-queries.js';
import { NODE_KINDS, RELATIONSHIP_TYPES, allowedPairs } from '../../graph/ontology.js';

const KINDS = [...NODE_KINDS, undefined];
const BOOLS = [false, true];
/** The API accepts maxLength 1..6 (server/schemas/paths.ts). */
const MAX_LENGTHS = [1, 2, 3, 4, 5, 6];

/** Each entry of the dialect, expanded over every argument it is called with. */
const STORE_STATEMENTS: { [K in keyof typeof neo4jDialect]: () => unknown } = {
  readGeneration: () => neo4jDialect.readGeneration,
  beginLoad: () => neo4jDialect.beginLoad,
  loadHeartbeat: () => neo4jDialect.loadHeartbeat,
  abandonedLoads: () => neo4jDialect.abandonedLoads,
  activeLoads: () => neo4jDialect.activeLoads,
  stageNodes: () => Object.fromEntries(NODE_KINDS.map((k) => [k, neo4jDialect.stageNodes(k)])),
  stageRelationships: () =>
    Object.fromEntries(
      RELATIONSHIP_TYPES.flatMap((t) => allowedPairs(t).map(([from, to]) => [`${from}-${t}->${to}`, neo4jDialect.stageRelationships(t, from, to)])),
    ),
  stageMeta: () => neo4jDialect.stageMeta,
  discardStagedRelationships: () => neo4jDialect.discardStagedRelationships,
  discardStagedNodes: () => neo4jDialect.discardStagedNodes,
  discardStagedMeta: () => neo4jDialect.discardStagedMeta,
  endLoad: () => neo4jDialect.endLoad,
  lockGeneration: () => neo4jDialect.lockGeneration,
  switchTo: () => neo4jDialect.switchTo,
  promoteHeartbeat: () => neo4jDialect.promoteHeartbeat,
  deleteOldRelationships: () => neo4jDialect.deleteOldRelationships,
  deleteOldNodes: () => neo4jDialect.deleteOldNodes,
  deleteOldMeta: () => neo4jDialect.deleteOldMeta,
  promoteNodes: () => Object.fromEntries(NODE_KINDS.map((k) => [k, neo4jDialect.promoteNodes(k)])),
  promoteMeta: () => neo4jDialect.promoteMeta,
  finishSwitch: () => neo4jDialect.finishSwitch,
  clearOrphanMark: () => neo4jDialect.clearOrphanMark,
  readMeta: () => neo4jDialect.readMeta,
  countNodes: () => Object.fromEntries(NODE_KINDS.map((k) => [k, neo4jDialect.countNodes(k)])),
  countRelationships: () => Object.fromEntries(RELATIONSHIP_TYPES.map((t) => [t, neo4jDialect.countRelationships(t)])),
  allNodes: () => neo4jDialect.allNodes,
  allRelationships: () => neo4jDialect.allRelationships,
  nodesByIds: () => neo4jDialect.nodesByIds,
  nodeById: () => neo4jDialect.nodeById,
  degree: () => neo4jDialect.degree,
  search: () => Object.fromEntries(KINDS.flatMap((k) => BOOLS.map((q) => [`${k ?? '(any kind)'} ${q ? 'with q' : 'without q'}`, neo4jDialect.search(k, q)]))),
  expand: () =>
    Object.fromEntries(
      BOOLS.flatMap((types) =>
        BOOLS.flatMap((basis) => BOOLS.map((kinds) => [`types=${types} basis=${basis} kinds=${kinds}`, neo4jDialect.expand({ types, basis, kinds })])),
      ),
    ),
  shortestPaths: () =>
    Object.fromEntries(
      MAX_LENGTHS.flatMap((n) => BOOLS.map((directed) => [`maxLength=${n} ${directed ? 'directed' : 'undirected'}`, neo4jDialect.shortestPaths(n, directed)])),
    ),
};

describe('Neo4j dialect: the generated Cypher text', () => {
  it('covers every statement of the store dialect', () => {
    expect(Object.keys(STORE_STATEMENTS).sort()).toEqual(Object.keys(neo4jDialect).sort());
  });

  for (const [name, statements] of Object.entries(STORE_STATEMENTS)) {
    it(`store dialect: ${name}`, () => {
      expect(statements()).toMatchSnapshot();
    });
  }

  it('schema constraints', () => {
    expect(constraintStatements()).toMatchSnapshot();
  });

  it('named queries: one text per query', () => {
    expect(Object.fromEntries(NAMED_QUERIES.map((q) => [q.name, neo4jNamedQueries[q.name]]))).toMatchSnapshot();
  });
});
