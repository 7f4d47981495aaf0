import { LadybugStore } from '../../graph/adapters/ladybug/store.js';
import { defineStoreContract } from './contract.js';

defineStoreContract('LadybugDB (embedded, in memory)', async () => new LadybugStore({ path: ':memory:' }));
