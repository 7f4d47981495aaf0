// Which year a request asks about, checked against the years the data's sources cover: a year outside them is a 400
// that names the parameter and the years there are. And the graph of that year, for every route that reads it.
import { graphAsOf, snapshotOfYear, yearsOfGraph, type GraphAsOf } from '../../graph/projection/as-of.js';
import type { GraphSnapshot, GraphStore } from '../../graph/store/port.js';
import type { ReviewLensOptions } from '../../graph/review/lens.js';
import { reviewLensOf } from '../../graph/review/read.js';
import { ApiError } from '../schemas/common.js';

export function checkYear(snapshot: GraphSnapshot, year: number, param: string): void {
  const years = yearsOfGraph(snapshot);
  const first = years.all[0];
  const latest = years.latest;
  const fail = (message: string) => new ApiError(400, 'invalid_request', `${param}: ${message}`, [{ field: param, in: 'querystring', message }]);
  if (first === undefined || latest === null) throw fail(`no source in the data has a year, so there is no year ${year} to answer for`);
  const range = first === latest ? `${first}` : `${first}–${latest}`;
  if (year < first) throw fail(`no source in the data covers ${year} or earlier (the data covers ${range})`);
  if (year > latest) throw fail(`no source in the data covers ${year} (the data covers ${range}; the latest year is ${latest})`);
}

/** The snapshot as of the requested year, or as of the latest year when none is given (links ended by then left out). */
export function snapshotForYear(snapshot: GraphSnapshot, asOf: number | undefined): GraphSnapshot {
  if (asOf !== undefined) {
    checkYear(snapshot, asOf, 'asOf');
    return snapshotOfYear(snapshot, asOf);
  }
  const latest = yearsOfGraph(snapshot).latest;
  return latest === null ? snapshot : snapshotOfYear(snapshot, latest);
}

/**
 * The graph as it stood in the requested year (`asOf`, checked), or in the latest year when none is given: what the
 * node, search, neighbourhood, path, named-query and export routes read. graph/projection/as-of.ts says how. With
 * `review`, as the review shows it (decisions in force, rejected links left out unless included: graph/review/lens.ts);
 * with null, as the data was loaded (the export).
 */
export async function graphForYear(store: GraphStore, asOf: number | undefined, review: ReviewLensOptions | null): Promise<GraphAsOf> {
  const [whole, lens] = await Promise.all([store.snapshot(), review ? reviewLensOf(store, review) : undefined]);
  if (asOf !== undefined) checkYear(whole, asOf, 'asOf');
  return graphAsOf(store, whole, asOf, lens);
}

/**
 * Which graph graphForYear would read, without building its readers: the store's snapshot as the review lens shows it
 * (the same object for as long as neither the data nor what the review shows changes) and the year answered for.
 * What the node routes key their kept answers on (server/kept-responses.ts); `asOf` is checked as graphForYear does.
 */
export async function shownGraphForYear(
  store: GraphStore,
  asOf: number | undefined,
  review: ReviewLensOptions,
): Promise<{ shown: GraphSnapshot; year: number | null }> {
  const [whole, lens] = await Promise.all([store.snapshot(), reviewLensOf(store, review)]);
  if (asOf !== undefined) checkYear(whole, asOf, 'asOf');
  const shown = lens.view(whole);
  return { shown, year: asOf ?? yearsOfGraph(shown).latest };
}
