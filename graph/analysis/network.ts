// The plan as an undirected graphology network: betweenness centrality, and the bridge nodes that hold parts of it together.
import { UndirectedGraph } from 'graphology';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes.js';
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
  /** Counted nodes in each part that the node's removal leaves apart (parts without any left out); largest first. */
  partSizes: number[];
}

export interface BridgeWithParts extends Bridge {
  /**
   * The part a neighbour of the bridge falls in once the bridge is gone, as a key two neighbours in one part share;
   * null for a part without counted nodes. What a bridge finding rests on: a link into each part.
   */
  partOf(neighbour: string): string | null;
}

/**
 * Nodes whose removal cuts at least `minCutOff` counted nodes (initiatives of the plan) off from the largest remaining
 * part of their component: the articulation points that matter. One depth-first search (Hopcroft–Tarjan) finds them
 * and the size of every part they hold together, in time linear in the graph — removing each node in turn and
 * recounting components was quadratic and took half a minute at 5,000 nodes. No well-kept graph library gives the
 * sizes of the parts a cut vertex separates, so this is ours; the test checks it against the definition.
 */
export function bridgeNodes(graph: UndirectedGraph, counts: (id: string) => boolean, minCutOff: number): Bridge[] {
  return bridgesWithParts(graph, counts, minCutOff).map(({ node, partSizes }) => ({ node, partSizes }));
}

/** The bridges, each also saying which part a neighbour lies in (the parts are depth-first subtrees, so no new search). */
export function bridgesWithParts(graph: UndirectedGraph, counts: (id: string) => boolean, minCutOff: number): BridgeWithParts[] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  /** Counted nodes in the node's depth-first subtree, itself included. */
  const below = new Map<string, number>();
  /**
   * Each child subtree that hangs on the node alone (low ≥ the node's order): its counted nodes, and its nodes as the
   * range of depth-first orders [start, end) they were entered in.
   */
  const cutOff = new Map<string, { start: number; end: number; count: number }[]>();
  const found = new Map<string, BridgeWithParts>();
  let clock = 0;

  for (const root of graph.nodes()) {
    if (order.has(root)) continue;
    const members: string[] = [];
    const stack: { node: string; parent: string | null; next: string[]; at: number }[] = [];
    const enter = (node: string, parent: string | null) => {
      order.set(node, clock);
      low.set(node, clock++);
      below.set(node, counts(node) ? 1 : 0);
      cutOff.set(node, []);
      members.push(node);
      stack.push({ node, parent, next: graph.neighbors(node), at: 0 });
    };
    enter(root, null);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.at < frame.next.length) {
        const next = frame.next[frame.at++]!;
        if (next === frame.parent) continue;
        if (order.has(next)) low.set(frame.node, Math.min(low.get(frame.node)!, order.get(next)!));
        else enter(next, frame.node);
        continue;
      }
      stack.pop();
      const up = stack[stack.length - 1];
      if (!up) continue;
      low.set(up.node, Math.min(low.get(up.node)!, low.get(frame.node)!));
      below.set(up.node, below.get(up.node)! + below.get(frame.node)!);
      // For the root every child subtree qualifies, as it must: nothing joins them but the root.
      if (low.get(frame.node)! >= order.get(up.node)!) {
        cutOff.get(up.node)!.push({ start: order.get(frame.node)!, end: clock, count: below.get(frame.node)! });
      }
    }
    const total = below.get(root)!;
    for (const node of members) {
      const subtrees = cutOff.get(node)!;
      if (subtrees.length === 0) continue;
      const rest = total - (counts(node) ? 1 : 0) - subtrees.reduce((a, b) => a + b.count, 0);
      const parts = [...subtrees.map((s) => s.count), rest].filter((n) => n > 0).sort((a, b) => b - a);
      const separated = parts.slice(1).reduce((a, b) => a + b, 0);
      if (parts.length < 2 || separated < minCutOff) continue;
      const partOf = (neighbour: string): string | null => {
        const at = order.get(neighbour);
        const subtree = at === undefined ? undefined : subtrees.find((s) => s.start <= at && at < s.end);
        if (subtree) return subtree.count > 0 ? `subtree ${subtree.start}` : null;
        return rest > 0 ? 'rest' : null;
      };
      found.set(node, { node, partSizes: parts, partOf });
    }
  }
  // In the graph's node order, as before, so findings keep a stable order.
  return graph.nodes().flatMap((node) => (found.has(node) ? [found.get(node)!] : []));
}

