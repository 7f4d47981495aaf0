// The second opinion on analysts' Cypher (POST /api/query, no token needed), from Neo4j's own EXPLAIN plan of it:
// what the text guard (shared/analyst-query.ts) missed — a write, LOAD CSV, a procedure off the allow-list — and every
// way to the work records and audit trail kept in the same database under reserved labels (schema.ts RESERVED_LABELS).
//
// Why this keeps them out of reach. A node can enter a query's rows in two ways only:
// 1. From a node source — a leaf that reads nodes from the store (a scan, a seek, a count) — or
// 2. as an endpoint of a relationship (relationship scans and seeks, Expand, VarLengthExpand, shortest paths …), or
//    from a value already bound (Argument, a list, a path).
// Work nodes have no relationships (the adapter never joins them to anything, and analysts cannot write), so (2) never
// reaches them. For (1), every node source must name the labels it reads, and none of them may be reserved: a source
// that reads nodes whatever their label (AllNodesScan for an unlabelled pattern `(n)`, a seek by id() or elementId(),
// the count of all nodes, a dynamic label) is refused, with what to write instead. Work nodes carry reserved labels
// only, so a source naming other labels never yields one. A subquery inside an expression is planned out of EXPLAIN's
// sight (NESTED_PLAN), so it is refused. Cypher has no function that turns an id into a node, and the
// allowed procedures list labels and keys, not nodes' properties. A leaf that reads the store and that this file does
// not know (a scan, seek, look-up or count of a later release) is refused.
import { ALLOWED_PROCEDURES } from '../shared/analyst-query.js';
import { queryInvalid, readOnlyViolation } from '../../store/errors.js';
import { NODE_LABEL, RESERVED_LABELS } from './schema.js';

export interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

/** Plan operators that read files, call procedures, write data or change the schema (names without the @neo4j suffix). */
const REFUSED_OPERATORS = /^(LoadCSV|Create|Merge|LockingMerge|Set|Delete|DetachDelete|Remove|Foreach|Transaction|Drop|DoNothingIfExists|Show|Terminate)/;
const ALLOWED_PROCEDURE_NAMES = new Set(ALLOWED_PROCEDURES.map((p) => p.toLowerCase()));

/** Node sources that read nodes whatever their labels: never allowed (see the top of this file). */
const UNLABELLED_NODE_SOURCES = /^(Partitioned)?(AllNodesScan|NodeByIdSeek|NodeByElementIdSeek|DynamicLabelNodeLookup)$/;
/**
 * Node sources that read the nodes of the labels they name (Neo4j 5.26's operator list; Partitioned… are the parallel
 * runtime's): allowed when they name no reserved label. Any other leaf that is not a relationship source is refused.
 */
const LABELLED_NODE_SOURCES = new RegExp(
  `^(Partitioned)?(${[
    'NodeByLabelScan',
    'NodeIndexSeek',
    'NodeUniqueIndexSeek',
    'NodeIndexScan',
    'NodeIndexContainsScan',
    'NodeIndexEndsWithScan',
    'NodeIndexSeekByRange',
    'NodeUniqueIndexSeekByRange',
    'MultiNodeIndexSeek',
    'AssertingMultiNodeIndexSeek',
    'UnionNodeByLabelsScan',
    'IntersectionNodeByLabelsScan',
    'SubtractionNodeByLabelsScan',
    'NodeCountFromCountStore',
  ].join('|')})$`,
);
/**
 * What a leaf that reads from the store is called: a scan, a seek, a look-up or a count. A leaf called otherwise
 * (Projection of `RETURN 1`, Unwind, EmptyRow, Argument, ProcedureCall) computes its rows from expressions, and no
 * Cypher expression turns an id into a node.
 */
const STORE_READER = /Scan|Seek|Lookup|Store|ById|ByElementId|Node/;
/**
 * A subquery inside an expression (EXISTS { … }, COUNT { … }, COLLECT { … } or a pattern comprehension inside CASE, a
 * list comprehension, reduce() …) is planned as a nested plan that EXPLAIN does not show as operators; its text is in
 * the Details of the operator that evaluates it. One solved by the planner in the plan itself (a WHERE EXISTS { … },
 * a COUNT { … } returned on its own) shows as operators and is checked like any other.
 */
