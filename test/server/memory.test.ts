// The server's full collection after a burst of work (server/memory.ts): it must really collect, and the reconcile must
// call it after each year's analysis and once at the end, when what that work made is garbage.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { yearsOfGraph } from '../../graph/projection/as-of.js';
import { reconcileFollowUp } from '../../graph/work/followup/reconcile.js';
import { fullCollection, idleCollector } from '../../server/memory.js';

describe('the full collection after a burst of work', () => {
  it('is callable and frees what nothing refers to any more', async () => {
    const collect = fullCollection();
    expect(collect).toBeTypeOf('function');
    // Made inside a function, so that nothing but the WeakRef refers to it once the function returns.
    const ref = (() => new WeakRef({ payload: new Array(1000).fill('x') }))();
    // A WeakRef's target lives to the end of the job that made it.
    await nextTurn();
    collect!();
    expect(ref.deref()).toBeUndefined();
  });

  it('at the end of a run compacts the heap, giving back the pages a plain collection keeps for a few live objects', async () => {
    const collect = fullCollection()!;
    // Two objects in three become garbage, spread evenly over the pages the third keeps alive.
    const kept: object[] = [];
    let garbage: object[] | null = [];
    for (let i = 0; i < 600_000; i++) (i % 3 === 0 ? kept : garbage).push({ name: `object ${i}`, pair: [i, i + 1] });
    garbage = null;
    await nextTurn();
    collect('burst');
    const afterPlain = process.memoryUsage().heapTotal;
    collect('end');
    const afterCompacting = process.memoryUsage().heapTotal;
    expect(garbage).toBeNull();
    expect(kept).toHaveLength(200_000);
    // About 60 MiB of garbage lay between the live objects; compacting gives back at least half of it.
    expect(afterPlain - afterCompacting).toBeGreaterThan(30 * 2 ** 20);
  });

  it('is called by the reconcile after each year of the data, each batch written and once at the end', async () => {
    const store = new LadybugStore({ path: ':memory:' });
    try {
      await store.open();
      const seeds = await loadDatasetDir('seeds');
      if (!seeds.ok) throw new Error('the seed dataset is invalid');
      await store.replaceDataset(seeds.dataset);
      const snapshot = await store.snapshot();
      const years = yearsOfGraph(snapshot).all.length;
      expect(years).toBeGreaterThan(1);
      let moments: string[] = [];
      const first = await reconcileFollowUp(store.work, snapshot, { afterBurst: (moment) => moments.push(moment), batchSize: 10 });
      const batches = Math.ceil(first['followup.detect'] / 10);
      expect(batches).toBeGreaterThan(1);
      expect(moments).toEqual([...Array<string>(years + batches).fill('burst'), 'end']);
      // The second time over the same graph its years are already analysed and nothing is written: the end alone.
      moments = [];
      await reconcileFollowUp(store.work, snapshot, { afterBurst: (moment) => moments.push(moment) });
      expect(moments).toEqual(['end']);
    } finally {
      await store.close();
    }
  });
});

