// Which year each fact belongs to, and the graph as it stood in a year. A fact's year is its source's: a Report node's
// `year`. References (the SDG list, the life events' ministries) carry no year and hold in every year. Nothing is
// copied or overwritten: "as of year Y" is a filter over the one graph.
import type { GraphEdge, GraphNode } from '../../schema/graph.js';
import type { SourceRef, YearList } from '../../schema/time.js';
import type { GraphSnapshot } from '../../store/port.js';

export interface Years {
  /** Year of each Report node by id. */
  readonly ofSource: ReadonlyMap<string, number>;
  /** Every year some Report reports on, ascending. */
  readonly all: readonly number[];
  /** The latest of them, or null when the data has no Report. */
  readonly latest: number | null;
  /** The year of a node: a status assessment's own `year`, otherwise its source's; null when timeless. */
  ofNode(node: GraphNode): number | null;
  /** The year a link starts to hold (its source's), null when timeless. */
  ofEdge(edge: GraphEdge): number | null;
  /** The year a later source ended the link, or null while it holds. */
  endOf(edge: GraphEdge): number | null;
}

export function yearsOf(snapshot: Pick<GraphSnapshot, 'nodes'>): Years {
  const ofSource = new Map<string, number>();
  for (const node of snapshot.nodes) {
    const year = node.properties['year'];
    if (node.kind === 'Report' && typeof year === 'number') ofSource.set(node.id, year);
  }
  const all = [...new Set(ofSource.values())].sort((a, b) => a - b);
  const sourceYear = (id: unknown) => (typeof id === 'string' ? (ofSource.get(id) ?? null) : null);
  return {
    ofSource,
    all,
    latest: all.length > 0 ? all[all.length - 1]! : null,
    ofNode(node) {
      if (node.kind === 'Report') return ofSource.get(node.id) ?? null;
      const own = node.properties['year'];
      if (node.kind === 'StatusAssessment' && typeof own === 'number') return own;
      return sourceYear(node.properties['source']);
    },
    ofEdge: (edge) => sourceYear(edge.properties.source),
    endOf: (edge) => sourceYear(edge.properties.endedBy),
  };
}

/**
 * The graph as it stood in `year`: the nodes and links whose source reports on that year or earlier, without the links a
 * source of that year or earlier had ended. A link is kept only when both its ends are. A link a later source ends had
 * not ended then: it is kept without its `endedBy`, which names a source the year does not know yet (and which would
 * leave an export of the year pointing at a report it does not hold).
 */
export function snapshotAsOf<S extends Pick<GraphSnapshot, 'nodes' | 'edges'>>(snapshot: S, year: number, years: Years = yearsOf(snapshot)): S {
  const visible = (y: number | null) => y === null || y <= year;
  const nodes = snapshot.nodes.filter((n) => visible(years.ofNode(n)));
  const ids = new Set(nodes.map((n) => n.id));
  const edges: GraphEdge[] = [];
  for (const e of snapshot.edges) {
    if (!ids.has(e.from) || !ids.has(e.to) || !visible(years.ofEdge(e))) continue;
    const ended = years.endOf(e);
    if (ended === null) edges.push(e);
    else if (ended > year) edges.push({ ...e, properties: { ...e.properties, endedBy: null } });
  }
  return { ...snapshot, nodes, edges };
}

/**
 * The years one can ask about, for a year picker: every year from the first a source reports on to the latest, each with
 * the sources that report on it (none for a year inside the span that no source covers), sources ordered by name.
 */
export function yearList(snapshot: Pick<GraphSnapshot, 'nodes' | 'references'>, years: Years = yearsOf(snapshot)): YearList {
  const references = snapshot.references.map((r): SourceRef => ({ id: r.id, name: r.title, year: null, ...(r.url ? { url: r.url } : {}) }));
  const first = years.all[0];
  if (first === undefined || years.latest === null) return { items: [], latest: null, references };
  const byYear = new Map<number, SourceRef[]>();
  for (const node of snapshot.nodes) {
    const year = years.ofSource.get(node.id);
    if (node.kind !== 'Report' || year === undefined) continue;
    const ref: SourceRef = { id: node.id, name: node.name, year };
    if (node.nameEn) ref.nameEn = node.nameEn;
    const url = node.properties['url'];
    if (typeof url === 'string') ref.url = url;
    byYear.set(year, [...(byYear.get(year) ?? []), ref]);
  }
  const items: YearList['items'] = [];
  for (let year = first; year <= years.latest; year++) {
    const sources = (byYear.get(year) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'nb') || (a.id < b.id ? -1 : 1));
    items.push({ year, sources });
  }
  return { items, latest: years.latest, references };
}
