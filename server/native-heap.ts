// The C library's heap under the server, where V8 and the database engine allocate outside the JavaScript heap. glibc
// keeps what they free in its arenas for reuse rather than give it back to the system, and a process with many threads
// (the engine's, libuv's, V8's) gets up to eight arenas a core: at 100,000 nodes a server held 100 MiB or more of such
// freed memory after reading its graph (docs/benchmarks.md, target 4). glibc's own calls return it and cap the arenas;
// they are reached through koffi (a foreign function interface with prebuilt binaries) because Node has no binding for
// them, and setting MALLOC_ARENA_MAX would have to happen before the process starts. Anywhere else (macOS, Windows,
// musl) both calls do nothing: the server works the same, with the allocator's own behaviour.
import { createRequire } from 'node:module';

interface Glibc {
  mallopt(param: number, value: number): number;
  mallocTrim(pad: number): number;
}

/** glibc's malloc.h: the parameter of mallopt() that caps the number of arenas. */
const M_ARENA_MAX = -8;

let glibc: Glibc | null | undefined;

function loadGlibc(): Glibc | null {
  if (glibc !== undefined) return glibc;
  glibc = null;
  if (process.platform !== 'linux') return glibc;
  try {
    const koffi = createRequire(import.meta.url)('koffi') as typeof import('koffi');
    // libc.so.6 is glibc's name; musl (Alpine) has none by it, and the load fails there.
    const lib = koffi.load('libc.so.6');
    glibc = { mallopt: lib.func('int mallopt(int, int)'), mallocTrim: lib.func('int malloc_trim(size_t)') };
  } catch {
    glibc = null;
  }
  return glibc;
}

/**
 * Caps glibc's arenas for the threads created from now on (the engine starts its own when a database opens), as
 * MALLOC_ARENA_MAX does at process start. True when the cap was set.
 */
export function limitMallocArenas(max: number): boolean {
  const lib = loadGlibc();
  return lib !== null && lib.mallopt(M_ARENA_MAX, max) === 1;
}

/** Gives the memory free in every arena back to the system (malloc_trim). True when glibc is there to ask. */
export function trimNativeHeap(): boolean {
  const lib = loadGlibc();
  if (!lib) return false;
  lib.mallocTrim(0);
  return true;
}
