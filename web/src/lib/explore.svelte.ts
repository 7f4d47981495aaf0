// The Explore graph: the union of the neighbourhoods of the expanded nodes, fetched with the current filters and as of
// the header's year (once the neighbour route takes it: api/client.ts, AS_OF_ROUTES).
import { api, ApiFailure, asFailure } from '../api/client.js';
import type { Edge, NeighborhoodResult, Node } from '../api/types.js';
import { aggregate, type Overview } from '../../../graph/overview/aggregate.js';

/** The filters as the URL gives them. */
export interface Filters {
  kinds: string[];
  types: string[];
  basis: string;
  /** Also the links editors rejected, each marked so (by default the API leaves them out). */
  rejected?: boolean;
}

type NeighborOptions = NonNullable<Parameters<typeof api.neighbors>[1]>;

/** URL values go to the server as written: an unknown kind or type is its 400, shown with the message naming the known ones. */
const neighborFilters = (filters: Filters): NeighborOptions => ({
  kinds: filters.kinds as NeighborOptions['kinds'],
  types: filters.types as NeighborOptions['types'],
  basis: (filters.basis || undefined) as NeighborOptions['basis'],
  ...(filters.rejected ? { includeRejected: 'true' as const } : {}),
});

/** What the canvas and the table draw: nodes and relationships one by one, and groups with their counted links. */
export type Shown = Overview<Node, Edge>;

const EMPTY: Shown = { nodeTotal: 0, edgeTotal: 0, nodes: [], edges: [], groups: [], links: [] };

export class ExploreGraph {
  /** Every node and relationship loaded (the union of the neighbourhoods; in the overview, those drawn one by one). */
  nodes = $state.raw<Node[]>([]);
  edges = $state.raw<Edge[]>([]);
  /** What is drawn: above AGGREGATE_ABOVE nodes, the large kinds gathered into groups (graph/overview/aggregate.ts). */
  shown = $state.raw<Shown>(EMPTY);
  truncated = $state(false);
  loading = $state(false);
  error = $state<ApiFailure | null>(null);
  private cache = new Map<string, NeighborhoodResult>();
  private cacheKey = '';

  /** Forgets what was read, so the next load reads the graph again (a review changed what it shows). */
  invalidate(): void {
    this.cache.clear();
  }

  /** The whole graph with the filters, grouped on the server when it is large (`open`: groups shown node by node). */
  async loadOverview(filters: Filters, open: string[], asOf?: number): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      const overview = await api.overview({
        kinds: filters.kinds as NeighborOptions['kinds'],
        types: filters.types as NeighborOptions['types'],
        basis: (filters.basis || undefined) as NeighborOptions['basis'],
        ...(open.length > 0 ? { open } : {}),
        ...(filters.rejected ? { includeRejected: 'true' as const } : {}),
        asOf,
      });
      this.nodes = overview.nodes;
      this.edges = overview.edges;
      this.truncated = false;
      this.shown = overview;
    } catch (err) {
      this.error = asFailure(err);
    } finally {
      this.loading = false;
    }
  }

  /** Loads every expanded node's neighbourhood (cached per filter set and year), merges them, and groups them when many. */
  async load(expanded: string[], filters: Filters, asOf?: number, open: string[] = [], grouping = true): Promise<void> {
    const key = JSON.stringify({ ...filters, asOf: asOf ?? null });
    if (key !== this.cacheKey) {
      this.cache.clear();
      this.cacheKey = key;
    }
    this.loading = true;
    this.error = null;
    try {
      const missing = expanded.filter((id) => !this.cache.has(id));
      const fetched = await Promise.all(
        missing.map((id) =>
          api.neighbors(id, { depth: 1, ...neighborFilters(filters), asOf }).catch((err: unknown) => {
            // An id in a shared link may no longer exist; the rest of the view still loads.
            if (err instanceof ApiFailure && err.status === 404) return { nodes: [], edges: [], truncated: false };
            throw err;
          }),
        ),
      );
      missing.forEach((id, i) => this.cache.set(id, fetched[i]!));
      const nodes = new Map<string, Node>();
      const edges = new Map<string, Edge>();
      let truncated = false;
      for (const id of expanded) {
        const hood = this.cache.get(id)!;
        truncated ||= hood.truncated;
        for (const n of hood.nodes) nodes.set(n.id, n);
        for (const e of hood.edges) edges.set(e.id, e);
      }
      this.nodes = [...nodes.values()];
      this.edges = [...edges.values()];
      this.truncated = truncated;
      this.shown = aggregate(this.nodes, this.edges, grouping ? { open } : { above: Infinity });
    } catch (err) {
      this.error = asFailure(err);
    } finally {
      this.loading = false;
    }
  }
}

/**
 * The kinds the first picture shows: the plan's structure and who and what it touches. The follow-up detail (reports,
 * status answers, indicators and their measurements, obstacles, funding, milestones, examples) is one click away in
 * the filters; shown at once, it buried the structure under a hundred overlapping labels.
 */
export const OVERVIEW_KINDS = [
  'Strategy',
  'ActionPlan',
  'FocusArea',
  'Objective',
  'Initiative',
  'LifeEvent',
  'Agency',
  'Goal',
  'Driver',
  'Trend',
  'Recommendation',
] as const;

/** Which nodes start the default view: the action plan and its focus areas. */
export async function defaultExpanded(asOf?: number): Promise<string[]> {
  const [plans, areas] = await Promise.all([api.listNodes('ActionPlan', 5, asOf), api.listNodes('FocusArea', 50, asOf)]);
  return [...plans.items, ...areas.items].map((n) => n.id);
}
