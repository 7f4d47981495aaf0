// A full garbage collection the server asks for at the end of a burst of work. V8 collects lazily: the reconcile at
// start analyses every year of the data (at 100,000 nodes hundreds of MB of short-lived findings a year), and V8 let
// that garbage pile up to 2.3 GiB before collecting, then kept the heap that size for up to a minute of idleness. A
// collection after each year's analysis keeps the peak near one year's worth, and one at the end gives the memory back
// when the work is done (docs/benchmarks.md, target 4). It costs well under a second a call at that size.
import v8 from 'node:v8';
import vm from 'node:vm';

/** When in a run of work the collection is asked for: after one burst of it, or once the whole run is done. */
export type BurstMoment = 'burst' | 'end';

let gc: (() => void) | null | undefined;

function exposedGc(): (() => void) | null {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const found: unknown = vm.runInNewContext('gc');
      gc = typeof found === 'function' ? (found as () => void) : null;
    } catch {
      gc = null;
    }
  }
  return gc;
}

/**
 * V8's full collection, made callable once (as `node --expose-gc` would); null where the runtime refuses. At the end of
 * a run it also compacts the heap: a plain full collection frees the garbage but keeps every page that still holds a
 * live object, and the years' findings were spread over most pages. At 100,000 nodes the heap kept 300 MiB of such
 * pages idle after the start's reconcile; compacting moves the live objects together and gives the pages back. Only at
 * the end, because moving half a gigabyte of live objects after every burst would slow the run for pages it refills.
 */
export function fullCollection(): ((moment?: BurstMoment) => void) | null {
  const collect = exposedGc();
  if (!collect) return null;
  return (moment = 'burst') => {
    if (moment === 'burst') return collect();
    v8.setFlagsFromString('--compact-on-every-full-gc');
    try {
      collect();
    } finally {
      v8.setFlagsFromString('--no-compact-on-every-full-gc');
    }
  };
}
