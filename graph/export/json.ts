// JSON export: the dataset format itself ({dataset, references, nodes, relationships}), so the file validates and loads
// again as a seed (validateDataset accepts JSON text) and reloading it gives the same graph.
import type { Dataset } from '../schema/dataset.js';
import type { GraphSnapshot } from '../store/port.js';
import { toDatasetNode, toDatasetRelationship } from '../schema/records.js';
import { sortedEdges, sortedNodes } from './shared.js';

export function snapshotToDataset(snapshot: GraphSnapshot): Dataset {
  return {
    dataset: { ...snapshot.meta },
    references: snapshot.references.map((r) => ({ ...r })),
    nodes: sortedNodes(snapshot.nodes).map(toDatasetNode),
    relationships: sortedEdges(snapshot.edges).map(toDatasetRelationship),
  };
}

/** Pretty-printed with two spaces and a final newline: readable, and diffs line by line. */
export function exportJson(snapshot: GraphSnapshot): string {
  return `${JSON.stringify(snapshotToDataset(snapshot), null, 2)}\n`;
}
