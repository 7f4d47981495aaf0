// Builds findings and their evidence: the nodes and relationships, with provenance, a user can click through to.
import type { EvidenceEdge, EvidenceNode, GapFinding, GapRuleInfo, LocalizedText, NodeRef } from '../schema/analysis.js';
import type { GraphEdge, GraphNode, PropertyValue } from '../schema/graph.js';
import type { AnalysisContext } from './context.js';

export function nodeRef(node: GraphNode): NodeRef {
  const ref: NodeRef = { id: node.id, kind: node.kind, name: node.name };
  if (node.nameEn) ref.nameEn = node.nameEn;
  return ref;
}

export interface NodeEvidenceOptions {
  /** Property names whose values the finding rests on. */
  facts?: readonly string[];
  /** Computed values the finding rests on, e.g. a share or a centrality. */
  values?: Record<string, PropertyValue>;
  note?: LocalizedText;
}

export function evidenceNode(node: GraphNode, options: NodeEvidenceOptions = {}): EvidenceNode {
  const p = node.properties;
  const ev: EvidenceNode = {
    ...nodeRef(node),
    source: typeof p['source'] === 'string' ? p['source'] : null,
    page: typeof p['page'] === 'number' ? p['page'] : null,
    quote: typeof p['quote'] === 'string' ? p['quote'] : null,
  };
  const facts: Record<string, PropertyValue> = {};
  for (const name of options.facts ?? []) if (p[name] !== undefined) facts[name] = p[name]!;
  Object.assign(facts, options.values);
  if (Object.keys(facts).length > 0) ev.facts = facts;
  if (options.note) ev.note = options.note;
  return ev;
}

export function evidenceEdge(ctx: AnalysisContext, edge: GraphEdge, options: { suggestion?: boolean; note?: LocalizedText } = {}): EvidenceEdge {
  const ev: EvidenceEdge = {
    id: edge.id,
    type: edge.type,
    from: edge.from,
    to: edge.to,
    fromName: ctx.node(edge.from)?.name ?? edge.from,
    toName: ctx.node(edge.to)?.name ?? edge.to,
    properties: edge.properties,
  };
  if (options.suggestion) ev.suggestion = true;
  if (options.note) ev.note = options.note;
  return ev;
}

/** Collects evidence without duplicates, keeping the order items were added in. */
export class EvidenceBuilder {
  private readonly nodes = new Map<string, EvidenceNode>();
  private readonly edges = new Map<string, EvidenceEdge>();

  constructor(private readonly ctx: AnalysisContext) {}

  node(node: GraphNode | undefined, options?: NodeEvidenceOptions): this {
    if (node && !this.nodes.has(node.id)) this.nodes.set(node.id, evidenceNode(node, options));
    return this;
  }

  edge(edge: GraphEdge | undefined, options?: { suggestion?: boolean; note?: LocalizedText }): this {
    if (edge && !this.edges.has(edge.id)) this.edges.set(edge.id, evidenceEdge(this.ctx, edge, options));
    return this;
  }

  allEdges(edges: readonly GraphEdge[], options?: { suggestion?: boolean; note?: LocalizedText }): this {
    for (const edge of edges) this.edge(edge, options);
    return this;
  }

  build(): GapFinding['evidence'] {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}

export function finding(info: GapRuleInfo, subject: GraphNode, message: LocalizedText, evidence: GapFinding['evidence']): GapFinding {
  return { rule: info.id, severity: info.severity, subject: nodeRef(subject), message, evidence };
}

/** A string property of a node, or undefined. */
export function str(node: GraphNode | undefined, name: string): string | undefined {
  const value = node?.properties[name];
  return typeof value === 'string' ? value : undefined;
}
