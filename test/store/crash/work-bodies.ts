// The bodies the work-store crash test writes: each follows from its record and version, so the parent can tell the
// body a record must hold from its version alone, and sizes vary from one part to many (multi-byte characters across
// the parts' boundaries).
import type { Json } from '../../../graph/work/port.js';

export const CRASH_IDS = ['r-0', 'r-1', 'r-2', 'r-3', 'r-4'];

export function workBody(id: string, version: number): Json {
  const size = ((version * 7919 + id.length * 104729) % 40) * 500;
  return { id, version, comment: `${id}@${version} ` + 'æøå€𝄞 '.repeat(size / 12), tags: Array.from({ length: version % 5 }, (_, i) => `t${i}`) };
}
