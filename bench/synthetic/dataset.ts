// A reproducible synthetic dataset shaped like the real plan, for benchmarks: same options, same dataset, byte for byte.
//
// Shape:
// - Node kinds in roughly the real proportions: a few strategies, action plans, focus areas, life events, drivers, trends,
//   the 17 sustainable development goals and a few reports; the bulk is initiatives, agencies, status reports,
//   milestones, examples and recommendations.
// - A backbone like the real plan's: every action plan operationalises a strategy, every focus area is part of an action
//   plan, every initiative of a focus area and led by an agency, every trend part of a driver, every status report
//   belongs to an initiative and is published in a report, every milestone to an initiative, every recommendation comes
//   from a report, every example illustrates a trend or driver. The remaining relationships are spread over every pair
//   the ontology allows, by weights; endpoints are drawn with a skew so some agencies, initiatives and reports are hubs.
// - Every relationship respects RELATIONSHIP_RULES, none repeats a (type, from, to) and none joins a node to itself.
// - Provenance: the source is a generated Report (goals cite the reference "ref-sdg", reports cite themselves), pages are
//   whole numbers or null, quotes a Norwegian sentence or null, basis "stated" or "inferred" with a note.
// - Norwegian names and descriptions from small vocabularies, so search has words to match; ids are valid slugs.
// The generator uses its own seeded PRNG (mulberry32), never Math.random or the clock.
import { NODE_KINDS, type NodeKind } from '../../graph/ontology.js';
import type { Dataset } from '../../graph/schema/dataset.js';
import { placeBackbone } from './backbone.js';
import type { Ctx } from './context.js';
import { kindCounts } from './counts.js';
import { makeGroups } from './groups.js';
import { makeNodes } from './nodes.js';
import { Rng } from './rng.js';
import { fill, quotas } from './spread.js';

/**
 * The named sizes benchmarks and tests share. 100k is issue 15's graph (100,000 nodes, 500,000 relationships), 50k the
 * API benchmark's since issue 5, 5k the canvas benchmark's.
 */
export const SYNTHETIC_SIZES = {
  '5k': { nodes: 5_000, relationships: 20_000 },
  '50k': { nodes: 50_000, relationships: 250_000 },
  '100k': { nodes: 100_000, relationships: 500_000 },
} as const satisfies Record<string, { nodes: number; relationships: number }>;

export type SyntheticSize = keyof typeof SYNTHETIC_SIZES;

export function isSyntheticSize(value: string): value is SyntheticSize {
  return Object.hasOwn(SYNTHETIC_SIZES, value);
}

/** A named size instead of the counts: `generateDataset({ size: '100k', seed: 1 })`. */
export interface SizedSyntheticOptions {
  size: SyntheticSize;
  /** Any safe integer. */
  seed: number;
}

export interface SyntheticOptions {
  /** Number of nodes, at least one per kind (14). */
  nodes: number;
  /** Number of relationships, exactly; must fit in what the ontology allows between the nodes. */
  relationships: number;
  /** Any safe integer. */
  seed: number;
}

export function generateDataset(options: SyntheticOptions | SizedSyntheticOptions): Dataset {
  const { nodes: nodeCount, relationships: relCount, seed } = 'size' in options ? { ...SYNTHETIC_SIZES[options.size], seed: options.seed } : options;
  if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be a safe integer');
  if (!Number.isSafeInteger(relCount) || relCount < 0) throw new RangeError('relationships must be a whole number ≥ 0');
  const counts = kindCounts(nodeCount);
  const ctx: Ctx = { rng: new Rng(seed), counts, ids: Object.fromEntries(NODE_KINDS.map((k) => [k, [] as string[]])) as Record<NodeKind, string[]> };

  const nodes = makeNodes(ctx);
  const groups = makeGroups();
  placeBackbone(ctx, groups, relCount);
  const placed = groups.reduce((a, g) => a + g.edges.length, 0);
  const quota = quotas(groups, relCount - placed, counts);
  groups.forEach((g, i) => fill(ctx, g, quota[i]!));

  return {
    dataset: {
      name: 'Syntetisk strategigraf',
      version: `synthetic-n${nodeCount}-r${relCount}-s${seed}`,
      description: 'Generert av graph/generate/synthetic.ts for ytelsestester; ikke ekte data.',
    },
    references: [{ id: 'ref-sdg', title: 'FNs bærekraftsmål', url: 'https://sdgs.un.org/goals' }],
    nodes,
    relationships: groups.flatMap((g) => g.edges),
  };
}
