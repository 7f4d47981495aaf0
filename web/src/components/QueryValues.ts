// How the query console reads Cypher values: the API serialises nodes, relationships and paths in the Node, Edge and
// Path shapes; everything else is plain JSON.
import type { Edge, Node } from '../api/types.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isNode = (v: unknown): v is Node => isObject(v) && typeof v['id'] === 'string' && typeof v['kind'] === 'string' && typeof v['name'] === 'string';

export const isEdge = (v: unknown): v is Edge => isObject(v) && typeof v['type'] === 'string' && typeof v['from'] === 'string' && typeof v['to'] === 'string';

export const isPath = (v: unknown): v is { nodes: Node[]; edges: Edge[] } =>
  isObject(v) && Array.isArray(v['nodes']) && Array.isArray(v['edges']) && (v['nodes'] as unknown[]).every(isNode) && (v['edges'] as unknown[]).every(isEdge);

/** Every node and relationship anywhere in the rows (in paths and lists too), each once. */
export function collectGraph(rows: unknown[][]): { nodes: Node[]; edges: Edge[] } {
  const nodes = new Map<string, Node>();
  const edges = new Map<string, Edge>();
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4) return;
    if (isNode(v)) nodes.set(v.id, v);
    else if (isEdge(v)) edges.set(typeof v.id === 'string' ? v.id : `${v.from}:${v.type}:${v.to}`, v);
    else if (isPath(v)) {
      for (const n of v.nodes) nodes.set(n.id, n);
      for (const e of v.edges) edges.set(e.id, e);
    } else if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
  };
  for (const row of rows) for (const cell of row) visit(cell, 0);
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Compact JSON for anything that is not a graph element. */
export function compactJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
