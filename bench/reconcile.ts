// The follow-up reconcile after a load, timed: the first reconcile of a graph writes one record per finding (the work
// store's batch write, graph/work/port.ts writeRecords), a second one over the same graph writes nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Dataset } from '../graph/schema/dataset.js';
import type { GraphStore } from '../graph/store/port.js';
import { reconcileFollowUp, type ReconcileSummary } from '../graph/work/followup/reconcile.js';

export interface ReconcileResult {
  graph: string;
  backend: string;
  findings: number;
  firstMs: number;
  secondMs: number;
  first: ReconcileSummary;
}

/** Loads `dataset` into a fresh store and times its first and second reconcile. */
export async function timeReconcile(graph: string, dataset: Dataset, makeStore: (dir: string) => GraphStore): Promise<ReconcileResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'strategigraf-reconcile-'));
  const store = makeStore(dir);
  try {
    await store.replaceDataset(dataset);
    const snapshot = await store.snapshot();
    await store.work.listRecords('followup');
    let start = performance.now();
    const first = await reconcileFollowUp(store.work, snapshot);
    const firstMs = performance.now() - start;
    start = performance.now();
    await reconcileFollowUp(store.work, snapshot);
    const secondMs = performance.now() - start;
    return { graph, backend: store.backend, findings: first['followup.detect'], firstMs, secondMs, first };
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
