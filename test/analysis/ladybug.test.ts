// The gap analysis through the embedded store: the same findings, matrices and report as from the dataset itself.
import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { defineAnalysisStoreContract } from './store-contract.js';

defineAnalysisStoreContract('LadybugDB (embedded, in memory)', async () => new LadybugStore({ path: ':memory:' }));
