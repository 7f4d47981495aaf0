// The Neo4j plan check on plans written by hand: the operators a real Neo4j 5.26 produced for attacks
// (test/store/work.neo4j.test.ts runs them for real), and the ones it may produce elsewhere (the parallel runtime,
// later releases), so that an operator this check does not know is refused rather than let through.
import { describe, expect, it } from 'vitest';
import { assertAnalystPlanAllowed, type PlanNode } from '../../graph/adapters/neo4j/analyst-plan.js';

const op = (operatorType: string, details = '', ...children: PlanNode[]): PlanNode => ({
  operatorType: `${operatorType}@neo4j`,
  arguments: details ? { Details: details } : {},
  children,
});
const results = (...children: PlanNode[]) => op('ProduceResults', 'x', ...children);
const verdict = (plan: PlanNode) => {
  try {
    assertAnalystPlanAllowed(plan);
    return 'allowed';
  } catch (err) {
    return (err as Error).message;
  }
};

describe('the Neo4j plan check: node sources', () => {
  it.each([
    ['a label scan', op('NodeByLabelScan', 'n:Agency')],
    ['a unique index seek', op('NodeUniqueIndexSeek', 'UNIQUE n:StrategigrafNode(id) WHERE id = $autostring_0')],
    ['a union of graph labels', op('UnionNodeByLabelsScan', 'n:Agency|Goal')],
    ['a subtraction of labels', op('SubtractionNodeByLabelsScan', 'n:Agency&!Goal')],
    ['the parallel runtime’s label scan', op('PartitionedNodeByLabelScan', 'n:Agency')],
    ['the count of a label', op('NodeCountFromCountStore', 'count( (:StrategigrafNode) ) AS `count(n)`')],
    ['a relationship scan', op('DirectedAllRelationshipsScan', '(a)-[r]->(b)')],
    ['a relationship count', op('RelationshipCountFromCountStore', 'count( ()-[]->() ) AS `count(r)`')],
    ['an expansion from a labelled node', op('Expand(All)', '(a)-[r]->(b)', op('NodeByLabelScan', 'a:Agency'))],
    ['a subquery on an argument', op('Apply', '', op('NodeByLabelScan', 'a:Agency'), op('Expand(All)', '(a)-->(b)', op('Argument', 'a')))],
    ['an allowed procedure', op('ProcedureCall', 'db.labels() :: (label :: STRING)')],
    ['a row of nothing', op('Projection', '$autoint_0 AS x', op('EmptyRow'))],
    ['a projection of literals as the leaf (RETURN 1)', op('Projection', '$autoint_0 AS ok')],
    ['an unwound list as the leaf', op('Unwind', '$autolist_0 AS x')],
  ])('allows %s', (_name, plan) => {
    expect(verdict(results(plan))).toBe('allowed');
  });

  it.each([
    ['an unlabelled pattern', op('AllNodesScan', 'n'), /the node pattern \(n\) has no label/],
    ['an anonymous unlabelled pattern', op('AllNodesScan', 'anon_0'), /the node pattern \(\) has no label.*\(:StrategigrafNode\)/],
    ['the parallel runtime’s scan of every node', op('PartitionedAllNodesScan', 'n'), /has no label/],
    ['a look-up by id', op('NodeByIdSeek', 'n WHERE id(n) = $autoint_0'), /by id\(\) or elementId\(\)/],
    ['a look-up by element id', op('NodeByElementIdSeek', 'n WHERE elementId(n) = $e'), /by id\(\) or elementId\(\)/],
    ['a dynamic label (Neo4j 2025.08)', op('DynamicLabelNodeLookup', 'n:$all($l)'), /dynamic label/],
    ['the count of every node', op('NodeCountFromCountStore', 'count( () ) AS `count(n)`'), /counting every node/],
    ['the count of every node, aliased with a colon', op('NodeCountFromCountStore', 'count( () ) AS `a:b`'), /counting every node/],
    ['a reserved label', op('NodeByLabelScan', 'n:StrategigrafAudit'), /the label StrategigrafAudit holds the programme office's records/],
    ['a reserved label in a union', op('UnionNodeByLabelsScan', 'n:Agency|StrategigrafWork'), /StrategigrafWork/],
    ['a reserved label in an index seek', op('NodeUniqueIndexSeek', 'UNIQUE n:StrategigrafWork(key) WHERE key = $m'), /StrategigrafWork/],
    ['a reserved label in a filter', op('Filter', 'n:StrategigrafAuditSeq', op('NodeByLabelScan', 'n:Agency')), /StrategigrafAuditSeq/],
    ['an unknown leaf operator about nodes', op('NodeFromOuterSpace', 'n'), /reads data with NodeFromOuterSpace/],
    ['a label scan whose details name no label', op('NodeByLabelScan', 'n'), /without naming their label/],
    ['an unknown leaf that reads the store', op('MysteryScan', 'x'), /reads data with MysteryScan/],
    ['an unknown look-up', op('SomethingLookup', 'x'), /reads data with SomethingLookup/],
    [
      'an unlabelled scan deep in a subquery',
      op('LetSemiApply', 'x', op('EmptyRow'), op('Filter', 'n.body CONTAINS $m', op('AllNodesScan', 'n'))),
      /has no label/,
    ],
    ['an unlabelled scan in a UNION branch', op('Union', '', op('NodeByLabelScan', 'n:Agency'), op('AllNodesScan', 'n')), /has no label/],
  ])('refuses %s', (_name, plan, message) => {
    expect(verdict(results(plan))).toMatch(message);
  });

  it.each([
    ['EXISTS in CASE', 'CASE\n  WHEN EXISTS { MATCH (n)   WHERE n.body CONTAINS $m } THEN $m\n  ELSE $autoint_0\nEND AS leak'],
    ['COUNT in reduce()', 'reduce(s = $autoint_0, x IN $autolist_1 | s + COUNT { MATCH (n) }) AS c'],
    ['a pattern comprehension in CASE', 'CASE\n  WHEN true THEN COLLECT { MATCH (a)-[`anon_1`*0..0]-(b) RETURN b.body AS `anon_0` }\nEND AS x'],
  ])('refuses a subquery planned out of sight: %s', (_name, details) => {
    expect(verdict(results(op('Projection', details)))).toMatch(/a subquery inside an expression .* cannot be checked on Neo4j/);
    expect(verdict(results(op('Projection', details, op('NodeByLabelScan', 'a:Agency'))))).toMatch(/cannot be checked/);
  });

  it('reports a write as a write, whatever else the plan does', () => {
    expect(verdict(results(op('SetProperty', 'n.x = 1', op('AllNodesScan', 'n'))))).toMatch(/would change the graph/);
  });
});
