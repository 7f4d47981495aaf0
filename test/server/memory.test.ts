// The server's full collection after a burst of work (server/memory.ts): it must really collect, and the reconcile must
// call it after each year's analysis and once at the end, when what that work made is garbage.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { loadDatasetDir } from '../../graph/dataset/load.js';
import { yearsOfGraph } from '../../graph/projection/as-of.js';
import { reconcileFollowUp } from '../../graph/work/followup/reconcile.js';
import { fullCollection } from '../../server/memory.js';

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
      let calls = 0;
      const first = await reconcileFollowUp(store.work, snapshot, { afterBurst: () => calls++, batchSize: 10 });
      const batches = Math.ceil(first['followup.detect'] / 10);
      expect(batches).toBeGreaterThan(1);
      expect(calls).toBe(years + batches + 1);
      // The second time over the same graph its years are already analysed and nothing is written: the end alone.
      calls = 0;
      await reconcileFollowUp(store.work, snapshot, { afterBurst: () => calls++ });
      expect(calls).toBe(1);
    } finally {
      await store.close();
    }
  });
});
