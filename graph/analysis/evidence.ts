// Builds findings and their evidence: the nodes and relationships, with provenance, a user can click through to.
// Rules hand back what they found with its support (./basis.ts); settle() turns that into the finding the API serves,
// with its basis, its severity and the sentence on inferences: the one place that happens, for every rule.
import type { EvidenceEdge, EvidenceNode, GapFinding, GapRuleInfo, GapSeverity, LocalizedText, NodeRef } from '../schema/analysis.js';
import type { GraphEdge, GraphNode, PropertyValue } from '../schema/graph.js';
import { basisOf, basisSentence, isRejected, lowerSeverity, supportLeaves, type Support } from './basis.js';
import type { AnalysisContext } from './context.js';
import { findingId } from './finding-id.js';
import { flatText } from './text.js';

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

  /** Marks a link the finding rests on, adding it when the rule showed it nowhere else. */
  decisiveLink(edge: GraphEdge): this {
    this.edge(edge);
    this.edges.get(edge.id)!.decisive = true;
    return this;
  }

  /** Marks a field the finding rests on, with the analyst's reason when the field is inferred. */
  decisiveFact(node: GraphNode, field: string): this {
    this.node(node);
    const ev = this.nodes.get(node.id)!;
    const value = node.properties[field];
    if (value !== undefined) ev.facts = { ...ev.facts, [field]: value };
    if (!(ev.decisive ?? []).includes(field)) ev.decisive = [...(ev.decisive ?? []), field];
    const why = node.inferred?.[field];
    if (why !== undefined) ev.inferred = { ...ev.inferred, [field]: why };
    return this;
  }

  build(): GapFinding['evidence'] {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}

/** What a rule found, before its basis is weighed: the runner settles every one (settle below). */
export interface RuleFinding {
  rule: GapRuleInfo;
  subject: GraphNode;
  message: LocalizedText;
  evidence: EvidenceBuilder;
  /** The links and fields the conclusion rests on; NOTHING when it rests on what the sources do not say. */
  support: Support;
  /** The severity when the finding stands on the sources, if less than the rule's; the basis may lower it further. */
  severity: GapSeverity;
  /** The years a finding of a time rule compares or rests on. */
  years?: number[];
  /**
   * What tells two findings of one rule about one subject apart (a year, the start of a run), for the few rules that can
   * report a subject more than once; part of the finding's id, so it must not grow with new sources the way evidence does.
   */
  key?: string;
}

export function finding(
  info: GapRuleInfo,
  subject: GraphNode,
  message: LocalizedText,
  evidence: EvidenceBuilder,
  support: Support,
  options: { severity?: GapSeverity; years?: number[]; key?: string } = {},
): RuleFinding {
  const found: RuleFinding = { rule: info, subject, message, evidence, support, severity: options.severity ?? info.severity };
  if (options.years) found.years = options.years;
  if (options.key !== undefined) found.key = options.key;
  return found;
}

/**
 * The finding as served: evidence with what it rests on marked, its basis, and — when it does not stand without the
 * analyst's inferences — a severity one step lower and a message that says so. A mixed finding keeps its severity
 * and names the inferred links and fields. So no finding is high and rests only on inferences, and none rests on an
 * inference without saying which. Null when the finding fell with an inference an editor rejected.
 */
export function settle(ctx: AnalysisContext, found: RuleFinding): GapFinding | null {
  const weighed = basisOf(found.support);
  if (!weighed) return null;
  const { basis, inferred } = weighed;
  for (const leaf of supportLeaves(found.support)) {
    if (isRejected(leaf)) continue;
    if ('link' in leaf) found.evidence.decisiveLink(leaf.link);
    else found.evidence.decisiveFact(leaf.fact, leaf.field);
  }
  const severity = basis === 'inferred' ? lowerSeverity(found.severity) : found.severity;
  const sentence = basisSentence(basis, inferred, ctx.node, found.severity, severity);
  const message = flatText(sentence ? { nb: `${found.message.nb} ${sentence.nb}`, en: `${found.message.en} ${sentence.en}` } : found.message);
  const settled: GapFinding = {
    id: findingId(found.rule.id, found.subject.id, found.key),
    rule: found.rule.id,
    severity,
    basis,
    subject: nodeRef(found.subject),
    message,
    evidence: found.evidence.build(),
  };
  if (found.years) settled.years = found.years;
  return settled;
}

/** A string property of a node, or undefined. */
export function str(node: GraphNode | undefined, name: string): string | undefined {
  const value = node?.properties[name];
  return typeof value === 'string' ? value : undefined;
}