describe('the collection in a quiet moment after the heap grew', () => {
  const MiB = 2 ** 20;
  function fixture(growthMiB = 100) {
    let heap = 500 * MiB;
    const calls: number[] = [];
    const trims: number[] = [];
    const collector = idleCollector({
      collect: () => {
        calls.push(Date.now());
        heap = 520 * MiB; // what stays live
      },
      trim: () => trims.push(Date.now()),
      heapSize: () => heap,
      idleMs: 2_000,
      growthBytes: growthMiB * MiB,
    });
    return { collector, calls, trims, grow: (mib: number) => (heap += mib * MiB) };
  }
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('collects once the server has been quiet for the idle time, not while requests keep coming', () => {
    const { collector, calls, grow } = fixture();
    collector.activity();
    grow(300);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(1_000);
      collector.activity();
    }
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(1_999);
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(calls).toHaveLength(1);
    expect(collector.collections).toBe(1);
    collector.stop();
  });

  it('does not collect when the heap grew less than the threshold since the last collection', () => {
    const { collector, calls, grow } = fixture();
    collector.activity();
    grow(300);
    vi.advanceTimersByTime(2_000);
    expect(calls).toHaveLength(1);
    // After the collection the heap is 520 MiB; 60 MiB more is under the 100 MiB threshold.
    grow(60);
    collector.activity();
    vi.advanceTimersByTime(10_000);
    expect(calls).toHaveLength(1);
    grow(60);
    collector.activity();
    vi.advanceTimersByTime(2_000);
    expect(calls).toHaveLength(2);
    collector.stop();
  });

  it('trims the native heap in a quiet moment after requests when no collection is due, and not again until the next request', () => {
    const { collector, calls, trims, grow } = fixture();
    collector.activity();
    grow(20);
    vi.advanceTimersByTime(1_999);
    expect(trims).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(trims).toHaveLength(1);
    expect(calls).toHaveLength(0);
    // Quiet on: nothing new to give back.
    vi.advanceTimersByTime(60_000);
    expect(trims).toHaveLength(1);
    collector.activity();
    vi.advanceTimersByTime(2_000);
    expect(trims).toHaveLength(2);
    // A moment with a collection due collects (which trims itself) instead.
    grow(300);
    collector.activity();
    vi.advanceTimersByTime(2_000);
    expect([calls.length, trims.length, collector.collections, collector.trims]).toEqual([1, 2, 1, 2]);
    collector.stop();
  });

  it('collects when the heap grew in size though its live part did not (V8 collected while busy and kept the pages)', () => {
    let size = 600 * MiB;
    let live = 500 * MiB;
    let collected = 0;
    const collector = idleCollector({
      collect: () => {
        collected++;
        size = live + 10 * MiB;
      },
      trim: () => undefined,
      heapSize: () => size,
      liveHeap: () => live,
      idleMs: 2_000,
      growthBytes: 96 * MiB,
    });
    collector.activity();
    // The live heap is what it was; the heap V8 holds is 100 MiB over it after the first quiet moment's collection.
    vi.advanceTimersByTime(2_000);
    expect(collected).toBe(1);
    size = 620 * MiB;
    live = 505 * MiB;
    collector.activity();
    vi.advanceTimersByTime(2_000);
    expect(collected).toBe(2);
    // Once compacted, a small growth does not collect again.
    size = live + 40 * MiB;
    collector.activity();
    vi.advanceTimersByTime(2_000);
    expect([collected, collector.trims]).toEqual([2, 1]);
    collector.stop();
  });

  it('measures growth from the first request, not from before the start', () => {
    // The heap grew by 300 MiB before any request (the store opened, the reconcile ran and collected after itself).
    const { collector, calls, grow } = fixture();
    grow(300);
    collector.activity();
    vi.advanceTimersByTime(5_000);
    expect(calls).toHaveLength(0);
    collector.stop();
  });

  it('with the real collection: frees the garbage of the busy time once quiet', async () => {
    vi.useRealTimers();
    const collect = fullCollection()!;
    let ran = 0;
    const collector = idleCollector({
      collect: () => (collect('end'), ran++),
      heapSize: () => process.memoryUsage().heapTotal,
      liveHeap: () => process.memoryUsage().heapUsed,
      idleMs: 50,
      growthBytes: 4 * MiB,
    });
    // From a compacted heap, as after the start's collection: what the test allocates then grows the heap's size.
    collect('end');
    collector.activity();
    // What the busy time kept (a cache it filled) grows the heap past the threshold; what it dropped is garbage.
    const kept = Array.from({ length: 200_000 }, (_, i) => ({ kept: i }));
    // Made inside a function, so that nothing but the WeakRef refers to it once the function returns.
    const ref = (() => new WeakRef(Array.from({ length: 100_000 }, (_, i) => `garbage ${i}`)))();
    collector.activity();
    await new Promise((r) => setTimeout(r, 300));
    expect(ran).toBe(1);
    expect(ref.deref()).toBeUndefined();
    expect(kept).toHaveLength(200_000);
    collector.stop();
  });
});
