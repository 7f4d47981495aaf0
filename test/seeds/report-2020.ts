// The 2020 experience report's own graph inside the seeds: what it and the timeless references attest, without the
// later sources. Questions about what the report says are asked of this, not of the graph over all years.
import type { Dataset } from '../../graph/schema/dataset.js';

export const REPORT_2020 = 'erfaringsrapport-2020';

export function report2020Only(dataset: Dataset): Dataset {
  const reportIds = new Set(dataset.nodes.filter((n) => n.kind === 'Report').map((n) => n.id));
  // A reference (no Report node) is timeless: the SDGs and the life events' ministries belong to every year.
  const kept = (source: string) => source === REPORT_2020 || !reportIds.has(source);
  const nodes = dataset.nodes.filter((n) => kept(n.source));
  const ids = new Set(nodes.map((n) => n.id));
  const relationships = dataset.relationships.filter((r) => kept(r.source) && ids.has(r.from) && ids.has(r.to));
  return { ...dataset, nodes, relationships };
}
