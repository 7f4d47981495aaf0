// Gathers a large graph into groups so a canvas can draw it: above AGGREGATE_ABOVE nodes, each kind with more than
// LONE_KIND_SIZE nodes becomes one group (or, above GROUP_SIZE, several, in name order), and relationships with an end
// in a closed group are counted per pair of ends. Pure and deterministic (no locale, no randomness), so the server's
// whole-graph overview and the browser's union of neighbourhoods group alike, and the same input draws the same picture.
import { NODE_KINDS, RELATIONSHIP_TYPES, type NodeKind, type RelationshipType } from '../ontology.js';

// Structural types rather than graph/schema's (zod) ones: the web imports this module too, and only zod-free domain code.
/** What grouping reads of a node. */
export interface GroupableNode {
  id: string;
  kind: NodeKind;
  name: string;
}
/** What grouping reads of a relationship. */
export interface GroupableEdge {
  id: string;
  type: RelationshipType;
  from: string;
  to: string;
}
/** A group of nodes of one kind, drawn as one (graph/schema/overview.ts OverviewGroup describes each field). */
export interface OverviewGroup {
  id: string;
  kind: NodeKind;
  count: number;
  part: number;
  parts: number;
  first: string;
  last: string;
}
/** Relationships between two drawn ends, counted (graph/schema/overview.ts OverviewLink). */
export interface OverviewLink {
  id: string;
  from: string;
  to: string;
  count: number;
  types: RelationshipType[];
}
export interface Overview<N extends GroupableNode = GroupableNode, E extends GroupableEdge = GroupableEdge> {
  nodeTotal: number;
  edgeTotal: number;
  nodes: N[];
  edges: E[];
  groups: OverviewGroup[];
  links: OverviewLink[];
}

/** Up to this many nodes the graph is drawn whole: what the force layout lays out in about a second here. */
export const AGGREGATE_ABOVE = 600;
/** The most members one group has; a larger kind is split into parts of about equal size. */
export const GROUP_SIZE = 400;
/** A kind with at most this many nodes is drawn node by node even in the overview (the plan's structure, mostly). */
export const LONE_KIND_SIZE = 12;

export const GROUP_PREFIX = 'group:';
export const isGroupId = (id: string): boolean => id.startsWith(GROUP_PREFIX);

export interface AggregateOptions {
  /** Group ids whose members are drawn one by one. */
  open?: readonly string[];
  /** Override of AGGREGATE_ABOVE (tests). */
  above?: number;
}

const byNameThenId = (a: GroupableNode, b: GroupableNode) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Edges whose two ends are both among `nodes` (filters may have dropped one end). */
function edgesWithin<E extends GroupableEdge>(nodes: readonly GroupableNode[], edges: readonly E[]): E[] {
  const ids = new Set(nodes.map((n) => n.id));
  return edges.filter((e) => ids.has(e.from) && ids.has(e.to));
}

export function aggregate<N extends GroupableNode, E extends GroupableEdge>(
  nodes: readonly N[],
  edges: readonly E[],
  options: AggregateOptions = {},
): Overview<N, E> {
  const within = edgesWithin(nodes, edges);
  if (nodes.length <= (options.above ?? AGGREGATE_ABOVE)) {
    return { nodeTotal: nodes.length, edgeTotal: within.length, nodes: [...nodes].sort(byId), edges: within.sort(byId), groups: [], links: [] };
  }
  const open = new Set(options.open ?? []);
  const ofKind = new Map<NodeKind, N[]>();
  for (const n of nodes) {
    const list = ofKind.get(n.kind);
    if (list) list.push(n);
    else ofKind.set(n.kind, [n]);
  }
  /** Where each node is drawn, as an index into `ends`: itself, or the group it is in. Numbers, not "from|to" strings, key the counts: 50,000 string keys cost a third of a second. */
  const ends: string[] = [];
  const drawnAs = new Map<string, number>();
  const shown: N[] = [];
  const groups: OverviewGroup[] = [];
  const drawAlone = (list: readonly N[]) => {
    for (const n of list) drawnAs.set(n.id, ends.push(n.id) - 1);
    shown.push(...list);
  };
  for (const kind of NODE_KINDS) {
    const members = ofKind.get(kind);
    if (!members) continue;
    if (members.length <= LONE_KIND_SIZE) {
      drawAlone(members);
      continue;
    }
    members.sort(byNameThenId);
    const parts = Math.ceil(members.length / GROUP_SIZE);
    const size = Math.ceil(members.length / parts);
    for (let part = 1; part <= parts; part++) {
      const slice = members.slice((part - 1) * size, part * size);
      const id = parts === 1 ? `${GROUP_PREFIX}${kind}` : `${GROUP_PREFIX}${kind}:${part}`;
      if (open.has(id)) drawAlone(slice);
      else {
        const end = ends.push(id) - 1;
        for (const n of slice) drawnAs.set(n.id, end);
        groups.push({ id, kind, count: slice.length, part, parts, first: slice[0]!.name, last: slice.at(-1)!.name });
      }
    }
  }
  const drawn: E[] = [];
  const counted = new Map<number, { from: string; to: string; count: number; types: Set<RelationshipType> }>();
  for (const e of within) {
    const from = drawnAs.get(e.from)!;
    const to = drawnAs.get(e.to)!;
    if (ends[from] === e.from && ends[to] === e.to) drawn.push(e);
    else if (from !== to) {
      const key = from * ends.length + to;
      const link = counted.get(key);
      if (link) {
        link.count++;
        link.types.add(e.type);
      } else counted.set(key, { from: ends[from]!, to: ends[to]!, count: 1, types: new Set([e.type]) });
    }
    // Relationships inside one closed group are part of its count of nodes, not drawn.
  }
  const links: OverviewLink[] = [...counted.values()].map((l) => ({
    id: `link:${l.from}|${l.to}`,
    from: l.from,
    to: l.to,
    count: l.count,
    types: RELATIONSHIP_TYPES.filter((t) => l.types.has(t)),
  }));
  return { nodeTotal: nodes.length, edgeTotal: within.length, nodes: shown.sort(byId), edges: drawn.sort(byId), groups, links: links.sort(byId) };
}
