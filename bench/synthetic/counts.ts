// How many nodes of each kind a synthetic dataset of a given size has.
import { NODE_KINDS, type NodeKind } from '../../graph/ontology.js';

const MIN_NODES = NODE_KINDS.length;

/** A few of each "small" kind, growing slowly; the rest split over the bulk kinds. */
export function kindCounts(total: number): Record<NodeKind, number> {
  if (!Number.isSafeInteger(total) || total < MIN_NODES) throw new RangeError(`nodes must be a whole number of at least ${MIN_NODES} (one per kind)`);
  const few = (per: number) => Math.max(1, Math.round(total / per));
  const counts = {
    Strategy: few(20_000),
    ActionPlan: few(10_000),
    FocusArea: few(1_000),
    LifeEvent: few(500),
    Driver: few(2_000),
    Trend: few(1_000),
    Goal: Math.min(17, few(100)),
    Report: few(500),
    Objective: few(1_000),
    Indicator: few(1_000),
    Measurement: few(100),
    Obstacle: few(500),
    Funding: few(500),
    StatusAssessment: few(50),
  } as Record<NodeKind, number>;
  const bulk: [NodeKind, number][] = [
    ['Initiative', 0.25],
    ['StatusReport', 0.22],
    ['Milestone', 0.18],
    ['Recommendation', 0.15],
    ['Agency', 0.1],
    ['Example', 0.1],
  ];
  const rest = total - Object.values(counts).reduce((a, b) => a + b, 0);
  for (const [kind, share] of bulk) counts[kind] = Math.max(1, Math.floor(rest * share));
  counts.Initiative += total - NODE_KINDS.reduce((a, k) => a + counts[k], 0);
  return counts;
}
