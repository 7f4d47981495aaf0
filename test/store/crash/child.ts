// A store process for the crash tests (test/store/crash.test.ts), killed with SIGKILL by the parent at some point.
// Usage: node bin/run-ts.mjs test/store/crash/child.ts <db> <A|B|seed|none>
// Prints `opening`, opens the file store, prints what it found as one line `found {...}`, then (unless "none") prints
// `writing`, replaces the dataset and prints `ack <name>`. Then it prints `idle` and waits to be killed.
import { LadybugStore } from '../../../graph/adapters/ladybug/store.js';
import { crashDataset, describeGraph } from './datasets.js';

const [dbPath, which = 'none'] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: child.ts <db> <A|B|seed|none>');
const say = (line: string) => process.stdout.write(`${line}\n`);
const store = new LadybugStore({ path: dbPath });
say('opening');
try {
  await store.open();
} catch (err) {
  say(`open-failed ${JSON.stringify(err instanceof Error ? err.message : String(err))}`);
  process.exit(3);
}
say(`found ${JSON.stringify(await describeGraph(store))}`);
if (which !== 'none') {
  const dataset = await crashDataset(which);
  say('writing');
  await store.replaceDataset(dataset);
  say(`ack ${dataset.dataset.name}`);
}
say('idle');
setInterval(() => undefined, 60_000);
