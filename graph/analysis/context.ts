// Indexes over one snapshot, built once and shared by every rule: nodes by id and kind, edges by endpoint and type.
import type { NodeKind, RelationshipType } from '../ontology.js';
import type { GapConfig } from '../schema/analysis.js';
import type { GraphEdge, GraphNode } from '../schema/graph.js';
import type { GraphSnapshot } from '../store/port.js';
import { derived, type Derived } from './materialised.js';
import { compareNodes } from './text.js';
import { yearsOf, type Years } from './time/years.js';

export interface AnalysisContext {
  readonly snapshot: GraphSnapshot;
  readonly config: GapConfig;
  node(id: string): GraphNode | undefined;
  /** Nodes of a kind, by their `number` where they have one, then by name. */
  nodesOf(kind: NodeKind): readonly GraphNode[];
  /** Edges leaving a node, optionally of some types only, in id order. */
  out(id: string, ...types: RelationshipType[]): GraphEdge[];
  /** Edges arriving at a node, optionally of some types only, in id order. */
  in(id: string, ...types: RelationshipType[]): GraphEdge[];
  edgesOf(type: RelationshipType): readonly GraphEdge[];
  /**
   * The latest status collection: of the experience reports (Reports of genre experience_report, or of none), the one
   * with the highest year (ties: the greatest id); null without one. Annual reports, web pages, reviews and audits give
   * a status for some subjects but do not collect one from every initiative.
   */
  readonly latestReport: GraphNode | null;
  /** The years the data's sources report on, read once per snapshot for every rule that compares years. */
  readonly years: Years;
}

const EMPTY: readonly GraphEdge[] = [];

const contexts: Derived<AnalysisContext> = new WeakMap();

/** The context of a snapshot, built once per snapshot and configuration (materialised.ts says when it is kept). */
export function contextOf(snapshot: GraphSnapshot, config: GapConfig): AnalysisContext {
  return derived(contexts, snapshot, JSON.stringify(config), () => buildContext(snapshot, config));
}

export function buildContext(snapshot: GraphSnapshot, config: GapConfig): AnalysisContext {
  const byId = new Map(snapshot.nodes.map((n) => [n.id, n]));
  const byKind = new Map<NodeKind, GraphNode[]>();
  for (const node of snapshot.nodes) {
    const list = byKind.get(node.kind) ?? [];
    list.push(node);
    byKind.set(node.kind, list);
  }
  for (const list of byKind.values()) list.sort(compareNodes);

  const sortedEdges = [...snapshot.edges].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const outgoing = new Map<string, GraphEdge[]>();
  const incoming = new Map<string, GraphEdge[]>();
  const byType = new Map<RelationshipType, GraphEdge[]>();
  for (const edge of sortedEdges) {
    (outgoing.get(edge.from) ?? outgoing.set(edge.from, []).get(edge.from)!).push(edge);
    (incoming.get(edge.to) ?? incoming.set(edge.to, []).get(edge.to)!).push(edge);
    (byType.get(edge.type) ?? byType.set(edge.type, []).get(edge.type)!).push(edge);
  }
  const pick = (edges: GraphEdge[] | undefined, types: RelationshipType[]) =>
    !edges ? [] : types.length === 0 ? [...edges] : edges.filter((e) => types.includes(e.type));

  const reports = (byKind.get('Report') ?? []).filter((r) => (r.properties['genre'] ?? 'experience_report') === 'experience_report');
  let latestReport: GraphNode | null = null;
  for (const report of reports) {
    const year = Number(report.properties['year'] ?? 0);
    const best = latestReport ? Number(latestReport.properties['year'] ?? 0) : -Infinity;
    if (year > best || (year === best && latestReport && report.id > latestReport.id)) latestReport = report;
  }

  return {
    snapshot,
    config,
    node: (id) => byId.get(id),
    nodesOf: (kind) => byKind.get(kind) ?? [],
    out: (id, ...types) => pick(outgoing.get(id), types),
    in: (id, ...types) => pick(incoming.get(id), types),
    edgesOf: (type) => byType.get(type) ?? EMPTY,
    latestReport,
    years: yearsOf(snapshot),
  };
}
