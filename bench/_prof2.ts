import { performance } from 'node:perf_hooks';
import { generateDataset } from './synthetic/dataset.js';
import { snapshotFromDataset } from '../graph/analysis/index.js';
import { RULES } from '../graph/analysis/rules/index.js';
import { buildContext } from '../graph/analysis/context.js';
import { resolveGapConfig } from '../graph/analysis/config.js';
import { settle } from '../graph/analysis/evidence.js';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
const n = Number(process.argv[2] ?? 100000);
const d = generateDataset({ nodes: n, relationships: n * 5, seed: 20201 });
const s = snapshotFromDataset(d);
const session = new Session(); session.connect(); await session.post('Profiler.enable'); await session.post('Profiler.start');
let t = performance.now();
const ctx = buildContext(s, resolveGapConfig());
console.log('context', (performance.now() - t).toFixed(0));
for (const r of RULES) {
  t = performance.now();
  const f = r.run(ctx);
  const t1 = performance.now();
  f.flatMap((x) => settle(ctx, x) ?? []);
  console.log(r.info.id, f.length, (t1 - t).toFixed(0), 'settle', (performance.now() - t1).toFixed(0));
}
const { profile } = await session.post('Profiler.stop');
writeFileSync('/tmp/gaps.cpuprofile', JSON.stringify(profile));
