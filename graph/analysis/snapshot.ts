// A dataset as the snapshot a store would return after loading it, for analysing seed files without a store.
import type { Dataset } from '../schema/dataset.js';
import type { GraphSnapshot } from '../store/port.js';
import { StringPool } from '../schema/string-pool.js';
import { byId, edgeRow, nodeRow, toGraphEdge, toGraphNode } from '../schema/records.js';

/** The same conversion the adapters apply to what they read back, so findings match a store's exactly. */
export function snapshotFromDataset(dataset: Dataset): GraphSnapshot {
  const strings = new StringPool();
  return {
    meta: dataset.dataset,
    references: dataset.references,
    nodes: dataset.nodes.map((n) => toGraphNode(n.kind, nodeRow(n), strings)).sort(byId),
    edges: dataset.relationships.map((r) => toGraphEdge(r.type, edgeRow(r), strings)).sort(byId),
  };
}
