// CSV export: one RFC 4180 table holding both nodes and relationships, for spreadsheets.
//
// One CSV file cannot hold two tables, so every row says what it is in the first column, `record`:
//   record        "node" or "relationship"; all node rows come first (by id), then all relationship rows (by id)
//   id            the node id, or the relationship id "<from>:<TYPE>:<to>"
//   kind          node kind (empty on relationship rows)
//   type, from, to  relationship type and endpoint ids (empty on node rows)
//   name, nameEn  node names
//   …             one column per node property the ontology defines (description, status, number, year, …), in the
//                 ontology's order; a property no kind of the ontology defines (none today) gets a column of its own
//   source, page, quote   provenance: on nodes where the node is attested, on relationships where the link comes from
//   basis, note, noteNb   relationship provenance, the analyst's note in English and in bokmål (empty on node rows)
// The header is fixed by the ontology, not by the data, so every export has the same columns.
//
// Values: text as is; integers as digits; booleans as true/false; lists (StatusReport.missing) as JSON arrays.
// An empty field means "no value": the dataset never holds an empty string (every text is at least one character), so
// empty and null cannot be confused.
//
// Encoding (RFC 4180): records end with CRLF, including the last; a field containing a comma, a double quote, CR or LF
// (or starting or ending with whitespace) is enclosed in double quotes, with inner double quotes doubled. The file starts
// with a UTF-8 byte order mark so Excel reads æ, ø, å and «» correctly; most CSV readers skip it ("utf-8-sig" in Python).
// Values are written exactly: nothing is prefixed to defuse spreadsheet formulas, since a field starting with
// "=", "+", "-" or "@" is dataset text the analysts curated.
import type { GraphEdge, GraphNode, PropertyValue } from '../schema/graph.js';
import type { GraphSnapshot } from '../store/port.js';
import { allNodePropertyNames, compareStrings, linkReviewJson, nodeReviewsJson, sortedEdges, sortedNodes } from './shared.js';

export const CSV_BOM = '\uFEFF';
const PROVENANCE = ['source', 'page', 'quote', 'basis', 'note', 'noteNb', 'endedBy', 'review'];
const LEADING = ['record', 'id', 'kind', 'type', 'from', 'to', 'name', 'nameEn'];

export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cell(value: PropertyValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

/** The header: fixed columns, the ontology's node properties, then any unknown properties found in the nodes. */
export function csvColumns(nodes: readonly GraphNode[] = []): string[] {
  const ontology = allNodePropertyNames().filter((n) => !PROVENANCE.includes(n));
  const known = new Set([...LEADING, ...ontology, ...PROVENANCE]);
  const extra = new Set<string>();
  for (const node of nodes) for (const name of Object.keys(node.properties)) if (!known.has(name)) extra.add(name);
  return [...LEADING, ...ontology, ...[...extra].sort(compareStrings), ...PROVENANCE];
}

function nodeRecord(node: GraphNode): Record<string, PropertyValue | undefined> {
  const inferred = node.inferred ? JSON.stringify(node.inferred) : undefined;
  return { ...node.properties, inferred, review: nodeReviewsJson(node), record: 'node', id: node.id, kind: node.kind, name: node.name, nameEn: node.nameEn };
}

function edgeRecord(edge: GraphEdge): Record<string, PropertyValue | undefined> {
  return {
    record: 'relationship',
    id: edge.id,
    type: edge.type,
    from: edge.from,
    to: edge.to,
    ...edge.properties,
    review: linkReviewJson(edge.properties.review),
  };
}

export function exportCsv(snapshot: GraphSnapshot): string {
  const nodes = sortedNodes(snapshot.nodes);
  const columns = csvColumns(nodes);
  const line = (record: Record<string, PropertyValue | undefined>) => `${columns.map((c) => csvField(cell(record[c]))).join(',')}\r\n`;
  const parts = [CSV_BOM + columns.map(csvField).join(',') + '\r\n'];
  for (const node of nodes) parts.push(line(nodeRecord(node)));
  for (const edge of sortedEdges(snapshot.edges)) parts.push(line(edgeRecord(edge)));
  return parts.join('');
}
