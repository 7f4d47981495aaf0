// Every format over a generated graph: more kinds, values and volume than the hand-written fixture.
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDataset } from '../../graph/dataset/validate.js';
import { CSV_BOM } from '../../graph/export/csv.js';
import { splitCypherScript } from '../../graph/export/cypher.js';
import { exportGraph } from '../../graph/export/index.js';
import { generateDataset } from '../../bench/synthetic/dataset.js';
import { NODE_KINDS } from '../../graph/ontology.js';
import type { GraphSnapshot } from '../../graph/store/port.js';
import { snapshotOf } from './helpers.js';

describe('exports of a generated graph', () => {
  let snapshot: GraphSnapshot;

  beforeAll(async () => {
    snapshot = await snapshotOf(generateDataset({ nodes: 1_200, relationships: 5_000, seed: 77 }));
  }, 60_000);

  it('JSON validates and reloads to the same graph', async () => {
    const body = exportGraph(snapshot, 'json').body;
    const result = validateDataset([{ name: 'export.json', text: body }]);
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
    expect(await snapshotOf(result.dataset)).toEqual(snapshot);
  }, 60_000);

  it('GraphML has every node and edge', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (n) => ['node', 'edge', 'key', 'data'].includes(n) });
    const doc = parser.parse(exportGraph(snapshot, 'graphml').body) as { graphml: { graph: { node: unknown[]; edge: unknown[] } } };
    expect(doc.graphml.graph.node).toHaveLength(1_200);
    expect(doc.graphml.graph.edge).toHaveLength(5_000);
  });

  it('CSV has a row per node and per relationship', () => {
    const body = exportGraph(snapshot, 'csv').body;
    expect(body.startsWith(CSV_BOM)).toBe(true);
    // Generated text holds no line breaks, so every record is one line here.
    const lines = body.slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1 + 1_200 + 5_000);
    expect(lines.filter((l) => l.startsWith('node,'))).toHaveLength(1_200);
    expect(lines.filter((l) => l.startsWith('relationship,'))).toHaveLength(5_000);
  });

  it('Cypher has a statement per constraint, node and relationship', () => {
    const statements = splitCypherScript(exportGraph(snapshot, 'cypher').body);
    expect(statements).toHaveLength(NODE_KINDS.length + 1_200 + 5_000);
    expect(statements.filter((s) => s.startsWith('MATCH '))).toHaveLength(5_000);
  });
});
