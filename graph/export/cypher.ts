// Cypher export: a script that recreates the graph in an EMPTY Neo4j 5 database.
//
// Layout, in order:
//   1. comment lines: a title, then the dataset header and the references as JSON ("// dataset: {...}",
//      "// references: [...]"), so a later import can recover them; they are not stored in the graph itself
//   2. one uniqueness constraint on `id` per node kind of the ontology (this also indexes the lookups in step 4)
//   3. one `CREATE (:Kind {...});` per node, by id
//   4. one `MATCH (a:FromKind {id: '…'}), (b:ToKind {id: '…'}) CREATE (a)-[:TYPE {...}]->(b);` per relationship, by id
// Every statement sits on a single line and ends with ";": string literals escape newlines, so the script can be run
// with `cypher-shell -f export.cypher` or split on ";\n" (see splitCypherScript). Each statement is its own transaction;
// the constraints must come first because Neo4j refuses schema and data changes in one transaction.
//
// Values: strings are single-quoted with \\, \', \n, \r, \t, \b, \f escaped, other control characters, U+2028/U+2029 and
// lone surrogates as \uXXXX; other Unicode (æøå, «», –) is written as is (the file is UTF-8). Integers are plain integer
// literals, so Neo4j stores them as integers (INTEGER, 64-bit); booleans true/false; lists of strings as list literals.
// Null and absent values are left out, as Neo4j stores no nulls. Only dataset properties are written: the app's own Neo4j
// adapter computes its search keys when it loads a dataset, so point the app at the JSON export rather than at this.
import { NODE_KINDS } from '../ontology.js';
import type { GraphEdge, GraphNode, PropertyValue } from '../schema/graph.js';
import type { GraphSnapshot } from '../store/port.js';
import { endpointKind, kindIndex, linkReviewJson, orderedProperties, sortedEdges, sortedNodes } from './shared.js';

const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A label, relationship type or property key; backtick-quoted unless it is a plain identifier. */
export function cypherIdentifier(name: string): string {
  return PLAIN_IDENTIFIER.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

const STRING_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};
const NEEDS_ESCAPE = /[\\'\u0000-\u001F\u007F\u0085\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const SIMPLE = /^[^\\'\u0000-\u001F\u007F\u0085\u2028\u2029\uD800-\uDFFF]*$/;

export function cypherString(value: string): string {
  if (SIMPLE.test(value)) return `'${value}'`;
  const body = value.replace(NEEDS_ESCAPE, (c) => STRING_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  return `'${body}'`;
}

export function cypherValue(value: Exclude<PropertyValue, null>): string {
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a Cypher literal`);
    if (Number.isInteger(value)) return BigInt(value).toString();
    return String(value).replace('e+', 'e');
  }
  return `[${value.map(cypherString).join(', ')}]`;
}

/** A literal map, leaving out nulls; "" when nothing is left. */
export function cypherMap(entries: readonly [string, PropertyValue | undefined][]): string {
  const parts = entries
    .filter((e): e is [string, Exclude<PropertyValue, null>] => e[1] !== null && e[1] !== undefined)
    .map(([k, v]) => `${cypherIdentifier(k)}: ${cypherValue(v)}`);
  return parts.length > 0 ? `{${parts.join(', ')}}` : '';
}

export function constraintStatement(kind: string): string {
  const name = cypherIdentifier(`strategigraf_${kind.toLowerCase()}_id`);
  return `CREATE CONSTRAINT ${name} IF NOT EXISTS FOR (n:${cypherIdentifier(kind)}) REQUIRE n.id IS UNIQUE;`;
}

export function nodeStatement(node: GraphNode): string {
  const map = cypherMap([['id', node.id], ['name', node.name], ['nameEn', node.nameEn], ...orderedProperties(node)]);
  return `CREATE (:${cypherIdentifier(node.kind)} ${map});`;
}

export function relationshipStatement(edge: GraphEdge, fromKind: string, toKind: string): string {
  const p = edge.properties;
  const map = cypherMap([
    ['source', p.source],
    ['page', p.page],
    ['quote', p.quote],
    ['basis', p.basis],
    ['note', p.note],
    ['noteNb', p.noteNb],
    ['endedBy', p.endedBy],
    ['review', linkReviewJson(p.review)],
  ]);
  return (
    `MATCH (a:${cypherIdentifier(fromKind)} {id: ${cypherString(edge.from)}}), (b:${cypherIdentifier(toKind)} {id: ${cypherString(edge.to)}}) ` +
    `CREATE (a)-[:${cypherIdentifier(edge.type)}${map ? ` ${map}` : ''}]->(b);`
  );
}

/** JSON for a comment line: no character in it may end the line early. */
function commentJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function exportCypher(snapshot: GraphSnapshot): string {
  const kinds = kindIndex(snapshot.nodes);
  const lines: string[] = [
    '// Strategigraf graph export: run in an empty Neo4j 5 database, e.g. cypher-shell -f export.cypher',
    `// dataset: ${commentJson(snapshot.meta)}`,
    `// references: ${commentJson(snapshot.references)}`,
    ...NODE_KINDS.map(constraintStatement),
    ...sortedNodes(snapshot.nodes).map(nodeStatement),
    ...sortedEdges(snapshot.edges).map((e) => relationshipStatement(e, endpointKind(kinds, e, 'from'), endpointKind(kinds, e, 'to'))),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The statements of a script, without their final ";", for running one at a time through a driver.
 * Skips blank lines and "//" comment lines; a statement may span several lines and ends at a line ending in ";"
 * (every statement exportCypher writes is a single line).
 */
export function splitCypherScript(script: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  for (const raw of script.split(/\r?\n/)) {
    const line = raw.trim();
    if (current.length === 0 && (line === '' || line.startsWith('//'))) continue;
    current.push(raw);
    if (line.endsWith(';')) {
      statements.push(current.join('\n').trim().slice(0, -1).trimEnd());
      current = [];
    }
  }
  if (current.length > 0 && current.join('').trim() !== '') statements.push(current.join('\n').trim());
  return statements;
}

/** Reads the dataset header and references back from the comment lines exportCypher writes, if present. */
export function cypherScriptMeta(script: string): { meta?: GraphSnapshot['meta']; references?: GraphSnapshot['references'] } {
  const out: { meta?: GraphSnapshot['meta']; references?: GraphSnapshot['references'] } = {};
  for (const line of script.split('\n', 8)) {
    if (line.startsWith('// dataset: ')) out.meta = JSON.parse(line.slice('// dataset: '.length)) as GraphSnapshot['meta'];
    if (line.startsWith('// references: ')) out.references = JSON.parse(line.slice('// references: '.length)) as GraphSnapshot['references'];
  }
  return out;
}
