// The real-data expectations of the gap analysis, on the embedded store.
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { defineSeedExpectations } from './seed-expectations.js';

defineSeedExpectations('LadybugDB (embedded, in memory)', async () => new LadybugStore({ path: ':memory:' }));
