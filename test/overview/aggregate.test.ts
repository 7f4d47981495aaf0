// The grouping Explore draws a large graph with (graph/overview/aggregate.ts), on generated graphs: every node and
// relationship is accounted for exactly once, groups respect their sizes, opening a group draws its members, and the
// answer depends on the graph, not on the order it arrived in.
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../bench/synthetic/dataset.js';
import { aggregate, AGGREGATE_ABOVE, GROUP_SIZE, LONE_KIND_SIZE, type GroupableEdge, type GroupableNode } from '../../graph/overview/aggregate.js';
import { NODE_KINDS } from '../../graph/ontology.js';

function graphOf(nodes: number, relationships: number): { nodes: GroupableNode[]; edges: GroupableEdge[] } {
  const d = generateDataset({ nodes, relationships, seed: 11 });
  return {
    nodes: d.nodes.map((n) => ({ id: n.id, kind: n.kind, name: n.name })),
    edges: d.relationships.map((r) => ({ id: `${r.from}:${r.type}:${r.to}`, type: r.type, from: r.from, to: r.to })),
  };
}

/** Edges whose two ends fall in the same closed group: counted in no link and drawn nowhere. */
function internal(overview: ReturnType<typeof aggregate>, edges: GroupableEdge[], nodes: GroupableNode[]): number {
  const shown = new Set(overview.nodes.map((n) => n.id));
  const groupOf = new Map<string, string>();
  for (const g of overview.groups) {
    const members = nodes
      .filter((n) => n.kind === g.kind && !shown.has(n.id))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
    const size = Math.ceil(members.length / g.parts);
    for (const n of members.slice((g.part - 1) * size, g.part * size)) groupOf.set(n.id, g.id);
  }
  return edges.filter((e) => groupOf.has(e.from) && groupOf.get(e.from) === groupOf.get(e.to)).length;
}

describe('aggregate', () => {
  it(`draws a graph of at most ${AGGREGATE_ABOVE} nodes whole, leaving out relationships whose other end was filtered away`, () => {
    const { nodes, edges } = graphOf(400, 1200);
    const kept = nodes.filter((n) => n.kind !== 'Agency');
    const overview = aggregate(kept, edges);
    expect(overview.groups).toEqual([]);
    expect(overview.links).toEqual([]);
    expect(overview.nodes).toHaveLength(kept.length);
    const ids = new Set(kept.map((n) => n.id));
    expect(overview.edges.length).toBe(edges.filter((e) => ids.has(e.from) && ids.has(e.to)).length);
    expect(overview.edges.length).toBeLessThan(edges.length);
  });

  it('groups a 10,000-node graph into tens of groups and accounts for every node and relationship once', () => {
    const { nodes, edges } = graphOf(10_000, 50_000);
    const overview = aggregate(nodes, edges);
    expect(overview.nodeTotal).toBe(10_000);
    expect(overview.groups.length).toBeGreaterThan(20);
    expect(overview.groups.length + overview.nodes.length).toBeLessThan(120);
    expect(overview.groups.reduce((a, g) => a + g.count, 0) + overview.nodes.length).toBe(10_000);
    for (const g of overview.groups) {
      expect(g.count).toBeLessThanOrEqual(GROUP_SIZE);
      expect(g.count).toBeGreaterThan(LONE_KIND_SIZE);
    }
    // A small kind is drawn node by node, a large one only as groups.
    for (const kind of NODE_KINDS) {
      const count = nodes.filter((n) => n.kind === kind).length;
      const drawn = overview.nodes.filter((n) => n.kind === kind).length;
      expect(drawn, kind).toBe(count <= LONE_KIND_SIZE ? count : 0);
    }
    const linked = overview.links.reduce((a, l) => a + l.count, 0);
    expect(linked + overview.edges.length + internal(overview, edges, nodes)).toBe(overview.edgeTotal);
    expect(overview.edgeTotal).toBe(edges.length);
    // Every link has a closed group at one end at least; a relationship between two single nodes is drawn as itself.
    const groupIds = new Set(overview.groups.map((g) => g.id));
    for (const l of overview.links) expect(groupIds.has(l.from) || groupIds.has(l.to)).toBe(true);
  });

  it('opening a group draws its members one by one, with their relationships to the other groups counted per member', () => {
    const { nodes, edges } = graphOf(10_000, 50_000);
    const closed = aggregate(nodes, edges);
    const largest = [...closed.groups].sort((a, b) => b.count - a.count)[0]!;
    const opened = aggregate(nodes, edges, { open: [largest.id, 'group:NoSuchKind'] });
    expect(opened.groups.map((g) => g.id)).toEqual(closed.groups.map((g) => g.id).filter((id) => id !== largest.id));
    expect(opened.nodes.length).toBe(closed.nodes.length + largest.count);
    expect(opened.nodes.filter((n) => n.kind === largest.kind)).toHaveLength(largest.count);
    expect(opened.groups.reduce((a, g) => a + g.count, 0) + opened.nodes.length).toBe(10_000);
    // Its members now end links of their own.
    const members = new Set(opened.nodes.filter((n) => n.kind === largest.kind).map((n) => n.id));
    expect(opened.links.some((l) => members.has(l.from) || members.has(l.to))).toBe(true);
  });

  it('gives the same answer whatever order the nodes and relationships arrive in', () => {
    const { nodes, edges } = graphOf(3000, 9000);
    const shuffled = <T>(xs: T[]) =>
      xs
        .map((x, i) => [x, (i * 7919) % xs.length] as const)
        .sort((a, b) => a[1] - b[1])
        .map(([x]) => x);
    expect(aggregate(shuffled(nodes), shuffled(edges), { open: ['group:Initiative:1'] })).toEqual(aggregate(nodes, edges, { open: ['group:Initiative:1'] }));
  });
});
