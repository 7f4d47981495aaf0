import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { generateDataset } from './synthetic/dataset.js';
const t = performance.now();
const d = generateDataset({ nodes: 100_000, relationships: 500_000, seed: 20201 });
console.log('gen', performance.now() - t, d.nodes.length, d.relationships.length);
const text = JSON.stringify(d);
console.log('bytes', text.length);
await writeFile('/tmp/sl/g100k.json', text);
