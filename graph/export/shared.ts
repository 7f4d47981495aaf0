// Helpers every export format shares: a stable order for nodes, edges and property names, so exports diff cleanly.
import { NODE_KINDS, type NodeKind } from '../ontology.js';
import { nodeColumns } from '../schema/columns.js';
import type { GraphEdge, GraphNode, ReviewMark } from '../schema/graph.js';
import { recordedReviewOf } from '../schema/records.js';

/** Code-unit order, not locale order: the same bytes on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedNodes(nodes: readonly GraphNode[]): GraphNode[] {
  return [...nodes].sort((a, b) => compareStrings(a.id, b.id));
}

export function sortedEdges(edges: readonly GraphEdge[]): GraphEdge[] {
  return [...edges].sort((a, b) => compareStrings(a.id, b.id));
}

/** Fields a GraphNode carries outside `properties`. */
export const NODE_IDENTITY_FIELDS = new Set(['id', 'kind', 'name', 'nameEn']);

/** Property names of one kind in the ontology's order (schema order), without the identity fields. */
export function kindPropertyOrder(kind: NodeKind): string[] {
  return nodeColumns(kind)
    .map((c) => c.name)
    .filter((name) => !NODE_IDENTITY_FIELDS.has(name));
}

/** The properties of a node in schema order, then any the schema does not know in name order. */
export function orderedProperties(node: GraphNode): [string, GraphNode['properties'][string]][] {
  const known = kindPropertyOrder(node.kind);
  const out: [string, GraphNode['properties'][string]][] = [];
  for (const name of known) {
    // Flat formats carry the inferred-field notes as the JSON text the stores keep.
    if (name === 'inferred') {
      if (node.inferred) out.push([name, JSON.stringify(node.inferred)]);
    } else if (name === 'review') {
      const reviews = nodeReviewsJson(node);
      if (reviews) out.push([name, reviews]);
    } else if (node.properties[name] !== undefined) out.push([name, node.properties[name]!]);
  }
  const extra = Object.keys(node.properties)
    .filter((k) => !known.includes(k))
    .sort(compareStrings);
  for (const name of extra) out.push([name, node.properties[name]!]);
  return out;
}

/** Every node property name the ontology defines, in first-seen order over the kinds. */
export function allNodePropertyNames(): string[] {
  const names: string[] = [];
  for (const kind of NODE_KINDS) for (const name of kindPropertyOrder(kind)) if (!names.includes(name)) names.push(name);
  return names;
}

/** Kind of every node by id; an edge whose endpoint is missing means the snapshot is inconsistent. */
export function kindIndex(nodes: readonly GraphNode[]): Map<string, NodeKind> {
  return new Map(nodes.map((n) => [n.id, n.kind]));
}

export function endpointKind(kinds: Map<string, NodeKind>, edge: GraphEdge, end: 'from' | 'to'): NodeKind {
  const kind = kinds.get(edge[end]);
  if (!kind) throw new Error(`cannot export relationship ${edge.id}: its ${end} node "${edge[end]}" is not in the snapshot`);
  return kind;
}

/** A link's recorded review decision as the JSON text the stores keep; undefined when it is not decided. */
export function linkReviewJson(mark: ReviewMark | undefined): string | undefined {
  const recorded = recordedReviewOf(mark);
  return recorded ? JSON.stringify(recorded) : undefined;
}

/** A node's decided field reviews as the JSON text the stores keep (field → decision); undefined when none is decided. */
export function nodeReviewsJson(node: GraphNode): string | undefined {
  const decided = Object.entries(node.review ?? {}).flatMap(([field, mark]) => {
    const recorded = recordedReviewOf(mark);
    return recorded ? [[field, recorded] as const] : [];
  });
  return decided.length > 0 ? JSON.stringify(Object.fromEntries(decided)) : undefined;
}