/**
 * Above this many steps (sources × (nodes + links) of one component), a node's betweenness is estimated from a sample of
 * sources rather than computed from every one: exact betweenness costs the product of a component's nodes and links
 * (Brandes), which for a connected network of 33,000 nodes and 186,000 links is hours. Within the budget (a few seconds)
 * it is exact; every graph the tests compare with the reference analysis is well within it.
 */
export const EXACT_BETWEENNESS_STEPS = 2e8;

export interface Betweenness {
  /** Normalised as graphology normalises: over the whole network's order, 1 / ((N − 1)(N − 2)). */
  value: number;
  /** When estimated: how many of the component's nodes were the sources (evenly spread in the network's order). */
  sampledSources?: number;
}

/**
 * Betweenness centrality of the given nodes, as graphology's Brandes computes it over the whole network.
 *
 * Only the components holding one of them are computed: no shortest path leaves its component, so a node's centrality
 * depends on its own component and on the whole network's order (the normalisation) alone. It matters because
 * graphology's indexed Brandes resets arrays as long as the graph it is given for every source, so its cost grows with
 * the square of the node count even when the network is many small parts, as a past year's network is. The sum for a
 * node is the same as over the whole network: the same sources in the same order (the component's nodes and edges are
 * added in the network's order), and sources of other components add nothing to it. Links are unweighted (breadth
 * first, not Dijkstra with unit weights: the same paths, a third of the time). A component over
 * EXACT_BETWEENNESS_STEPS is estimated from evenly spread sources, scaled up by how many it left out (Brandes and
 * Pich's pivot estimate), and says so.
 */
export function betweennessOf(graph: UndirectedGraph, ids: Iterable<string>, budget = EXACT_BETWEENNESS_STEPS): Map<string, Betweenness> {
  const result = new Map<string, Betweenness>();
  const wanted = new Set([...ids].filter((id) => graph.hasNode(id)));
  const order = graph.order;
  if (order <= 2) {
    for (const id of wanted) result.set(id, { value: 0 });
    return result;
  }
  const scale = 1 / ((order - 1) * (order - 2));
  // Each component holding a wanted node as a graph of its own, built in one pass over the nodes and one over the edges.
  const partOf = new Map<string, UndirectedGraph>();
  for (const component of components(graph)) {
    if (!component.some((id) => wanted.has(id))) continue;
    const part = new UndirectedGraph();
    for (const id of component) partOf.set(id, part);
  }
  for (const node of graph.nodes()) partOf.get(node)?.addNode(node);
  graph.forEachEdge((_edge, _attrs, from, to) => {
    partOf.get(from)?.mergeEdge(from, to);
  });
  for (const part of new Set(partOf.values())) {
    const stepsPerSource = part.order + part.size;
    if (part.order * stepsPerSource <= budget) {
      // graphology's own figure; unnormalised it is halved for an undirected graph, which is exact in floating point.
      const halved = betweennessCentrality(part, { normalized: false, getEdgeWeight: null });
      for (const id of part.nodes()) if (wanted.has(id)) result.set(id, { value: halved[id]! * 2 * scale });
    } else {
      const sources = Math.max(1, Math.floor(budget / stepsPerSource));
      const raw = sampledBrandes(part, sources);
      part.nodes().forEach((id, i) => {
        if (wanted.has(id)) result.set(id, { value: raw[i]! * scale, sampledSources: sources });
      });
    }
  }
  return result;
}

/**
 * Unnormalised betweenness of every node of `graph` (in its node order) from `count` sources evenly spread over that
 * order, each source's dependencies accumulated as Brandes does and the sum scaled by nodes / sources.
 */
export function sampledBrandes(graph: UndirectedGraph, count: number): Float64Array {
  const order = graph.order;
  const brandes = createUnweightedIndexedBrandes(graph);
  const sums = new Float64Array(order);
  const dependency = new Float64Array(order);
  for (let k = 0; k < count; k++) {
    const source = Math.floor((k * order) / count);
    const [stack, predecessors, paths] = brandes(source);
    dependency.fill(0);
    // Nodes come off the stack farthest first, so a node's dependency is complete when it is taken.
    while (stack.size > 0) {
      const node = stack.pop()!;
      const share = (1 + dependency[node]!) / paths[node]!;
      for (const before of predecessors[node]!) dependency[before]! += paths[before]! * share;
      if (node !== source) sums[node]! += dependency[node]!;
    }
  }
  const factor = order / count;
  for (let i = 0; i < order; i++) sums[i]! *= factor;
  return sums;
}
