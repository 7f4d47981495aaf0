// Every Cypher statement the Ladybug adapter generates, pinned as text: a change to the generated Cypher shows up as
// a snapshot diff (review it, then `npx vitest run test/store/ladybug-dialect.test.ts -u`).
import { describe, expect, it } from 'vitest';
import { ladybugDialect } from '../../graph/adapters/ladybug/dialect.js';
import { dropStatements, schemaStatements } from '../../graph/adapters/ladybug/schema.js';
import { NAMED_QUERIES } from '../../graph/queries/named.js';
import { ladybugNamedQueries } from '../../graph/adapters/ladybug/named-queries.js';
import { NODE_KINDS, RELATIONSHIP_TYPES, allowedPairs } from '../../graph/ontology.js';

const KINDS = [...NODE_KINDS, undefined];

/** Each entry of the dialect, expanded over every argument it is called with. */
const STORE_STATEMENTS: { [K in keyof typeof ladybugDialect]: () => unknown } = {
  createNodes: () => Object.fromEntries(NODE_KINDS.map((k) => [k, ladybugDialect.createNodes(k)])),
  createRelationships: () =>
    Object.fromEntries(
      RELATIONSHIP_TYPES.flatMap((t) => allowedPairs(t).map(([from, to]) => [`${from}-${t}->${to}`, ladybugDialect.createRelationships(t, from, to)])),
    ),
  deleteAll: () => ladybugDialect.deleteAll,
  writeMeta: () => ladybugDialect.writeMeta,
  readMeta: () => ladybugDialect.readMeta,
  countNodes: () => Object.fromEntries(NODE_KINDS.map((k) => [k, ladybugDialect.countNodes(k)])),
  countRelationships: () => Object.fromEntries(RELATIONSHIP_TYPES.map((t) => [t, ladybugDialect.countRelationships(t)])),
  allNodes: () => Object.fromEntries(NODE_KINDS.map((k) => [k, ladybugDialect.allNodes(k)])),
  allRelationships: () => Object.fromEntries(RELATIONSHIP_TYPES.map((t) => [t, ladybugDialect.allRelationships(t)])),
  search: () =>
    Object.fromEntries(KINDS.flatMap((k) => [true, false].map((q) => [`${k ?? '(any kind)'} ${q ? 'with q' : 'without q'}`, ladybugDialect.search(k, q)]))),
  beginReadOnly: () => ladybugDialect.beginReadOnly,
  begin: () => ladybugDialect.begin,
  commit: () => ladybugDialect.commit,
  rollback: () => ladybugDialect.rollback,
};

describe('LadybugDB dialect: the generated Cypher text', () => {
  it('covers every statement of the store dialect', () => {
    expect(Object.keys(STORE_STATEMENTS).sort()).toEqual(Object.keys(ladybugDialect).sort());
  });

  for (const [name, statements] of Object.entries(STORE_STATEMENTS)) {
    it(`store dialect: ${name}`, () => {
      expect(statements()).toMatchSnapshot();
    });
  }

  it('schema DDL and drop statements', () => {
    expect({ schema: schemaStatements(), drop: dropStatements() }).toMatchSnapshot();
  });

  it('named queries: one text per query', () => {
    expect(Object.fromEntries(NAMED_QUERIES.map((q) => [q.name, ladybugNamedQueries[q.name]]))).toMatchSnapshot();
  });
});
