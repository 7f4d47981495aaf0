// The graph as it stood in a year, for the read routes (nodes, search, neighbourhoods, paths, named queries, exports),
// meaning exactly the same on both stores.
//
// Neither store holds the graph of a year: it is a filter over the one graph (snapshotAsOf, graph/analysis/time/years.ts).
// Teaching each store's own reads that filter would mean two implementations of it, one of them Cypher, to keep equal
// for ever. Instead the store gives its whole graph (GraphStore.snapshot(): one object per committed graph, on both
// stores), the filter gives the graph of the year, and one in-memory projection of that (projection.ts, the rules the
// stores' own traversals follow) answers, so both stores answer alike by construction. What is derived is cached on the
// snapshot object, per year: a replace (PUT /api/dataset, `strategigraf load`) gives a new snapshot object, so a year's
// graph is never older than the store's own answers. Each view is about as large as the graph (and what the analysis
// keeps on it, graph/analysis/materialised.ts, is larger), so only the latest year's and the MAX_KEPT_PAST_YEARS most
// recently read other years' are kept: at 100,000 nodes a view of every year of the data took a server past 1 GiB.
// Work that visits every year once (the follow-up's index of findings by year) uses a view it does not keep
// (withGraphOfYear).
//
// The store's own reads still answer when they mean the same: the year asked is the latest and the graph of that year
// is the whole graph (no link was ended, nothing is dated later). Then the answer is checked to come from the graph the
// decision was made on (the snapshot is the same object after it), and if a replace slipped in between, the graph of
// the year is asked instead: each answer is of one graph and one year.
//
// A lens (the review of inferred links: graph/review/lens.ts) may change what the reads show of the store's graph:
// the year is then filtered from the lens's view, the store's own answers are marked by the lens, and once the lens
// leaves something out that the store's reads would hold, the projection of the view answers instead.
import { snapshotAsOf, yearsOf, type Years } from '../analysis/time/years.js';
import type { GraphEdge, GraphNode } from '../schema/graph.js';
import { byId } from '../schema/records.js';
import type { GraphSnapshot, GraphStore } from '../store/port.js';
import { runNamedQueryOn } from './named-queries.js';
import { GraphProjection } from './projection.js';

/** The reads the routes make of a graph; the store's own, or those of the graph of a year. */
export type GraphReader = Pick<
  GraphStore,
  'snapshot' | 'getNode' | 'getNodes' | 'searchNodes' | 'neighbors' | 'shortestPaths' | 'neighborhoodSnapshot' | 'runNamed'
>;

export interface GraphAsOf {
  /** The year answered for: the one asked, or the latest in the data; null when no source has a year (the whole graph). */
  readonly year: number | null;
  /** Reads of the graph as it stood in `year`. */
  readonly reader: GraphReader;
  /** Whether the store's own reads answer (the graph of `year` is the whole graph); for tests and diagnostics. */
  readonly direct: boolean;
  /** For a node the graph of `year` lacks: the year a source first attests it, or null when no node has that id. */
  firstAttested(id: string): number | null;
}

/** A view over the store's graph that changes what reads show without changing which graph they read. */
export interface GraphLens {
  /** The graph as shown: the same object for the same store snapshot as long as the lens means the same. */
  view(whole: GraphSnapshot): GraphSnapshot;
  /** Whether the view leaves out links of `whole`: then the store's own reads, which hold them, cannot answer. */
  hides(whole: GraphSnapshot): boolean;
  /** A node of the store's graph as the view shows it. */
  node<T extends GraphNode>(node: T): T;
  /** A link of the store's graph as the view shows it. */
  edge(edge: GraphEdge): GraphEdge;
}

/** The graph of one year, and its projection once something asks. */
class YearView {
  private built: GraphProjection | undefined;
  constructor(readonly snapshot: GraphSnapshot) {}
  get projection(): GraphProjection {
    return (this.built ??= new GraphProjection(this.snapshot.nodes, this.snapshot.edges));
  }
}

/** Past years' views kept per snapshot besides the latest year's; more are built again when read (see the top). */
export const MAX_KEPT_PAST_YEARS = 2;

