// Breadth-first neighbourhood built from one-hop expansions, so every store and the in-memory projection apply depth,
// filters and limits alike.
import type { NodeKind, RelationshipType, Basis } from '../ontology.js';
import type { GraphEdge, GraphNode, Neighborhood } from '../schema/graph.js';
import { byId } from '../schema/records.js';

export interface HopFilter {
  types?: RelationshipType[];
  basis?: Basis;
  kinds?: NodeKind[];
}

export interface Hop {
  edge: GraphEdge;
  neighbor: GraphNode;
}

/** All edges touching any frontier node, in either direction, that pass the filter. */
export type ExpandHop = (frontier: string[], filter: HopFilter) => Promise<Hop[]>;

export async function neighborhood(start: GraphNode, options: { depth: number; limit: number } & HopFilter, expand: ExpandHop): Promise<Neighborhood> {
  const nodes = new Map<string, GraphNode>([[start.id, start]]);
  const edges = new Map<string, GraphEdge>();
  let frontier = [start.id];
  let truncated = false;
  for (let depth = 0; depth < options.depth && frontier.length > 0; depth++) {
    let hops = await expand(frontier, options);
    if (nodes.size >= options.limit) {
      // Full already: only edges between included nodes can still join, so the rest need no sorting.
      const before = hops.length;
      hops = hops.filter((h) => nodes.has(h.neighbor.id));
      truncated ||= hops.length < before;
    }
    hops.sort((a, b) => byId(a.edge, b.edge));
    const next: string[] = [];
    for (const { edge, neighbor } of hops) {
      if (!nodes.has(neighbor.id)) {
        if (nodes.size >= options.limit) {
          truncated = true;
          continue;
        }
        nodes.set(neighbor.id, neighbor);
        next.push(neighbor.id);
      }
      edges.set(edge.id, edge);
    }
    frontier = next;
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()].sort(byId), truncated };
}

/** More shortest paths than this between two nodes are not enumerated; the best `limit` of these are returned. */
export const MAX_ENUMERATED_PATHS = 1000;

/** Shortest first, then by the ids of their edges, so both stores list equal paths in the same order. */
export function sortPaths<P extends { nodes: unknown[]; edges: { id: string }[] }>(paths: P[]): P[] {
  const key = (p: P) => p.edges.map((e) => e.id).join('|');
  return paths.sort((a, b) => a.nodes.length - b.nodes.length || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
