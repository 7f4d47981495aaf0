// A Neo4j writer for test/store/batched-replace.neo4j.test.ts, killed with SIGKILL by the parent at some point.
// Usage: node bin/run-ts.mjs test/store/crash/neo4j-load-child.ts <nodes> <relationships> <seed> <batch> <staging|promote>
// Replaces the dataset with the synthetic graph of that size and seed in batches of <batch>, printing `staging` once it
// has staged some relationships, or `promoting` after its third promote batch; there it waits to be killed.
import { Neo4jStore } from '../../../graph/adapters/neo4j/store.js';
import { generateDataset } from '../../../bench/synthetic/dataset.js';
import { neo4jTestConfig } from '../neo4j-config.js';

const [nodes, relationships, seed, batch, stop] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);
const hang = () => new Promise<void>(() => setInterval(() => undefined, 60_000));
let promoteBatches = 0;
const store = new Neo4jStore({
  ...neo4jTestConfig()!,
  writeBatch: Number(batch),
  log: () => undefined,
  faults: {
    afterPromoteBatch: async () => {
      if (stop === 'promote' && ++promoteBatches === 3) {
        say('promoting');
        await hang();
      }
    },
  },
});
await store.open();
const dataset = generateDataset({ nodes: Number(nodes), relationships: Number(relationships), seed: Number(seed) });
let said = false;
await store.replaceDataset(
  { ...dataset, dataset: { name: `seed ${seed}`, version: '1' } },
  {
    onProgress: ({ phase, done }) => {
      if (stop === 'staging' && phase === 'relationships' && done > 0 && !said) {
        said = true;
        say('staging');
        // Blocks between two batches (progress is reported after a commit), with no transaction open.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
      }
    },
  },
);
say('done');
await hang();
