import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { relationshipId } from '../../graph/dataset/ids.js';
import { validateDataset } from '../../graph/dataset/validate.js';
import { kindCounts } from '../../bench/synthetic/counts.js';
import { generateDataset, isSyntheticSize, SYNTHETIC_SIZES } from '../../bench/synthetic/dataset.js';
import { mulberry32 } from '../../bench/synthetic/rng.js';
import { isAllowed, NODE_KINDS, RELATIONSHIP_TYPES, type NodeKind } from '../../graph/ontology.js';
import { toDatasetNode, toDatasetRelationship } from '../../graph/schema/records.js';
import { DatasetRelationship, NODE_SCHEMAS, SLUG_PATTERN, type Dataset } from '../../graph/schema/dataset.js';

/** Everything validateDataset checks, without its YAML parsing, so it scales to big samples. */
function problemsOf(dataset: Dataset): string[] {
  const problems: string[] = [];
  const kindOf = new Map<string, NodeKind>();
  const referenceIds = new Set(dataset.references.map((r) => r.id));
  for (const node of dataset.nodes) {
    const parsed = NODE_SCHEMAS[node.kind].safeParse(node);
    if (!parsed.success) problems.push(`${node.id}: ${parsed.error.message}`);
    else if (!isDeepStrictEqual(parsed.data, node)) problems.push(`${node.id}: the schema changed the node`);
    if (kindOf.has(node.id)) problems.push(`duplicate id ${node.id}`);
    kindOf.set(node.id, node.kind);
  }
  const isSource = (id: string) => referenceIds.has(id) || kindOf.get(id) === 'Report';
  for (const node of dataset.nodes) if (!isSource(node.source)) problems.push(`${node.id}: unknown source ${node.source}`);
  const keys = new Set<string>();
  for (const rel of dataset.relationships) {
    const id = relationshipId(rel);
    const parsed = DatasetRelationship.safeParse(rel);
    if (!parsed.success) problems.push(`${id}: ${parsed.error.message}`);
    const from = kindOf.get(rel.from);
    const to = kindOf.get(rel.to);
    if (!from || !to) problems.push(`${id}: unknown endpoint`);
    else if (!isAllowed(rel.type, from, to)) problems.push(`${id}: ${rel.type} ${from} → ${to} is not allowed`);
    if (rel.from === rel.to) problems.push(`${id}: self-loop`);
    if (!isSource(rel.source)) problems.push(`${id}: unknown source ${rel.source}`);
    if (keys.has(id)) problems.push(`duplicate relationship ${id}`);
    keys.add(id);
  }
  return problems;
}

const countBy = <T>(xs: readonly T[], key: (x: T) => string) => {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
};

