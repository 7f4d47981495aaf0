// What the analysis derives from a graph, kept for as long as that graph is the one read: the context's indexes, the
// gap findings and the coverage matrices. A store gives the same snapshot object for as long as its graph is unchanged,
// and a new one once a replace (a load, PUT /api/dataset) commits; the review lens and the year filter do the same for
// their views (graph/review/lens.ts, graph/projection/as-of.ts). So a result kept on the snapshot object is exactly
// as current as the snapshot: it is computed by the first call after a load or a review decision and given again to
// every later one, and it goes with the snapshot (a WeakMap). docs/analysis-at-scale.md argues the design.
//
// Only snapshots whose node and edge arrays are frozen are kept: that is the port's promise that nobody changes what
// they hold (GraphStore.snapshot()). A snapshot built by hand (tests, the CLI's seed files) is analysed afresh each time.
import type { GraphSnapshot } from '../store/port.js';

export type Derived<T> = WeakMap<GraphSnapshot, Map<string, T>>;

/** Whether results derived from this snapshot may be kept for as long as it lives. */
export function isImmutable(snapshot: GraphSnapshot): boolean {
  return Object.isFrozen(snapshot.nodes) && Object.isFrozen(snapshot.edges);
}

/** The result kept for this snapshot and key, computing it once; a snapshot that may change is never kept. */
export function derived<T>(cache: Derived<T>, snapshot: GraphSnapshot, key: string, compute: () => T): T {
  if (!isImmutable(snapshot)) return compute();
  let byKey = cache.get(snapshot);
  if (!byKey) cache.set(snapshot, (byKey = new Map()));
  let value = byKey.get(key);
  if (value === undefined) byKey.set(key, (value = compute()));
  return value;
}

/**
 * As `derived`, for results keyed by what a request asks (a page, a filter), where there is no bound on the keys: only
 * the `max` most recently asked are kept per snapshot, so a client paging through every finding does not keep them all.
 */
export function derivedRecent<T>(cache: Derived<T>, snapshot: GraphSnapshot, key: string, max: number, compute: () => T): T {
  if (!isImmutable(snapshot)) return compute();
  let byKey = cache.get(snapshot);
  if (!byKey) cache.set(snapshot, (byKey = new Map()));
  let value = byKey.get(key);
  if (value === undefined) {
    value = compute();
    if (byKey.size >= max) byKey.delete(byKey.keys().next().value!);
  } else {
    byKey.delete(key); // to the end of the insertion order: the most recently asked
  }
  byKey.set(key, value);
  return value;
}

/** Replaces what is kept for this snapshot and key by an equal value (a more compact form of it); a no-op when not kept. */
export function replaceDerived<T>(cache: Derived<T>, snapshot: GraphSnapshot, key: string, value: T): void {
  const byKey = cache.get(snapshot);
  if (byKey?.has(key)) byKey.set(key, value);
}
