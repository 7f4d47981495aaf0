// An in-memory projection of a graph: node records and adjacency. The embedded store answers look-ups, search,
// neighbourhoods and paths from a projection of its whole graph; the as-of routes answer from a projection of the graph
// as it stood in a year (as-of.ts), on either store. So it lives in the domain, not in an adapter. Neighbourhoods and
// shortest paths over it mean exactly what the Neo4j adapter's Cypher means (the equivalence test holds both to it):
// breadth-first expansion, and every shortest path as a sequence of distinct edges.
import type { GraphEdge, GraphNode, GraphPath, Neighborhood, NodeDetail } from '../schema/graph.js';
import type { NeighborOptions, PathOptions, SearchOptions } from '../store/port.js';
import { searchColumns, searchKey } from '../schema/search.js';
import { MAX_ENUMERATED_PATHS, neighborhood, sortPaths, type Hop } from './traversal.js';

export class GraphProjection {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly out = new Map<string, GraphEdge[]>();
  private readonly in = new Map<string, GraphEdge[]>();
  private index: SearchIndex | undefined;

  constructor(nodes: readonly GraphNode[], edges: readonly GraphEdge[]) {
    for (const node of nodes) this.nodes.set(node.id, node);
    for (const edge of edges) {
      push(this.out, edge.from, edge);
      push(this.in, edge.to, edge);
    }
  }

  get size(): number {
    return this.nodes.size;
  }

  node(id: string): GraphNode | undefined {
    return this.nodes.get(id);
  }

  /** The stores' search rule: contains, ranked exact before prefix before contains, ties by folded name then id. */
  search(options: SearchOptions): { items: GraphNode[]; total: number } {
    const index = (this.index ??= searchIndex([...this.nodes.values()]));
    const q = options.q ? searchKey(options.q) : '';
    // Nodes come in the tie order (folded name, then id), so each rank's list is already sorted: no sort per request.
    const byRank: number[][] = [[], [], []];
    const take = (i: number) => {
      const node = index.nodes[i]!;
      if (options.kind && node.kind !== options.kind) return;
      const name = index.names[i]!;
      const nameEn = index.namesEn[i];
      const rank = !q ? 0 : name === q || nameEn === q || node.id === q ? 0 : name.startsWith(q) || nameEn?.startsWith(q) || node.id.startsWith(q) ? 1 : 2;
      byRank[rank]!.push(i);
    };
    if (!q) {
      for (let i = 0; i < index.nodes.length; i++) take(i);
    } else {
      // One indexOf over all the search texts at once (a flat string, a line per node) instead of one test per node;
      // a line break never occurs in a folded key, so a match never spans two nodes.
      for (let at = index.text.indexOf(q); at !== -1;) {
        const i = lineOf(index.starts, at);
        take(i);
        at = i + 1 < index.nodes.length ? index.text.indexOf(q, index.starts[i + 1]!) : -1;
      }
    }
    const ordered = byRank.flat();
    return { items: ordered.slice(options.offset, options.offset + options.limit).map((i) => index.nodes[i]!), total: ordered.length };
  }

  /** The links leaving a node. */
  outgoing(id: string): readonly GraphEdge[] {
    return this.out.get(id) ?? [];
  }

  /** The links entering a node. */
  incoming(id: string): readonly GraphEdge[] {
    return this.in.get(id) ?? [];
  }

  nodesByIds(ids: readonly string[]): GraphNode[] {
    return [...new Set(ids)].flatMap((id) => this.nodes.get(id) ?? []);
  }

  detail(id: string): NodeDetail | null {
    const node = this.nodes.get(id);
    if (!node) return null;
    const degree: NodeDetail['degree'] = {};
    for (const e of this.out.get(id) ?? []) (degree[e.type] ??= { out: 0, in: 0 }).out++;
    for (const e of this.in.get(id) ?? []) (degree[e.type] ??= { out: 0, in: 0 }).in++;
    return { ...node, degree };
  }

  async neighbors(id: string, options: NeighborOptions): Promise<Neighborhood> {
    const start = this.nodes.get(id);
    if (!start) return { nodes: [], edges: [], truncated: false };
    return neighborhood(start, options, async (frontier, filter) => {
      const hops: Hop[] = [];
      for (const at of frontier) {
        for (const [edge, other] of this.incident(at, false)) {
          if (filter.types?.length && !filter.types.includes(edge.type)) continue;
          if (filter.basis && edge.properties.basis !== filter.basis) continue;
          const neighbor = this.nodes.get(other)!;
          if (filter.kinds?.length && !filter.kinds.includes(neighbor.kind)) continue;
          hops.push({ edge, neighbor });
        }
      }
      return hops;
    });
  }

