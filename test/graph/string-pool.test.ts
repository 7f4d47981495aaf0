// The strings of a graph read in full are shared: every node id and source id a row names goes through one pool, so a
// store's half a million links hold references to their nodes' ids, not copies (docs/benchmarks.md, target 4).
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../bench/synthetic/dataset.js';
import { snapshotFromDataset } from '../../graph/analysis/snapshot.js';
import { edgeRow, nodeRow, toGraphEdge, toGraphNode } from '../../graph/schema/records.js';
import { StringPool } from '../../graph/schema/string-pool.js';

describe('StringPool', () => {
  it('gives the first copy it was given and counts distinct strings', () => {
    const pool = new StringPool();
    expect(pool.one('virk-1')).toBe('virk-1');
    expect(pool.one(['virk', '1'].join('-'))).toBe('virk-1');
    expect(pool.one('kilde-1')).toBe('kilde-1');
    expect(pool.size).toBe(2);
  });

  it('takes every node id, link end and source of a graph read in full, and nothing else', () => {
    const dataset = generateDataset({ nodes: 400, relationships: 1600, seed: 3 });
    const pool = new StringPool();
    for (const n of dataset.nodes) toGraphNode(n.kind, nodeRow(n), pool);
    for (const r of dataset.relationships) toGraphEdge(r.type, edgeRow(r), pool);
    const expected = new Set([
      ...dataset.nodes.map((n) => n.id),
      ...dataset.nodes.flatMap((n) => ('source' in n && typeof n.source === 'string' ? [n.source] : [])),
      ...dataset.relationships.flatMap((r) => [r.from, r.to, r.source]),
    ]);
    expect(pool.size).toBe(expected.size);
  });

  it('changes nothing a reader sees', () => {
    const dataset = generateDataset({ nodes: 300, relationships: 1200, seed: 4 });
    const unpooled = {
      nodes: dataset.nodes.map((n) => toGraphNode(n.kind, nodeRow(n))),
      edges: dataset.relationships.map((r) => toGraphEdge(r.type, edgeRow(r))),
    };
    const snapshot = snapshotFromDataset(dataset);
    expect(snapshot.nodes).toEqual([...unpooled.nodes].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(snapshot.edges).toEqual([...unpooled.edges].sort((a, b) => (a.id < b.id ? -1 : 1)));
  });
});
