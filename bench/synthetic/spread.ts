// The relationships beyond the backbone, spread over every group by weight.
import type { NodeKind } from '../../graph/ontology.js';
import type { Ctx } from './context.js';
import { add, capacity, type Group } from './groups.js';

/** How many extra relationships each group gets: by weight, capped by what is left in the group, the rest spread on. */
export function quotas(groups: Group[], extra: number, counts: Record<NodeKind, number>): number[] {
  const quota = groups.map(() => 0);
  const room = groups.map((g) => capacity(g, counts));
  let left = extra;
  for (const useAll of [false, true]) {
    while (left > 0) {
      const open = groups.map((g, i) => (room[i]! - quota[i]! > 0 && (useAll || g.weight > 0) ? (useAll ? Math.max(g.weight, 1) : g.weight) : 0));
      const total = open.reduce((a, b) => a + b, 0);
      if (total === 0) break;
      let given = 0;
      open.forEach((w, i) => {
        if (w === 0) return;
        const share = Math.min(room[i]! - quota[i]!, Math.max(1, Math.floor((left * w) / total)), left - given);
        quota[i]! += share;
        given += share;
      });
      left -= given;
    }
  }
  if (left > 0) throw new RangeError(`${extra - left + groups.reduce((a, g) => a + g.edges.length, 0)} relationships at most fit between these nodes`);
  return quota;
}

/** Draws `n` new relationships for a group: skewed random pairs, or every free pair shuffled when the group is nearly full. */
export function fill(ctx: Ctx, g: Group, n: number): void {
  const { rng, counts } = ctx;
  const nf = counts[g.from];
  const nt = counts[g.to];
  let added = 0;
  if (n < capacity(g, counts) / 2) {
    let attempts = 0;
    const maxAttempts = 20 * n + 1000;
    while (added < n && attempts++ < maxAttempts) {
      if (add(ctx, g, rng.skewed(nf, g.fromSkew), rng.skewed(nt, g.toSkew))) added++;
    }
  }
  if (added < n) {
    const free: number[] = [];
    for (let f = 0; f < nf; f++) for (let t = 0; t < nt; t++) if (!(g.from === g.to && f === t) && !g.seen.has(f * nt + t)) free.push(f * nt + t);
    for (let i = 0; i < n - added; i++) {
      const j = i + rng.int(free.length - i);
      [free[i], free[j]] = [free[j]!, free[i]!];
      add(ctx, g, Math.floor(free[i]! / nt), free[i]! % nt);
    }
  }
}
