// What an export covers: the whole graph, or the neighbourhood of one node; of the store, or of the graph of a year.
import type { GraphSnapshot, GraphStore } from '../store/port.js';

/** No node cap for an export: the whole neighbourhood, however large. */
const EXPORT_NODE_LIMIT = 1_000_000;

export interface ExportScope {
  focus?: string;
  depth?: number;
  /** The year the graph is exported as of (only named in the file name; the caller reads the graph of that year). */
  asOf?: number;
}

/** The graph to export, or null when the focus node does not exist. `store` may be the graph of a year (as-of.ts). */
export async function exportScope(store: Pick<GraphStore, 'snapshot' | 'neighborhoodSnapshot'>, scope: ExportScope): Promise<GraphSnapshot | null> {
  if (scope.focus === undefined) return store.snapshot();
  // A neighbourhood needs the dataset header, not the whole graph (which Neo4j would read on every call); one store call,
  // so that the header and the neighbourhood come from the same graph even while a replace commits.
  return store.neighborhoodSnapshot(scope.focus, { depth: scope.depth ?? 1, limit: EXPORT_NODE_LIMIT });
}

export function exportFileName(extension: string, scope: ExportScope): string {
  const ext = extension.replace(/^\./, '');
  const year = scope.asOf === undefined ? '' : `-${scope.asOf}`;
  const name = scope.focus === undefined ? `strategigraf${year}.${ext}` : `strategigraf-${scope.focus}-depth${scope.depth ?? 1}${year}.${ext}`;
  return name.replace(/[^\w.-]/g, '_');
}
