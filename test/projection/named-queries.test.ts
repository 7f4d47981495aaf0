// The named queries answered in memory (the graph as of a year has no store of its own) must give exactly the rows the
// stores' Cypher gives for the same graph: every query, every node, on every fixture and the seeds, on the embedded
// store here (test/store/as-of-equivalence.neo4j.test.ts holds Neo4j to the same answers, year by year).
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { runNamedQueryOn } from '../../graph/projection/named-queries.js';
import { GraphProjection } from '../../graph/projection/projection.js';
import { NAMED_QUERIES } from '../../graph/queries/named.js';
import type { Dataset } from '../../graph/schema/dataset.js';

const DIRS = ['test/fixtures/small', 'test/fixtures/gaps', 'test/fixtures/model', 'test/fixtures/years', 'seeds'].filter((d) => existsSync(d));

async function load(dir: string): Promise<Dataset> {
  const loaded = await loadDatasetDir(dir);
  if (!loaded.ok) throw new Error(`${dir} is not a valid dataset`);
  return loaded.dataset;
}

/**
 * The years fixture with a dependency chain longer than the queries follow (7 links), a cycle back to its start and a
 * link from an initiative to itself: where "shortest way" and Cypher's no-repeated-relationship rule could part.
 */
async function dependencyMaze(): Promise<Dataset> {
  const base = await load('test/fixtures/years');
  const chain = Array.from({ length: 8 }, (_, i) => `dep-${i + 1}`);
  const link = (from: string, to: string) => ({
    type: 'DEPENDS_ON' as const,
    from,
    to,
    source: 'rapport-2020',
    page: null,
    quote: null,
    basis: 'stated' as const,
  });
  return {
    ...base,
    nodes: [
      ...base.nodes,
      ...chain.map((id, i) => ({ kind: 'Initiative' as const, id, name: `Ledd ${i + 1}`, category: 'supporting' as const, source: 'rapport-2020' })),
    ],
    relationships: [
      ...base.relationships,
      ...chain.slice(1).map((id, i) => link(chain[i]!, id)),
      link('dep-3', 'dep-1'),
      link('dep-5', 'dep-5'),
      link('dep-2', 'init-data'),
    ],
  } as Dataset;
}

describe.each([...DIRS, 'a dependency maze'])('named queries in memory and in the store agree on %s', (dir) => {
  let store: LadybugStore;
  let dataset: Dataset;

  beforeAll(async () => {
    dataset = dir === 'a dependency maze' ? await dependencyMaze() : await load(dir);
    store = new LadybugStore({ path: ':memory:' });
    await store.replaceDataset(dataset);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('every query for every node gives the same rows in the same order', async () => {
    const snapshot = await store.snapshot();
    const projection = new GraphProjection(snapshot.nodes, snapshot.edges);
    let answered = 0;
    for (const query of NAMED_QUERIES) {
      for (const { id } of dataset.nodes) {
        const expected = await store.runNamed(query.name, { id });
        expect(await runNamedQueryOn(projection, query.name, { id }), `${query.name}(${id})`).toEqual(expected);
        if (expected.rows.length > 0) answered++;
      }
    }
    // The comparison saw rows, not only empty answers.
    expect(answered).toBeGreaterThan(0);
  });

  it('refuses an unknown query and a malformed parameter as the stores do', async () => {
    const projection = new GraphProjection([], []);
    await expect(runNamedQueryOn(projection, 'no-such-query', { id: 'x' })).rejects.toMatchObject({ code: 'query_invalid' });
    await expect(runNamedQueryOn(projection, 'dependencies', { id: '' })).rejects.toMatchObject({ code: 'query_invalid' });
  });
});

describe('the dependency chain in memory', () => {
  it('stops after six links, reaches its start round a cycle and a node linked to itself', async () => {
    const store = new LadybugStore({ path: ':memory:' });
    try {
      await store.replaceDataset(await dependencyMaze());
      const snapshot = await store.snapshot();
      const projection = new GraphProjection(snapshot.nodes, snapshot.edges);
      const rows = (await runNamedQueryOn(projection, 'dependencies', { id: 'dep-1' })).rows.map((r) => [r['initiative'], r['distance']]);
      expect(rows).toEqual(
        [
          ['dep-2', 1],
          ['dep-1', 3],
          ['dep-3', 2],
          ['init-data', 2],
          ['dep-4', 3],
          ['dep-5', 4],
          ['dep-6', 5],
          ['dep-7', 6],
        ].sort((a, b) => (a[1] as number) - (b[1] as number) || String(a[0]).localeCompare(String(b[0]))),
      );
      expect((await runNamedQueryOn(projection, 'dependencies', { id: 'dep-5' })).rows.map((r) => [r['initiative'], r['distance']])).toContainEqual([
        'dep-5',
        1,
      ]);
    } finally {
      await store.close();
    }
  });
});