  /**
   * Every shortest path, by a breadth-first search from both ends that stops at the first layer where they meet:
   * each side then covers about half the length, which keeps hub nodes (reports, goals) from flooding the search.
   */
  shortestPaths(from: string, to: string, options: PathOptions): GraphPath[] {
    if (from === to || !this.nodes.has(from) || !this.nodes.has(to)) return [];
    const forward: Side = { distance: new Map([[from, 0]]), via: new Map(), frontier: [from], depth: 0, outward: true };
    const backward: Side = { distance: new Map([[to, 0]]), via: new Map(), frontier: [to], depth: 0, outward: false };
    let meeting: string[] = [];
    while (forward.depth + backward.depth < options.maxLength && forward.frontier.length > 0 && backward.frontier.length > 0) {
      const side = forward.frontier.length <= backward.frontier.length ? forward : backward;
      const other = side === forward ? backward : forward;
      this.expandLayer(side, options.directed);
      meeting = side.frontier.filter((id) => other.distance.has(id));
      if (meeting.length > 0) {
        // The meeting nodes all sit at side.depth; the shortest total runs through those closest to the other end.
        const best = Math.min(...meeting.map((id) => other.distance.get(id)!));
        meeting = meeting.filter((id) => other.distance.get(id) === best);
        break;
      }
    }
    if (meeting.length === 0) return [];

    const paths: GraphPath[] = [];
    for (const middle of meeting.sort()) {
      const heads = this.routes(forward, middle);
      const tails = this.routes(backward, middle);
      for (const head of heads) {
        for (const tail of tails) {
          if (paths.length >= MAX_ENUMERATED_PATHS) break;
          const nodes = [...head.nodes, ...tail.nodes.slice(0, -1).reverse()].map((id) => this.nodes.get(id)!);
          paths.push({ nodes, edges: [...head.edges, ...[...tail.edges].reverse()] });
        }
      }
    }
    return sortPaths(paths).slice(0, options.limit);
  }

  private expandLayer(side: Side, directed: boolean): void {
    const depth = side.depth + 1;
    const next: string[] = [];
    for (const at of side.frontier) {
      for (const [edge, other] of this.incident(at, directed, side.outward)) {
        const known = side.distance.get(other);
        if (known === undefined) {
          side.distance.set(other, depth);
          next.push(other);
        }
        if ((known ?? depth) === depth) push(side.via, other, edge);
      }
    }
    side.frontier = next;
    side.depth = depth;
  }

  /** All shortest routes from a side's origin to `target`, as node ids and edges in order from the origin. */
  private routes(side: Side, target: string): { nodes: string[]; edges: GraphEdge[] }[] {
    const out: { nodes: string[]; edges: GraphEdge[] }[] = [];
    const walk = (at: string, nodesBack: string[], edgesBack: GraphEdge[]) => {
      if (out.length >= MAX_ENUMERATED_PATHS) return;
      if (side.distance.get(at) === 0) {
        out.push({ nodes: [...nodesBack].reverse(), edges: [...edgesBack].reverse() });
        return;
      }
      for (const edge of side.via.get(at) ?? []) {
        const previous = edge.from === at ? edge.to : edge.from;
        if (side.distance.get(previous) !== side.distance.get(at)! - 1) continue;
        nodesBack.push(previous);
        edgesBack.push(edge);
        walk(previous, nodesBack, edgesBack);
        nodesBack.pop();
        edgesBack.pop();
      }
    };
    walk(target, [target], []);
    return out;
  }

  /** Edges at a node with the node at their other end; when directed, only those leaving (or, inward, entering) it. */
  private *incident(id: string, directed: boolean, outward = true): Generator<[GraphEdge, string]> {
    if (!directed || outward) for (const e of this.out.get(id) ?? []) yield [e, e.to];
    if (!directed || !outward) for (const e of this.in.get(id) ?? []) yield [e, e.from];
  }
}

interface Side {
  distance: Map<string, number>;
  /** For each reached node, the edges that reach it from the previous layer. */
  via: Map<string, GraphEdge[]>;
  frontier: string[];
  depth: number;
  /** Follows edges in their direction (from the start) or against it (from the end), when paths are directed. */
  outward: boolean;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every node's folded names, in the order ties are ranked in, and their search texts as one string, a line each. The
 * texts are kept only in that string: at 100,000 nodes a copy per node was 16 MiB more.
 */
interface SearchIndex {
  nodes: GraphNode[];
  names: string[];
  namesEn: (string | null)[];
  text: string;
  /** Where each node's line starts in `text`. */
  starts: Int32Array;
}

function searchIndex(nodes: GraphNode[]): SearchIndex {
  const rows = nodes.map((node) => ({ node, key: searchColumns({ ...node, shortName: shortNameOf(node) }) }));
  rows.sort((a, b) => compare(a.key.searchName, b.key.searchName) || compare(a.node.id, b.node.id));
  const starts = new Int32Array(rows.length);
  let at = 0;
  rows.forEach((r, i) => {
    starts[i] = at;
    at += r.key.searchText.length + 1;
  });
  return {
    nodes: rows.map((r) => r.node),
    names: rows.map((r) => r.key.searchName),
    namesEn: rows.map((r) => r.key.searchNameEn),
    text: rows.map((r) => r.key.searchText).join('\n'),
    starts,
  };
}

/** The node whose line holds position `at`: the last start at or before it. */
function lineOf(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
const shortNameOf = (n: GraphNode) => (typeof n.properties['shortName'] === 'string' ? n.properties['shortName'] : undefined);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