describe('synthetic dataset generator', () => {
  it('mulberry32 is deterministic and spreads values over [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(Array.from({ length: 10_000 }, () => b())).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });

  it('gives a 2,000-node sample where every node and relationship passes the schemas and the ontology', () => {
    const dataset = generateDataset({ nodes: 2_000, relationships: 10_000, seed: 1 });
    expect(dataset.nodes).toHaveLength(2_000);
    expect(dataset.relationships).toHaveLength(10_000);
    expect(problemsOf(dataset)).toEqual([]);
    for (const node of dataset.nodes) expect(node.id).toMatch(SLUG_PATTERN);
  });

  it('is shaped like the plan: few top-level nodes, many initiatives, agencies, reports; every relationship type used', () => {
    const dataset = generateDataset({ nodes: 20_000, relationships: 100_000, seed: 3 });
    const kinds = countBy(dataset.nodes, (n) => n.kind);
    expect(Object.keys(kinds).sort()).toEqual([...NODE_KINDS].sort());
    for (const few of ['Strategy', 'ActionPlan', 'Driver', 'Goal'] as const) expect(kinds[few]).toBeLessThanOrEqual(20);
    for (const few of ['FocusArea', 'LifeEvent', 'Trend', 'Report'] as const) expect(kinds[few]).toBeLessThanOrEqual(60);
    expect(kinds['Goal']).toBe(17);
    for (const many of ['Initiative', 'Agency', 'StatusReport', 'Milestone', 'Example', 'Recommendation'] as const) {
      expect(kinds[many], many).toBeGreaterThanOrEqual(1_500);
    }
    expect(kinds['Initiative']).toBe(Math.max(...Object.values(kinds)));
    const types = countBy(dataset.relationships, (r) => r.type);
    expect(Object.keys(types).sort()).toEqual([...RELATIONSHIP_TYPES].sort());
    // The backbone: every initiative is part of a focus area and led by an agency; every status report is published.
    const kindOf = new Map(dataset.nodes.map((n) => [n.id, n.kind]));
    const partOf = new Set(dataset.relationships.filter((r) => r.type === 'PART_OF' && kindOf.get(r.from) === 'Initiative').map((r) => r.from));
    const led = new Set(dataset.relationships.filter((r) => r.type === 'LEADS' && kindOf.get(r.to) === 'Initiative').map((r) => r.to));
    const published = new Set(dataset.relationships.filter((r) => r.type === 'PUBLISHED_IN' && kindOf.get(r.from) === 'StatusReport').map((r) => r.from));
    expect(partOf.size).toBe(kinds['Initiative']);
    expect(led.size).toBe(kinds['Initiative']);
    expect(published.size).toBe(kinds['StatusReport']);
    // Some hubs: the busiest agency takes part in far more initiatives than the average one.
    const participations = Object.values(
      countBy(
        dataset.relationships.filter((r) => r.type === 'PARTICIPATES_IN'),
        (r) => r.from,
      ),
    );
    const average = participations.reduce((a, b) => a + b, 0) / kinds['Agency']!;
    expect(Math.max(...participations)).toBeGreaterThan(10 * average);
  });

  it('has realistic provenance: report sources, whole pages or null, quotes or null, notes on inferred links', () => {
    const dataset = generateDataset({ nodes: 3_000, relationships: 12_000, seed: 9 });
    const reports = new Set(dataset.nodes.filter((n) => n.kind === 'Report').map((n) => n.id));
    const rels = dataset.relationships;
    for (const rel of rels) {
      expect(reports.has(rel.source)).toBe(true);
      expect(rel.page === null || (Number.isInteger(rel.page) && rel.page >= 1)).toBe(true);
      if (rel.basis === 'inferred') expect(rel.note).toMatch(/\S/);
      else expect(rel.note).toBeUndefined();
    }
    const share = (p: (r: (typeof rels)[number]) => boolean) => rels.filter(p).length / rels.length;
    expect(share((r) => r.basis === 'inferred')).toBeGreaterThan(0.05);
    expect(share((r) => r.basis === 'inferred')).toBeLessThan(0.5);
    expect(share((r) => r.quote !== null)).toBeGreaterThan(0.05);
    expect(share((r) => r.page === null)).toBeGreaterThan(0.01);
    expect(dataset.nodes.filter((n) => n.kind === 'Goal').every((n) => n.source === 'ref-sdg')).toBe(true);
    expect(dataset.nodes.filter((n) => n.kind === 'Report').every((n) => n.source === n.id)).toBe(true);
  });

  it('uses Norwegian names that search can match', () => {
    const dataset = generateDataset({ nodes: 2_000, relationships: 4_000, seed: 5 });
    const names = dataset.nodes.map((n) => n.name);
    expect(names.some((n) => /[æøå]/i.test(n))).toBe(true);
    expect(names.filter((n) => n.includes('datadeling')).length).toBeGreaterThan(5);
    expect(names.filter((n) => n.endsWith(' kommune')).length).toBeGreaterThan(5);
    expect(dataset.nodes.find((n) => n.kind === 'Strategy')?.name).toBe('Én digital offentlig sektor');
  });

  it('is deterministic: same seed, same dataset; another seed, another dataset', () => {
    const options = { nodes: 1_500, relationships: 6_000, seed: 123 };
    const a = JSON.stringify(generateDataset(options));
    expect(JSON.stringify(generateDataset(options))).toBe(a);
    expect(JSON.stringify(generateDataset({ ...options, seed: 124 }))).not.toBe(a);
    // Seeds that differ only above 32 bits differ too.
    expect(JSON.stringify(generateDataset({ ...options, seed: 123 + 2 ** 32 }))).not.toBe(a);
  });

  it('gives exactly the requested sizes, down to the smallest graph, and refuses sizes that cannot fit', () => {
    for (const [nodes, relationships] of [
      [20, 0],
      [20, 10],
      [20, 65],
      [100, 50],
      [300, 5_000],
    ] as const) {
      const dataset = generateDataset({ nodes, relationships, seed: 2 });
      expect(dataset.nodes).toHaveLength(nodes);
      expect(dataset.relationships).toHaveLength(relationships);
      expect(problemsOf(dataset)).toEqual([]);
    }
    // One node of each of the 20 kinds holds one relationship per allowed pair of different kinds: 65.
    expect(() => generateDataset({ nodes: 20, relationships: 66, seed: 2 })).toThrow(RangeError);
    expect(() => generateDataset({ nodes: 19, relationships: 0, seed: 2 })).toThrow(/at least 20/);
    expect(() => generateDataset({ nodes: 100, relationships: -1, seed: 2 })).toThrow(RangeError);
    expect(() => generateDataset({ nodes: 100, relationships: 10, seed: 1.5 })).toThrow(RangeError);
    for (const n of [20, 21, 99, 1_000, 12_345, 50_000]) {
      expect(Object.values(kindCounts(n)).reduce((a, b) => a + b, 0)).toBe(n);
    }
  });

  it('is accepted by validateDataset as a JSON seed file', () => {
    const dataset = generateDataset({ nodes: 400, relationships: 1_600, seed: 11 });
    const result = validateDataset([{ name: 'synthetic.json', text: JSON.stringify(dataset) }]);
    expect(result.ok ? [] : result.problems.slice(0, 5)).toEqual([]);
    if (result.ok) expect(result.dataset).toEqual(dataset);
  });

  it('loads into the Ladybug store and gives the same dataset back', async () => {
    const dataset = generateDataset({ nodes: 1_000, relationships: 4_000, seed: 21 });
    const store = new LadybugStore({ path: ':memory:' });
    try {
      await store.open();
      await store.replaceDataset(dataset);
      const stats = await store.stats();
      expect(Object.values(stats.nodes).reduce((a, b) => a + b, 0)).toBe(1_000);
      expect(Object.values(stats.relationships).reduce((a, b) => a + b, 0)).toBe(4_000);
      const found = await store.searchNodes({ q: 'kommune', limit: 5, offset: 0 });
      expect(found.total).toBeGreaterThan(0);
      const snapshot = await store.snapshot();
      const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(byId(snapshot.nodes.map(toDatasetNode))).toEqual(byId(dataset.nodes));
      const byKey = <T extends { type: string; from: string; to: string }>(xs: T[]) => [...xs].sort((a, b) => (relationshipId(a) < relationshipId(b) ? -1 : 1));
      expect(byKey(snapshot.edges.map(toDatasetRelationship))).toEqual(byKey(dataset.relationships));
    } finally {
      await store.close();
    }
  }, 60_000);

  // How fast is the benchmark's business (docs/benchmarks.md reports the generation time), not a timed test's.
  it('generates the 100k size (100,000 nodes, 500,000 relationships), all within the ontology', () => {
    const dataset = generateDataset({ size: '100k', seed: 1 });
    expect(dataset.nodes).toHaveLength(100_000);
    expect(dataset.relationships).toHaveLength(500_000);
    const kindOf = new Map(dataset.nodes.map((n) => [n.id, n.kind]));
    expect(kindOf.size).toBe(100_000);
    const keys = new Set<string>();
    let bad = 0;
    for (const rel of dataset.relationships) {
      const from = kindOf.get(rel.from);
      const to = kindOf.get(rel.to);
      if (!from || !to || !isAllowed(rel.type, from, to) || rel.from === rel.to) bad++;
      keys.add(relationshipId(rel));
    }
    expect(bad).toBe(0);
    expect(keys.size).toBe(500_000);
  }, 90_000);

  it('names its sizes: a named size is the same dataset as its counts given outright', () => {
    expect(Object.keys(SYNTHETIC_SIZES)).toEqual(['5k', '50k', '100k']);
    expect(SYNTHETIC_SIZES['100k']).toEqual({ nodes: 100_000, relationships: 500_000 });
    expect(isSyntheticSize('100k')).toBe(true);
    expect(isSyntheticSize('toString')).toBe(false);
    expect(generateDataset({ size: '5k', seed: 7 })).toEqual(generateDataset({ nodes: 5_000, relationships: 20_000, seed: 7 }));
  });
});
