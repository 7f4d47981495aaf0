// The first reconcile after a load works out the gap findings of every year of the data. Done in one synchronous stretch
// it held the event loop for all of them (at 100,000 nodes /api/health stopped answering); it must let the loop turn
// between years. Asserted by interleaving, not by time: something scheduled on the loop runs while some but not all
// years are analysed.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { existingDataView } from '../../graph/work/followup/data-view.js';
import { ensureReconciled } from '../../graph/work/followup/reconcile.js';
import { yearsOfGraph } from '../../graph/projection/as-of.js';
import { generateDataset } from '../../bench/synthetic/dataset.js';

describe('the first follow-up reconcile of a generated graph', () => {
  it('lets the event loop turn between the years it analyses', async () => {
    const store = new LadybugStore({ path: ':memory:' });
    try {
      await store.open();
      await store.replaceDataset(generateDataset({ nodes: 3000, relationships: 12000, seed: 7 }));
      const snapshot = await store.snapshot();
      const years = yearsOfGraph(snapshot).all.length;
      expect(years).toBeGreaterThanOrEqual(3);

      // Stands in for a request such as GET /api/health: it runs whenever the loop turns, and notes how far the
      // reconcile has come at that moment.
      const seen: number[] = [];
      let done = false;
      const probe = (async () => {
        while (!done) {
          seen.push(existingDataView(snapshot)?.analysedYears() ?? 0);
          await nextTurn();
        }
      })();
      const summary = await ensureReconciled(store.work, snapshot);
      done = true;
      await probe;

      expect(summary['followup.detect']).toBeGreaterThan(0);
      expect(existingDataView(snapshot)!.analysedYears()).toBe(years);
      // Ran between two years' analyses: after the latest and at least one more, before the last.
      expect(seen.some((n) => n >= 2 && n < years)).toBe(true);
    } finally {
      await store.close();
    }
  }, 120_000);
});
