// The linear-time bridge search against the definition it implements: remove the node, count the parts left apart.
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/synthetic/rng.js';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { betweennessOf, bridgeNodes, components, sampledBrandes } from '../../graph/analysis/network.js';

const betweennessCentrality = betweennessModule as unknown as typeof betweennessModule.default;

/** By definition, and slowly: every node removed in turn, the parts of its component that hold counted nodes. */
function bridgesByDefinition(graph: UndirectedGraph, counts: (id: string) => boolean, minCutOff: number) {
  const componentOf = new Map<string, number>();
  components(graph).forEach((members, i) => members.forEach((m) => componentOf.set(m, i)));
  const out: { node: string; partSizes: number[] }[] = [];
  graph.forEachNode((node) => {
    const without = graph.copy();
    without.dropNode(node);
    const sizes = components(without)
      .filter((part) => componentOf.get(part[0]!) === componentOf.get(node))
      .map((part) => part.filter(counts).length)
      .filter((n) => n > 0)
      .sort((a, b) => b - a);
    const separated = sizes.slice(1).reduce((a, b) => a + b, 0);
    if (sizes.length >= 2 && separated >= minCutOff) out.push({ node, partSizes: sizes });
  });
  return out;
}

function randomGraph(seed: number, nodes: number, edges: number): UndirectedGraph {
  const random = mulberry32(seed);
  const graph = new UndirectedGraph();
  for (let i = 0; i < nodes; i++) graph.addNode(`n${i}`);
  for (let i = 0; i < edges; i++) {
    const a = Math.floor(random() * nodes);
    const b = Math.floor(random() * nodes);
    if (a !== b) graph.mergeEdge(`n${a}`, `n${b}`);
  }
  return graph;
}

describe('bridgeNodes', () => {
  it('finds the cut vertex of a path and the sizes of what it holds together', () => {
    const graph = new UndirectedGraph();
    for (const [a, b] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['c', 'e'],
    ] as const)
      graph.mergeEdge(a, b);
    expect(bridgeNodes(graph, () => true, 1)).toEqual([
      { node: 'b', partSizes: [3, 1] },
      { node: 'c', partSizes: [2, 1, 1] },
    ]);
    // Only counted nodes count: with just a and d counted, b still separates a from d, but c cuts off only e (uncounted).
    expect(bridgeNodes(graph, (id) => id === 'a' || id === 'd', 1)).toEqual([
      { node: 'b', partSizes: [1, 1] },
      { node: 'c', partSizes: [1, 1] },
    ]);
  });

  it('finds none in a cycle', () => {
    const graph = new UndirectedGraph();
    for (const [a, b] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'a'],
    ] as const)
      graph.mergeEdge(a, b);
    expect(bridgeNodes(graph, () => true, 1)).toEqual([]);
  });

  it('agrees with the definition on random sparse and dense graphs, several components included', () => {
    let compared = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const nodes = 5 + (seed % 40);
      const graph = randomGraph(seed, nodes, Math.round(nodes * (0.6 + (seed % 5) * 0.4)));
      const counts = (id: string) => Number(id.slice(1)) % 3 !== 0;
      for (const minCutOff of [1, 3]) {
        const expected = bridgesByDefinition(graph, counts, minCutOff);
        expect(bridgeNodes(graph, counts, minCutOff), `seed ${seed}, minCutOff ${minCutOff}`).toEqual(expected);
        compared += expected.length;
      }
    }
    // The random graphs must have had bridges at all, or the comparison proves nothing.
    expect(compared).toBeGreaterThan(50);
  });
});

describe('betweennessOf', () => {
  it("gives graphology's whole-network figure for the nodes asked, computing only their components", () => {
    let split = 0;
    for (const [seed, nodes, edges] of [
      [1, 60, 40],
      [2, 120, 90],
      [3, 80, 200],
      [4, 200, 150],
    ] as const) {
      const graph = randomGraph(seed, nodes, edges);
      if (components(graph).length > 1) split += 1;
      // What the analysis computed before: the whole network, Dijkstra with unit weights.
      const whole = betweennessCentrality(graph, { normalized: true });
      const asked = graph.nodes().filter((_, i) => i % 3 === 0);
      const found = betweennessOf(graph, asked);
      expect([...found.keys()].sort()).toEqual([...asked].sort());
      for (const id of asked) expect(found.get(id), `${id} (seed ${seed})`).toEqual({ value: expect.closeTo(whole[id]!, 12) });
      expect([...found.values()].some((b) => b.value > 0)).toBe(true);
    }
    expect(split).toBeGreaterThanOrEqual(3); // most networks here are in several parts, as a past year's is
  });

  it('gives 0 in a network of two nodes or fewer, and nothing for a node the network lacks', () => {
    const pair = new UndirectedGraph();
    pair.addNode('a');
    pair.addNode('b');
    pair.addEdge('a', 'b');
    expect([...betweennessOf(pair, ['a', 'x'])]).toEqual([['a', { value: 0 }]]);
  });

  it('estimates from sources spread over the network when a component is over the budget, and says from how many', () => {
    const graph = randomGraph(9, 150, 600);
    expect(components(graph).length).toBe(1);
    const exact = betweennessCentrality(graph, { normalized: false });
    // Every node a source: the accumulation is Brandes's own (graphology's unnormalised figure is halved).
    const all = sampledBrandes(graph, graph.order);
    graph.nodes().forEach((id, i) => expect(all[i]!, id).toBeCloseTo(exact[id]! * 2, 9));

    const steps = graph.order + graph.size;
    const budget = 40 * steps; // 40 of 150 sources
    const estimated = betweennessOf(graph, graph.nodes(), budget);
    const whole = betweennessCentrality(graph, { normalized: true });
    const top = graph.nodes().sort((a, b) => whole[b]! - whole[a]!)[0]!;
    expect(estimated.get(top)!.sampledSources).toBe(40);
    expect(estimated.get(top)!.value).toBeGreaterThan(whole[top]! * 0.7);
    expect(estimated.get(top)!.value).toBeLessThan(whole[top]! * 1.3);
    // Within the budget the figure is exact and carries no sample size.
    expect(betweennessOf(graph, [top], 150 * steps).get(top)).toEqual({ value: expect.closeTo(whole[top]!, 12) });
  });
});
