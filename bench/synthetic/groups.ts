// Relationship groups (one per type and pair of kinds the ontology allows) and adding a relationship to one.
import { RELATIONSHIP_RULES, RELATIONSHIP_TYPES, type NodeKind, type RelationshipType } from '../../graph/ontology.js';
import type { DatasetRelationship } from '../../graph/schema/dataset.js';
import { reportSource, type Ctx } from './context.js';
import { quote } from './text.js';
import { NOTES, TOPICS } from './vocabulary.js';

export interface Group {
  type: RelationshipType;
  from: NodeKind;
  to: NodeKind;
  /** Share of the relationships beyond the backbone. */
  weight: number;
  /** Skew of the endpoint draws (1 = uniform; higher = more hubs at low indices). */
  fromSkew: number;
  toSkew: number;
  /** Chance a relationship of this group is inferred rather than stated. */
  inferred: number;
  seen: Set<number>;
  edges: DatasetRelationship[];
}

export const EXTRA_WEIGHTS: Partial<Record<`${RelationshipType}:${NodeKind}:${NodeKind}`, number>> = {
  'PARTICIPATES_IN:Agency:Initiative': 22,
  'DEPENDS_ON:Initiative:Initiative': 12,
  'SERVES:Initiative:LifeEvent': 8,
  'CONTRIBUTES_TO:Initiative:Goal': 8,
  'CONTRIBUTES_TO:FocusArea:Goal': 0.3,
  'CONTRIBUTES_TO:Example:Goal': 4,
  'INFLUENCES:Driver:FocusArea': 0.3,
  'INFLUENCES:Driver:Initiative': 6,
  'TARGETS:Recommendation:FocusArea': 2,
  'TARGETS:Recommendation:Initiative': 8,
  'TARGETS:Recommendation:ActionPlan': 0.3,
  'TARGETS:Recommendation:Agency': 5,
  'PROPOSES:Recommendation:Initiative': 4,
  'LEADS:Agency:LifeEvent': 1,
  'LEADS:Agency:FocusArea': 0.3,
  'LEADS:Agency:Initiative': 2,
  'INVOLVES:Example:Agency': 6,
  'ILLUSTRATES:Example:Trend': 3,
  'ILLUSTRATES:Example:Driver': 1,
  'RECOMMENDS:Report:Recommendation': 1,
  'PART_OF:Initiative:FocusArea': 2,
  'MEASURES:Measurement:Indicator': 1,
  'INFORMS:Indicator:FocusArea': 1,
  'HAS_OBJECTIVE:FocusArea:Objective': 1,
  'BLOCKS:Obstacle:Initiative': 1,
  'FUNDS:Funding:Initiative': 1,
  'RESPONSIBLE_FOR:Agency:Initiative': 1,
  'RESPONSIBLE_FOR:Agency:LifeEvent': 0.2,
  'ADOPTS:Agency:Initiative': 0.2,
  'RECEIVES:Agency:Initiative': 0.2,
  'FOLLOWS_UP:Agency:Initiative': 0.3,
  'REPORTS_TO:Agency:Agency': 0.2,
  'ADMINISTERS:Agency:Funding': 0.2,
  'PART_OF:Funding:Funding': 0.1,
  'HAS_STATUS:FocusArea:StatusAssessment': 0.3,
  'PUBLISHED_IN:StatusAssessment:Report': 1,
};
export const HUB_SKEW: Partial<Record<NodeKind, number>> = { Agency: 2, Initiative: 1.4, Report: 1.5, Recommendation: 1.2, Example: 1.1 };
export const INFERRED_SHARE: Partial<Record<RelationshipType, number>> = {
  CONTRIBUTES_TO: 0.6,
  DEPENDS_ON: 0.4,
  INFLUENCES: 0.5,
  SERVES: 0.3,
  ILLUSTRATES: 0.3,
};

export function makeGroups(): Group[] {
  return RELATIONSHIP_TYPES.flatMap((type) =>
    RELATIONSHIP_RULES[type].map(([from, to]) => ({
      type,
      from,
      to,
      weight: EXTRA_WEIGHTS[`${type}:${from}:${to}`] ?? 0,
      fromSkew: HUB_SKEW[from] ?? 1,
      toSkew: HUB_SKEW[to] ?? 1,
      inferred: INFERRED_SHARE[type] ?? 0.1,
      seen: new Set<number>(),
      edges: [] as DatasetRelationship[],
    })),
  );
}

export function capacity(g: Group, counts: Record<NodeKind, number>): number {
  const pairs = counts[g.from] * counts[g.to] - (g.from === g.to ? counts[g.from] : 0);
  return pairs - g.seen.size;
}

export function provenance(ctx: Ctx, g: Group): Omit<DatasetRelationship, 'type' | 'from' | 'to'> {
  const { rng } = ctx;
  const inferred = rng.chance(g.inferred);
  const rel: Omit<DatasetRelationship, 'type' | 'from' | 'to'> = {
    source: reportSource(ctx),
    page: rng.chance(0.92) ? rng.between(1, 250) : null,
    quote: !inferred && rng.chance(0.25) ? quote(rng, rng.pick(TOPICS)[0]) : null,
    basis: inferred ? 'inferred' : 'stated',
  };
  if (inferred) rel.note = `${rng.pick(NOTES)} (${rng.pick(TOPICS)[0]}).`;
  return rel;
}

/** Adds the relationship unless it exists already; true when added. */
export function add(ctx: Ctx, g: Group, fromIndex: number, toIndex: number): boolean {
  if (g.from === g.to && fromIndex === toIndex) return false;
  const key = fromIndex * ctx.counts[g.to] + toIndex;
  if (g.seen.has(key)) return false;
  g.seen.add(key);
  g.edges.push({ type: g.type, from: ctx.ids[g.from][fromIndex]!, to: ctx.ids[g.to][toIndex]!, ...provenance(ctx, g) });
  return true;
}
