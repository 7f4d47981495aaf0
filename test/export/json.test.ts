import { beforeAll, describe, expect, it } from 'vitest';
import { validateDataset } from '../../graph/dataset/validate.js';
import { exportGraph } from '../../graph/export/index.js';
import { snapshotToDataset } from '../../graph/export/json.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import type { GraphSnapshot } from '../../graph/store/port.js';
import { escapingDataset, NASTY_NAME, snapshotOf } from './helpers.js';

describe('JSON export', () => {
  let dataset: Dataset;
  let snapshot: GraphSnapshot;
  let body: string;

  beforeAll(async () => {
    dataset = await escapingDataset();
    snapshot = await snapshotOf(dataset);
    const result = exportGraph(snapshot, 'json');
    expect(result).toMatchObject({ contentType: 'application/json; charset=utf-8', extension: 'json' });
    body = result.body;
  });

  it('is the dataset format, accepted by the seed validator', () => {
    const parsed = JSON.parse(body) as Dataset;
    expect(Object.keys(parsed)).toEqual(['dataset', 'references', 'nodes', 'relationships']);
    const result = validateDataset([{ name: 'export.json', text: body }]);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(parsed.nodes).toHaveLength(dataset.nodes.length);
    expect(parsed.relationships).toHaveLength(dataset.relationships.length);
  });

  it('holds exactly the dataset that was loaded, explicit nulls included', () => {
    const parsed = JSON.parse(body) as Dataset;
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
    const relKey = (r: { type: string; from: string; to: string }) => `${r.from}:${r.type}:${r.to}`;
    expect(byId(parsed.nodes)).toEqual(byId(dataset.nodes));
    expect([...parsed.relationships].sort((a, b) => (relKey(a) < relKey(b) ? -1 : 1))).toEqual(
      [...dataset.relationships].sort((a, b) => (relKey(a) < relKey(b) ? -1 : 1)),
    );
    expect(parsed.dataset).toEqual(dataset.dataset);
    expect(parsed.references).toEqual(dataset.references);
    const status = parsed.nodes.find((n) => n.id === 'status-stimulab-2020');
    expect(status).toMatchObject({ challenges: null, nextTasks: null, complete: false });
    expect(parsed.nodes.find((n) => n.id === 'ex-escaping')?.name).toBe(NASTY_NAME);
  });

  it('round-trips: validating and reloading the export gives the same graph and the same export', async () => {
    const result = validateDataset([{ name: 'export.json', text: body }]);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const reloaded = await snapshotOf(result.dataset);
    expect(reloaded).toEqual(snapshot);
    expect(exportGraph(reloaded, 'json').body).toBe(body);
  });

  it('is deterministic whatever order the snapshot lists nodes and edges in', () => {
    const shuffled: GraphSnapshot = { ...snapshot, nodes: [...snapshot.nodes].reverse(), edges: [...snapshot.edges].reverse() };
    expect(exportGraph(shuffled, 'json').body).toBe(body);
    expect(snapshotToDataset(shuffled)).toEqual(JSON.parse(body));
  });

  it('exports an empty graph as a valid, empty dataset', () => {
    const empty: GraphSnapshot = { meta: { name: 'tom', version: '1' }, references: [], nodes: [], edges: [] };
    const text = exportGraph(empty, 'json').body;
    expect(JSON.parse(text)).toEqual({ dataset: { name: 'tom', version: '1' }, references: [], nodes: [], relationships: [] });
  });
});
