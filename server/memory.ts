// A full garbage collection the server asks for at the end of a burst of work. V8 collects lazily: the reconcile at
// start analyses every year of the data (at 100,000 nodes hundreds of MB of short-lived findings a year), and V8 let
// that garbage pile up to 2.3 GiB before collecting, then kept the heap that size for up to a minute of idleness. A
// collection after each year's analysis keeps the peak near one year's worth, and one at the end gives the memory back
// when the work is done (docs/benchmarks.md, target 4). It costs well under a second a call at that size.
import v8 from 'node:v8';
import vm from 'node:vm';
import { trimNativeHeap } from './native-heap.js';

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
    // What the collection freed of native memory (large buffers, the engine's results) stays in the C library's heap.
    trimNativeHeap();
  };
}

export interface IdleCollectorOptions {
  /** The collection to run (fullCollection()'s, at the 'end' moment). */
  collect: () => void;
  /**
   * The heap's size now, in bytes: what V8 holds of the system's memory (heapTotal), live objects and garbage alike.
   * Not the live heap alone: V8 collects during busy times too and keeps the pages it grew into. Measured on the live
   * heap, one run at 100,000 nodes ended a round of reads 106 MiB larger with no collection due, and stayed there.
   */
  heapSize: () => number;
  /** The live heap now (heapUsed); right after a collection, what the heap's size is measured from. heapSize when absent. */
  liveHeap?: () => number;
  /** How long without a request before collecting. */
  idleMs?: number;
  /** How much the heap must have grown since the last collection for the next one to be worth its pause. */
  growthBytes?: number;
  /**
   * Run in every quiet moment that follows requests, when no collection is due: what requests freed outside V8's heap
   * (their answers' buffers, the engine's results) stays in the C library's heap even when the JavaScript heap did
   * not grow enough to collect (trimNativeHeap; a few tens of milliseconds at 100,000 nodes).
   */
  trim?: () => void;
}

export interface IdleCollector {
  /** A request began or ended: collecting waits for a quiet moment after it. */
  activity(): void;
  /** How many collections ran; for tests and diagnostics. */
  readonly collections: number;
  /** How many trims ran without a collection; for tests and diagnostics. */
  readonly trims: number;
  stop(): void;
}

/**
 * Collects the heap once the server has been idle for a moment after its heap grew. Serving large answers (a coverage
 * matrix, the timeline: tens of MB of JSON each) leaves garbage V8 collects only when its heap nears a limit it keeps
 * raising: at 100,000 nodes three rounds of reads took a server from 1.25 GiB to 2.8 GiB resident, and twenty idle
 * seconds gave nothing back. A compacting collection in a quiet moment returns it. It runs when the heap V8 holds has
 * grown by the threshold over what was live after the last collection, garbage and kept pages alike; below that, the
 * quiet moment only trims the native heap. The threshold keeps an idle server from collecting for nothing, and the
 * quiet moment keeps the pause off requests.
 */
export function idleCollector(options: IdleCollectorOptions): IdleCollector {
  const idleMs = options.idleMs ?? 2_000;
  const growthBytes = options.growthBytes ?? 96 * 1024 * 1024;
  // From the first request on: what the start did (the reconcile) collects after itself.
  let baseline: number | null = null;
  let lastActivity = Date.now();
  let timer: NodeJS.Timeout | null = null;
  let collections = 0;
  let trims = 0;
  const check = () => {
    timer = null;
    const quietFor = Date.now() - lastActivity;
    if (quietFor < idleMs) return arm(idleMs - quietFor);
    if (options.heapSize() - baseline! < growthBytes) {
      if (options.trim) {
        options.trim();
        trims++;
      }
      return;
    }
    options.collect();
    collections++;
    baseline = (options.liveHeap ?? options.heapSize)();
  };
  const arm = (ms: number) => {
    timer = setTimeout(check, ms);
    timer.unref();
  };
  return {
    activity() {
      baseline ??= (options.liveHeap ?? options.heapSize)();
      lastActivity = Date.now();
      if (!timer) arm(idleMs);
    },
    get collections() {
      return collections;
    },
    get trims() {
      return trims;
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
