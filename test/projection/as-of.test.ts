// The graph as of a year (graph/projection/as-of.ts) on a real embedded store: when the store's own reads answer, that
// what is derived is cached per snapshot and year, and that a replace between the choice and the read never leaves an
// answer of the old graph or of the wrong year.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { snapshotAsOf } from '../../graph/analysis/time/years.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { graphAsOf, snapshotOfYear } from '../../graph/projection/as-of.js';
import type { Dataset } from '../../graph/schema/dataset.js';

async function dataset(dir: string): Promise<Dataset> {
  const loaded = await loadDatasetDir(dir);
  if (!loaded.ok) throw new Error(`${dir} is invalid`);
  return loaded.dataset;
}

describe('the graph as of a year', () => {
  let store: LadybugStore;
  beforeEach(async () => {
    store = new LadybugStore({ path: ':memory:' });
    await store.open();
  });
  afterEach(async () => {
    await store.close();
  });

  it('lets the store answer only for the latest year of a graph with no ended link', async () => {
    await store.replaceDataset(await dataset('test/fixtures/gaps'));
    const gaps = await store.snapshot();
    expect(graphAsOf(store, gaps).direct).toBe(true);
    expect(graphAsOf(store, gaps, 2021).direct).toBe(true);
    expect(graphAsOf(store, gaps, 2020).direct).toBe(false);
    expect(graphAsOf(store, gaps).year).toBe(2021);

    await store.replaceDataset(await dataset('test/fixtures/years'));
    const years = await store.snapshot();
    // kmd → fa-data was ended in 2022: the graph of 2022 is not the whole graph.
    expect(graphAsOf(store, years).direct).toBe(false);
    expect(graphAsOf(store, years).year).toBe(2022);
  });

  it('derives the graph of a year once per snapshot, and anew for the next graph', async () => {
    await store.replaceDataset(await dataset('test/fixtures/years'));
    const first = await store.snapshot();
    const in2021 = snapshotOfYear(first, 2021);
    expect(snapshotOfYear(first, 2021)).toBe(in2021);
    expect(await graphAsOf(store, first, 2021).reader.snapshot()).toBe(in2021);
    expect(in2021).toEqual(snapshotAsOf(first, 2021));
    expect(Object.isFrozen(in2021.nodes) && Object.isFrozen(in2021.edges)).toBe(true);

    await store.replaceDataset(await dataset('test/fixtures/gaps'));
    const second = await store.snapshot();
    expect(snapshotOfYear(second, 2021)).not.toBe(in2021);
    expect(snapshotOfYear(second, 2021).meta.name).toBe('Strategigraf gap fixture');
  });

  it('answers from the new graph of the year when a replace commits between the choice and the store read', async () => {
    await store.replaceDataset(await dataset('test/fixtures/gaps'));
    const graph = graphAsOf(store, await store.snapshot());
    expect(graph.direct).toBe(true);
    // Now the store holds a graph whose latest year is not the whole graph: its own answer would count kmd's ended link.
    await store.replaceDataset(await dataset('test/fixtures/years'));
    expect((await store.getNode('kmd'))!.degree).toEqual({ RESPONSIBLE_FOR: { out: 1, in: 0 } });
    expect((await graph.reader.getNode('kmd'))!.degree).toEqual({});
    expect((await graph.reader.neighbors('kmd', { depth: 1, limit: 10 })).edges).toEqual([]);
  });

  it('says when an absent node first appears, and null for a node of no year', async () => {
    await store.replaceDataset(await dataset('test/fixtures/years'));
    const graph = graphAsOf(store, await store.snapshot(), 2020);
    expect(await graph.reader.getNode('kld')).toBeNull();
    expect(graph.firstAttested('kld')).toBe(2022);
    expect(graph.firstAttested('init-eti')).toBe(2021);
    expect(graph.firstAttested('finnes-ikke')).toBeNull();
  });
});