const NESTED_PLAN = /\b(EXISTS|COUNT|COLLECT)\s*\{/i;
const RESERVED = new RegExp(`\\b(${RESERVED_LABELS.join('|')})\\b`, 'i');

const EXAMPLE_LABEL = `(n:${NODE_LABEL}) for any node of the graph, or its kind, e.g. (n:Agency)`;

/**
 * Refuses an EXPLAIN plan with LOAD CSV, a write or schema operator, a call of a procedure not on the guard's
 * allow-list, or any way to nodes under reserved labels. Writes are looked for first, so that a write is reported as
 * one whatever else the plan does.
 */
export function assertAnalystPlanAllowed(plan: PlanNode): void {
  assertNoWrites(plan);
  assertNodeSourcesAllowed(plan);
}

const operatorOf = (plan: PlanNode) => plan.operatorType.replace(/@.*$/, '');
const detailsOf = (plan: PlanNode) => String(plan.arguments['Details'] ?? '');

function assertNoWrites(plan: PlanNode): void {
  const operator = operatorOf(plan);
  if (REFUSED_OPERATORS.test(operator)) {
    if (operator === 'LoadCSV') throw queryInvalid('the clause LOAD CSV is not allowed in analyst queries (found in the query plan)');
    throw readOnlyViolation();
  }
  if (operator === 'ProcedureCall') {
    const details = detailsOf(plan);
    const name = /^\s*([\w.`]+)\s*\(/.exec(details)?.[1]?.replace(/`/g, '') ?? details;
    if (!ALLOWED_PROCEDURE_NAMES.has(name.toLowerCase())) {
      throw queryInvalid(`the procedure ${name} is not allowed in analyst queries (allowed: ${ALLOWED_PROCEDURES.join(', ')})`);
    }
  }
  for (const child of plan.children ?? []) assertNoWrites(child);
}

function assertNodeSourcesAllowed(plan: PlanNode): void {
  const operator = operatorOf(plan);
  const details = detailsOf(plan);
  const reserved = RESERVED.exec(details)?.[1];
  if (reserved) {
    throw queryInvalid(
      `the label ${reserved} holds the programme office's records, which analyst queries may not read; query the graph's labels instead, ${EXAMPLE_LABEL}`,
    );
  }
  if (NESTED_PLAN.test(details)) {
    const kind = NESTED_PLAN.exec(details)![1]!.toUpperCase();
    throw queryInvalid(
      `a subquery inside an expression (here ${kind} { … }; a pattern comprehension counts as COLLECT { … }) cannot be checked on Neo4j and is not allowed in analyst queries; ` +
        `compute it in a clause of its own: WHERE EXISTS { … } or CALL { … } before the expression that uses it`,
    );
  }
  if (UNLABELLED_NODE_SOURCES.test(operator)) throw unlabelledSource(operator, details);
  if (/^(Partitioned)?NodeCountFromCountStore$/.test(operator) && !/^count\( \(:/.test(details.trim())) {
    throw queryInvalid(
      `counting every node of the database is not allowed in analyst queries: the database also holds records analysts may not read; count the graph's nodes with MATCH (n:${NODE_LABEL}) RETURN count(n)`,
    );
  }
  if (LABELLED_NODE_SOURCES.test(operator) && !/:\s*!?`?[\p{L}_]/u.test(details)) {
    throw queryInvalid(
      `the query plan reads nodes with ${operator} without naming their label, which analyst queries may not do on Neo4j; give the pattern a label: ${EXAMPLE_LABEL}`,
    );
  }
  const children = plan.children ?? [];
  if (children.length === 0 && !isKnownLeaf(operator)) {
    throw queryInvalid(
      `the query plan reads data with ${operator}, which analyst queries may not use on Neo4j; start the pattern from a labelled node, ${EXAMPLE_LABEL}`,
    );
  }
  for (const child of children) assertNodeSourcesAllowed(child);
}

function isKnownLeaf(operator: string): boolean {
  // Relationship scans, seeks and counts: they yield relationships and their endpoints, never a node on its own.
  if (/Relationship/.test(operator)) return true;
  // Their labels were checked above.
  if (LABELLED_NODE_SOURCES.test(operator)) return true;
  return !STORE_READER.test(operator);
}

function unlabelledSource(operator: string, details: string): Error {
  const variable = /^\s*([A-Za-z_][\w]*)/.exec(details)?.[1];
  const named = variable && !variable.startsWith('anon_') ? variable : null;
  const pattern = named ? `(${named})` : '()';
  const labelled = named ? `(${named}:${NODE_LABEL})` : `(:${NODE_LABEL})`;
  if (/ById|ByElementId/.test(operator)) {
    return queryInvalid(
      `looking a node up by id() or elementId() is not allowed in analyst queries on Neo4j: the database also holds records analysts may not read; ` +
        `match the node by its label and id property instead, e.g. MATCH (n:${NODE_LABEL} {id: 'digdir'})`,
    );
  }
  if (/DynamicLabel/.test(operator)) {
    return queryInvalid(`a dynamic label ($(…)) is not allowed in analyst queries on Neo4j; write the label itself, ${EXAMPLE_LABEL}`);
  }
  return queryInvalid(
    `the node pattern ${pattern} has no label, so Neo4j would read every node in the database, where Strategigraf also keeps records analysts may not read; ` +
      `give it a label: ${labelled} for any node of the graph, or its kind, e.g. ${named ? `(${named}:Agency)` : '(:Agency)'}`,
  );
}
