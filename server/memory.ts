// A full garbage collection the server asks for at the end of a burst of work. V8 collects lazily: the reconcile at
// start analyses every year of the data (at 100,000 nodes hundreds of MB of short-lived findings a year), and V8 let
// that garbage pile up to 2.3 GiB before collecting, then kept the heap that size for up to a minute of idleness. A
// collection after each year's analysis keeps the peak near one year's worth, and one at the end gives the memory back
// when the work is done (docs/benchmarks.md, target 4). It costs well under a second a call at that size.
import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | null | undefined;

/** V8's full collection, made callable once (as `node --expose-gc` would); null where the runtime refuses. */
export function fullCollection(): (() => void) | null {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const gc: unknown = vm.runInNewContext('gc');
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  return collect;
}
