// The datasets the crash tests write, and a comparable description of what a store holds.
import { loadDatasetDir } from '../../../graph/dataset/load.js';
import type { Dataset } from '../../../graph/schema/dataset.js';
import type { GraphStore } from '../../../graph/store/port.js';
import { relationshipId } from '../../../graph/dataset/ids.js';

export interface GraphDescription {
  name: string;
  version: string;
  references: number;
  nodeIds: string[];
  edgeIds: string[];
}

async function load(dir: string): Promise<Dataset> {
  const result = await loadDatasetDir(dir);
  if (!result.ok) throw new Error(`${dir} is invalid: ${JSON.stringify(result.problems)}`);
  return result.dataset;
}

/** The longest text the validation allows (MAX_TEXT_BYTES): 3,999 UTF-8 bytes, mostly two-byte characters. */
export const LONGEST_TEXT = `${'ø'.repeat(1999)}x`;

/**
 * A: the small fixture. B: the fixture without its examples, with descriptions of the longest allowed text and many
 * references so the meta JSON spans several stored parts. seed: the seed dataset (big enough to kill mid-write).
 */
export async function crashDataset(which: string): Promise<Dataset> {
  if (which === 'seed') return load('seeds');
  const fixture = await load('test/fixtures/small');
  if (which === 'A') return { ...fixture, dataset: { name: 'A', version: '1' } };
  if (which === 'B') {
    const long = LONGEST_TEXT;
    return {
      ...fixture,
      dataset: { name: 'B', version: '2', description: long },
      references: [...fixture.references, ...Array.from({ length: 40 }, (_, i) => ({ id: `ref-${i}`, title: `${long.slice(0, 100)} ${i}` }))],
      nodes: fixture.nodes.filter((n) => n.kind !== 'Example').map((n) => (n.kind === 'Agency' ? { ...n, description: long } : n)),
      relationships: fixture.relationships.filter((r) => !r.from.startsWith('ex-')),
    };
  }
  throw new Error(`unknown crash dataset ${which}`);
}

export function describeDataset(dataset: Dataset): GraphDescription {
  return {
    name: dataset.dataset.name,
    version: dataset.dataset.version,
    references: dataset.references.length,
    nodeIds: dataset.nodes.map((n) => n.id).sort(),
    edgeIds: dataset.relationships.map(relationshipId).sort(),
  };
}

export async function describeGraph(store: GraphStore): Promise<GraphDescription> {
  const snap = await store.snapshot();
  return {
    name: snap.meta.name,
    version: snap.meta.version,
    references: snap.references.length,
    nodeIds: snap.nodes.map((n) => n.id).sort(),
    edgeIds: snap.edges.map((e) => e.id).sort(),
  };
}
