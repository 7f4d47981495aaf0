// The review routes on the embedded store (the suite: reviews-suite.ts).
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { defineReviewRouteSuite } from './reviews-suite.js';

defineReviewRouteSuite('LadybugDB (embedded, in memory)', async (dataset) => {
  const store = new LadybugStore({ path: ':memory:' });
  await store.open();
  await store.replaceDataset(dataset);
  return store;
});