interface Derived {
  years: Years;
  /** The latest year's view and, in order of last use, up to MAX_KEPT_PAST_YEARS others. */
  views: Map<number, YearView>;
  whole?: YearView;
  nodes?: Map<string, GraphNode>;
  latestIsWhole?: boolean;
}

const derivedBySnapshot = new WeakMap<GraphSnapshot, Derived>();

function derivedOf(snapshot: GraphSnapshot): Derived {
  let d = derivedBySnapshot.get(snapshot);
  if (!d) {
    d = { years: yearsOf(snapshot), views: new Map() };
    derivedBySnapshot.set(snapshot, d);
  }
  return d;
}

/** The years of a snapshot's sources, computed once per snapshot. */
export function yearsOfGraph(snapshot: GraphSnapshot): Years {
  return derivedOf(snapshot).years;
}

function viewOf(snapshot: GraphSnapshot, year: number | null): YearView {
  const d = derivedOf(snapshot);
  if (year === null) return (d.whole ??= new YearView({ ...snapshot }));
  let view = d.views.get(year);
  if (view) {
    // Every request reads a year's view (most the latest's, always kept): only a past year's moves to the end of the
    // order, the most recently read.
    if (year !== d.years.latest) {
      d.views.delete(year);
      d.views.set(year, view);
    }
    return view;
  }
  const ofYear = snapshotAsOf(snapshot, year, d.years);
  // Shared by every request for the year, as the store's snapshot is: nobody may change it for the next.
  Object.freeze(ofYear.nodes);
  Object.freeze(ofYear.edges);
  view = new YearView(ofYear);
  d.views.set(year, view);
  if (year !== d.years.latest) {
    const past = [...d.views.keys()].filter((y) => y !== d.years.latest);
    for (const evicted of past.slice(0, Math.max(0, past.length - MAX_KEPT_PAST_YEARS))) d.views.delete(evicted);
  }
  return view;
}

/** The years whose views are kept for this snapshot now, oldest use first; for tests and diagnostics. */
export function keptYearViews(snapshot: GraphSnapshot): number[] {
  return [...(derivedBySnapshot.get(snapshot)?.views.keys() ?? [])];
}

/**
 * Runs `use` on the graph as it stood in `year`: the kept view when there is one, otherwise one made for this call and
 * not kept, for work that visits every year once and keeps only a digest of each. It is frozen like a kept one, so the
 * analysis shares its indexes between rules during the call (analysis/materialised.ts keeps them in a WeakMap, which
 * lets them go with the graph once `use` returns and nothing holds it).
 */
export function withGraphOfYear<T>(snapshot: GraphSnapshot, year: number, use: (ofYear: GraphSnapshot) => T): T {
  const d = derivedOf(snapshot);
  const kept = d.views.get(year);
  if (kept) return use(kept.snapshot);
  const ofYear = snapshotAsOf(snapshot, year, d.years);
  Object.freeze(ofYear.nodes);
  Object.freeze(ofYear.edges);
  return use(ofYear);
}

/** The graph as it stood in `year` (frozen, cached per snapshot and year). */
export function snapshotOfYear(snapshot: GraphSnapshot, year: number): GraphSnapshot {
  return viewOf(snapshot, year).snapshot;
}

/**
 * Whether the graph of the latest year is the whole graph. The filter only ever drops nodes and links (it rewrites
 * only links a later source ends, and none is later than the latest year), so equal counts mean the same graph.
 */
function latestIsWhole(snapshot: GraphSnapshot): boolean {
  const d = derivedOf(snapshot);
  if (d.latestIsWhole === undefined) {
    const latest = d.years.latest;
    const view = latest === null ? null : viewOf(snapshot, latest).snapshot;
    d.latestIsWhole = view === null || (view.nodes.length === snapshot.nodes.length && view.edges.length === snapshot.edges.length);
  }
  return d.latestIsWhole;
}

/**
 * The graph of `whole` (the store's current snapshot), as `lens` shows it when one is given, as it stood in `year`, or
 * in the latest year of the data when none is given. The caller checks that the year is one the data covers.
 */
