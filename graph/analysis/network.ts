// The plan as an undirected graphology network: betweenness centrality, and the bridge nodes that hold parts of it together.
import { UndirectedGraph } from 'graphology';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { bfs } from 'graphology-traversal';
import type { NodeKind, RelationshipType } from '../ontology.js';
import type { GraphEdge } from '../schema/graph.js';
import type { AnalysisContext } from './context.js';

// A CommonJS module typed as an ES default export: under NodeNext the default import is module.exports, the function itself.
const betweennessCentrality = betweennessModule as unknown as typeof betweennessModule.default;

export interface PlanNetwork {
  graph: UndirectedGraph;
  /** Edges of the snapshot that the network holds, by node id. */
  edgesAt(id: string): GraphEdge[];
}

/** Nodes of the given kinds joined by relationships of the given types, direction ignored. */
export function buildNetwork(ctx: AnalysisContext, kinds: readonly NodeKind[], types: readonly RelationshipType[]): PlanNetwork {
  const graph = new UndirectedGraph();
  const incident = new Map<string, GraphEdge[]>();
  for (const kind of kinds) for (const node of ctx.nodesOf(kind)) graph.addNode(node.id, { kind });
  for (const type of types) {
    for (const edge of ctx.edgesOf(type)) {
      if (edge.from === edge.to || !graph.hasNode(edge.from) || !graph.hasNode(edge.to)) continue;
      graph.mergeEdge(edge.from, edge.to);
      for (const end of [edge.from, edge.to]) (incident.get(end) ?? incident.set(end, []).get(end)!).push(edge);
    }
  }
  return { graph, edgesAt: (id) => incident.get(id) ?? [] };
}

/** Connected components, each as its node ids; order follows the graph's node order, so it is stable. */
export function components(graph: UndirectedGraph): string[][] {
  const found: string[][] = [];
  bfs(graph, (node, _attrs, depth) => {
    if (depth === 0) found.push([]);
    found[found.length - 1]!.push(node);
  });
  return found;
}

export interface Bridge {
  node: string;
  /** The parts, each holding at least one counted node, that the node's removal leaves apart; largest first. */
  parts: string[][];
}

/**
 * Nodes whose removal cuts at least `minCutOff` counted nodes (initiatives of the plan) off from the largest remaining
 * part of their component: articulation points that matter, tested by definition — remove the node, find the
 * components — which is plenty fast for a plan of a few hundred nodes and keeps to graphology's own traversal.
 */
export function bridgeNodes(graph: UndirectedGraph, counts: (id: string) => boolean, minCutOff: number): Bridge[] {
  const componentOf = new Map<string, number>();
  components(graph).forEach((members, i) => members.forEach((m) => componentOf.set(m, i)));
  const bridges: Bridge[] = [];
  graph.forEachNode((node) => {
    if (graph.degree(node) < 2) return;
    const without = graph.copy();
    without.dropNode(node);
    const parts = components(without)
      .filter((part) => componentOf.get(part[0]!) === componentOf.get(node) && part.some(counts))
      .sort((a, b) => b.filter(counts).length - a.filter(counts).length);
    const cutOff = parts.slice(1).reduce((sum, part) => sum + part.filter(counts).length, 0);
    if (parts.length >= 2 && cutOff >= minCutOff) bridges.push({ node, parts });
  });
  return bridges;
}

/** Normalised betweenness centrality of every node. */
export function betweenness(graph: UndirectedGraph): Record<string, number> {
  return graph.order > 2 ? betweennessCentrality(graph, { normalized: true }) : Object.fromEntries(graph.nodes().map((n) => [n, 0]));
}
