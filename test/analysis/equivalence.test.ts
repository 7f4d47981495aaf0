// Issue 15's equivalence on the embedded store (equivalence.ts says what is compared).
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { defineAnalysisEquivalence } from './equivalence.js';

defineAnalysisEquivalence('LadybugDB (embedded, in memory)', async () => new LadybugStore({ path: ':memory:' }));
