// The review as the graph's reads apply it: the lens of the decisions as they stand in the store's work records.
import type { GraphSnapshot, GraphStore } from '../store/port.js';
import { REVIEW_COLLECTION } from './actions.js';
import { ReviewLens, type ReviewLensOptions } from './lens.js';

/** The lens of the decisions the store's work records hold now. */
export async function reviewLensOf(store: GraphStore, options: ReviewLensOptions): Promise<ReviewLens> {
  return ReviewLens.fromRecords(await store.work.listRecords(REVIEW_COLLECTION), options);
}

/**
 * The store's graph as analysis reads it (gaps, coverage, the timeline, history and diff): every link and field with
 * the decision in force, and the rejected links left out, so that no rejected inference holds a finding up.
 */
export async function reviewedSnapshot(store: GraphStore): Promise<GraphSnapshot> {
  const [whole, lens] = await Promise.all([store.snapshot(), reviewLensOf(store, { includeRejected: false })]);
  return lens.view(whole);
}