export function graphAsOf(store: GraphStore, whole: GraphSnapshot, year?: number, lens?: GraphLens): GraphAsOf {
  const shown = lens ? lens.view(whole) : whole;
  const d = derivedOf(shown);
  const asOf = year ?? d.years.latest;
  const firstAttested = (id: string) => {
    d.nodes ??= new Map(shown.nodes.map((n) => [n.id, n]));
    const node = d.nodes.get(id);
    return node ? d.years.ofNode(node) : null;
  };
  const direct = asOf === d.years.latest && latestIsWhole(shown) && !(lens?.hides(whole) ?? false);
  const reader = direct ? checkedStoreReader(store, whole, year, lens) : projectionReader(viewOf(shown, asOf));
  return { year: asOf, reader, direct, firstAttested };
}

/** Reads of one year's graph from its projection: the embedded store's reads of its whole graph, on the year's graph. */
function projectionReader(view: YearView): GraphReader {
  const { snapshot } = view;
  return {
    snapshot: async () => snapshot,
    getNode: async (id) => view.projection.detail(id),
    getNodes: async (ids) => view.projection.nodesByIds(ids).sort(byId),
    searchNodes: async (options) => view.projection.search(options),
    neighbors: (id, options) => view.projection.neighbors(id, options),
    shortestPaths: async (from, to, options) => view.projection.shortestPaths(from, to, options),
    neighborhoodSnapshot: async (id, options) => {
      const sub = await view.projection.neighbors(id, options);
      if (sub.nodes.length === 0) return null;
      return { meta: snapshot.meta, references: snapshot.references, nodes: sub.nodes, edges: sub.edges };
    },
    runNamed: (name, params) => runNamedQueryOn(view.projection, name, params),
  };
}

/**
 * The store's own reads, each checked to have come from `whole`: the snapshot is the same object after the read (the
 * port's promise; on Neo4j the generation did not move), or the read is answered again from the graph of the year in
 * the store's new snapshot. What they return is marked by the lens, as its view would show it.
 */
function checkedStoreReader(store: GraphStore, whole: GraphSnapshot, year: number | undefined, lens: GraphLens | undefined): GraphReader {
  const checked = async <R>(read: (reader: GraphReader) => Promise<R>, mark: (answer: R, lens: GraphLens) => R = (a) => a): Promise<R> => {
    const answer = await read(store);
    const now = await store.snapshot();
    if (now === whole) return lens ? mark(answer, lens) : answer;
    const shown = lens ? lens.view(now) : now;
    return read(projectionReader(viewOf(shown, year ?? derivedOf(shown).years.latest)));
  };
  const nodes = <T extends GraphNode>(list: T[], l: GraphLens) => list.map((n) => l.node(n));
  const edges = (list: GraphEdge[], l: GraphLens) => list.map((e) => l.edge(e));
  return {
    snapshot: async () => (lens ? lens.view(whole) : whole),
    getNode: (id) =>
      checked(
        (r) => r.getNode(id),
        (node, l) => node && l.node(node),
      ),
    getNodes: (ids) => checked((r) => r.getNodes(ids), nodes),
    searchNodes: (options) =>
      checked(
        (r) => r.searchNodes(options),
        (page, l) => ({ ...page, items: nodes(page.items, l) }),
      ),
    neighbors: (id, options) =>
      checked(
        (r) => r.neighbors(id, options),
        (sub, l) => ({ ...sub, nodes: nodes(sub.nodes, l), edges: edges(sub.edges, l) }),
      ),
    shortestPaths: (from, to, options) =>
      checked(
        (r) => r.shortestPaths(from, to, options),
        (paths, l) => paths.map((p) => ({ nodes: nodes(p.nodes, l), edges: edges(p.edges, l) })),
      ),
    neighborhoodSnapshot: (id, options) =>
      checked(
        (r) => r.neighborhoodSnapshot(id, options),
        (sub, l) => sub && { ...sub, nodes: nodes(sub.nodes, l), edges: edges(sub.edges, l) },
      ),
    runNamed: (name, params) => checked((r) => r.runNamed(name, params)),
  };
}
