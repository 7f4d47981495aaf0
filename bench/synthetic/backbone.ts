// The backbone every real plan has: action plans under strategies, focus areas under plans, initiatives under focus areas…
import type { NodeKind, RelationshipType } from '../../graph/ontology.js';
import type { Ctx } from './context.js';
import { add, type Group } from './groups.js';

/** The structure every real plan has; one relationship per child node, so no duplicates. */
function backbone(ctx: Ctx, group: (type: RelationshipType, from: NodeKind, to: NodeKind) => Group): [Group, number, number][] {
  const { rng, counts } = ctx;
  const out: [Group, number, number][] = [];
  const each = (n: number, fn: (i: number) => void) => {
    for (let i = 0; i < n; i++) fn(i);
  };
  const op = group('OPERATIONALISES', 'ActionPlan', 'Strategy');
  each(counts.ActionPlan, (i) => out.push([op, i, i % counts.Strategy]));
  const faPlan = group('PART_OF', 'FocusArea', 'ActionPlan');
  each(counts.FocusArea, (i) => out.push([faPlan, i, i % counts.ActionPlan]));
  const initFa = group('PART_OF', 'Initiative', 'FocusArea');
  each(counts.Initiative, (i) => out.push([initFa, i, rng.int(counts.FocusArea)]));
  const leads = group('LEADS', 'Agency', 'Initiative');
  each(counts.Initiative, (i) => out.push([leads, rng.skewed(counts.Agency, 2), i]));
  const trend = group('PART_OF', 'Trend', 'Driver');
  each(counts.Trend, (i) => out.push([trend, i, rng.int(counts.Driver)]));
  const hasStatus = group('HAS_STATUS', 'Initiative', 'StatusReport');
  const published = group('PUBLISHED_IN', 'StatusReport', 'Report');
  each(counts.StatusReport, (i) => {
    out.push([hasStatus, rng.int(counts.Initiative), i]);
    out.push([published, i, rng.skewed(counts.Report, 1.5)]);
  });
  const milestone = group('HAS_MILESTONE', 'Initiative', 'Milestone');
  each(counts.Milestone, (i) => out.push([milestone, rng.int(counts.Initiative), i]));
  const recommends = group('RECOMMENDS', 'Report', 'Recommendation');
  each(counts.Recommendation, (i) => out.push([recommends, rng.skewed(counts.Report, 1.5), i]));
  const illustratesTrend = group('ILLUSTRATES', 'Example', 'Trend');
  const illustratesDriver = group('ILLUSTRATES', 'Example', 'Driver');
  each(counts.Example, (i) => {
    if (rng.chance(0.8)) out.push([illustratesTrend, i, rng.int(counts.Trend)]);
    else out.push([illustratesDriver, i, rng.int(counts.Driver)]);
  });
  return out;
}

/** Adds the backbone to its groups; when relCount is smaller, a random selection of it, in backbone order. */
export function placeBackbone(ctx: Ctx, groups: Group[], relCount: number): void {
  const groupOf = (type: RelationshipType, from: NodeKind, to: NodeKind) => groups.find((g) => g.type === type && g.from === from && g.to === to)!;
  let structure = backbone(ctx, groupOf);
  if (structure.length > relCount) {
    const picks = structure.map((_, i) => i);
    for (let i = 0; i < relCount; i++) {
      const j = i + ctx.rng.int(picks.length - i);
      [picks[i], picks[j]] = [picks[j]!, picks[i]!];
    }
    structure = picks
      .slice(0, relCount)
      .sort((a, b) => a - b)
      .map((i) => structure[i]!);
  }
  for (const [g, f, t] of structure) add(ctx, g, f, t);
}
