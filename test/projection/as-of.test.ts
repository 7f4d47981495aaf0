// The graph as of a year (graph/projection/as-of.ts) on a real embedded store: when the store's own reads answer, that
// what is derived is cached per snapshot and year, and that a replace between the choice and the read never leaves an
// answer of the old graph or of the wrong year.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { snapshotAsOf } from '../../graph/analysis/time/years.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { generateDataset } from '../../bench/synthetic/dataset.js';
import { graphAsOf, keptYearViews, MAX_KEPT_PAST_YEARS, snapshotOfYear, withGraphOfYear, yearsOfGraph } from '../../graph/projection/as-of.js';
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

  it('keeps the latest year and the most recently read past years only, and builds an evicted year again alike', async () => {
    await store.replaceDataset(generateDataset({ nodes: 3000, relationships: 12000, seed: 7 }));
    const whole = await store.snapshot();
    const { all, latest } = yearsOfGraph(whole);
    const past = all.filter((y) => y !== latest);
    expect(past.length).toBeGreaterThan(MAX_KEPT_PAST_YEARS + 1);

    const first = snapshotOfYear(whole, past[0]!);
    snapshotOfYear(whole, latest!);
    for (const year of past) snapshotOfYear(whole, year);
    const kept = keptYearViews(whole);
    expect(kept).toContain(latest);
    expect(kept.filter((y) => y !== latest)).toEqual(past.slice(-MAX_KEPT_PAST_YEARS));

    // Reading a kept year makes it the most recent; reading an evicted one builds it anew, equal to the first.
    const again = snapshotOfYear(whole, past[0]!);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(keptYearViews(whole).at(-1)).toBe(past[0]);
    expect(keptYearViews(whole).length).toBe(MAX_KEPT_PAST_YEARS + 1);
  });

  it('visits a year without keeping it, and uses the kept view when there is one', async () => {
    await store.replaceDataset(await dataset('test/fixtures/years'));
    const whole = await store.snapshot();
    const visited = withGraphOfYear(whole, 2021, (g) => g);
    expect(visited).toEqual(snapshotAsOf(whole, 2021));
    expect(keptYearViews(whole)).not.toContain(2021);
    const kept = snapshotOfYear(whole, 2021);
    expect(withGraphOfYear(whole, 2021, (g) => g)).toBe(kept);
  });
});
