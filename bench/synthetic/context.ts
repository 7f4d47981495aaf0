// What node and relationship generation share: the random draws, the counts and the ids made so far.
import type { NodeKind } from '../../graph/ontology.js';
import type { Rng } from './rng.js';

export interface Ctx {
  rng: Rng;
  counts: Record<NodeKind, number>;
  ids: Record<NodeKind, string[]>;
}

/** A generated report to cite, skewed so some reports are hubs. */
export function reportSource(ctx: Ctx): string {
  return ctx.ids.Report[ctx.rng.skewed(ctx.counts.Report, 1.5)]!;
}
