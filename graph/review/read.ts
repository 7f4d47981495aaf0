// The review as the graph's reads apply it: the lens of the decisions as they stand in the store's work records.
import type { GraphSnapshot, GraphStore } from '../store/port.js';
import type { WorkRecord, WorkStore } from '../work/port.js';
import { workWriteMark } from '../work/write-mark.js';
import { REVIEW_COLLECTION } from './actions.js';
import { ReviewLens, type ReviewLensOptions } from './lens.js';

/** Per work store, the review records last read and the newest audit entry when they were read. */
const cache = new WeakMap<WorkStore, { mark: string; records: Promise<WorkRecord[]> }>();

/**
 * The review threads as they stand. Every read of the graph needs them, and reading them all took 20 ms on the
 * embedded store with 278 threads; the newest audit entry takes 1 ms, and where this process is the only writer the
 * store's write mark takes no query at all (the audit query was two database round trips on every read request, the
 * embedded API's largest cost: docs/benchmarks.md, issue 15). graph/work/write-mark.ts says why the mark is enough.
 */
export async function reviewRecords(work: WorkStore): Promise<WorkRecord[]> {
  const mark = await workWriteMark(work);
  const hit = cache.get(work);
  if (hit && hit.mark === mark) return hit.records;
  const records = work.listRecords(REVIEW_COLLECTION);
  cache.set(work, { mark, records });
  // A failed read is not kept.
  records.catch(() => {
    if (cache.get(work)?.records === records) cache.delete(work);
  });
  return records;
}

/** The lens of the decisions the store's work records hold now. */
export async function reviewLensOf(store: GraphStore, options: ReviewLensOptions): Promise<ReviewLens> {
  return ReviewLens.fromRecords(await reviewRecords(store.work), options);
}

/**
 * The store's graph as analysis reads it (gaps, coverage, the timeline, history and diff): every link and field with
 * the decision in force, and the rejected links left out, so that no rejected inference holds a finding up.
 */
export async function reviewedSnapshot(store: GraphStore): Promise<GraphSnapshot> {
  const [whole, lens] = await Promise.all([store.snapshot(), reviewLensOf(store, { includeRejected: false })]);
  return lens.view(whole);
}

/**
 * The same reviewed graph from any source of a snapshot and the review's records, uncached: for the CLI, which reads
 * either a store or a running server (that serves the records but not the audit trail the cache keys on).
 */
export async function reviewedFrom(source: { snapshot(): Promise<GraphSnapshot>; work: Pick<WorkStore, 'listRecords'> }): Promise<GraphSnapshot> {
  const [whole, records] = await Promise.all([source.snapshot(), source.work.listRecords(REVIEW_COLLECTION)]);
  return ReviewLens.fromRecords(records, { includeRejected: false }).view(whole);
}
