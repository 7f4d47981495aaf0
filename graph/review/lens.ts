// The one place where review changes what the graph's reads show. Both stores return the data as loaded, with the
// decisions the dataset records as review marks (graph/schema/records.ts); the lens puts the decisions made in the app
// since on top (the later one is in force, ./decisions.ts) and, unless asked otherwise, leaves out rejected links.
// The routes read through it (graph/projection/as-of.ts): the store's own reads answer while the lens hides nothing;
// once it hides a link, the projection of the lens's view answers instead, so no store's Cypher needs to know about
// review and both stores answer alike by construction. Gap analysis, coverage, the timeline and the diff read the same
// view. Rejected links are never deleted: the data keeps them, and `includeRejected` shows them with their mark.
import type { GraphEdge, GraphNode, ReviewMark } from '../schema/graph.js';
import { recordedReviewOf } from '../schema/records.js';
import type { GraphLens } from '../projection/as-of.js';
import type { GraphSnapshot } from '../store/port.js';
import type { WorkRecord } from '../work/port.js';
import { decisionInForce, lastDecision, markOf, sameMark, type AppDecision } from './decisions.js';
import { reviewBody } from './catalogue.js';

export interface ReviewLensOptions {
  /** Show rejected links (with their mark) instead of leaving them out. */
  includeRejected: boolean;
}

interface View {
  snapshot: GraphSnapshot;
  hides: boolean;
}

/** Per store snapshot, the views last made of it (one per includeRejected), each with the decisions it was made for. */
const views = new WeakMap<GraphSnapshot, Map<string, { key: string; view: View }>>();

/** Per list of records (the same array while the threads are unchanged: ./read.ts), its decisions. */
const decisionsOf = new WeakMap<readonly WorkRecord[], Map<string, AppDecision>>();
/** Per map of decisions, the key its views are cached under. */
const keyOf = new WeakMap<ReadonlyMap<string, AppDecision>, string>();

/** The app's decisions, by target id, from the work store's review records. */
export function appDecisions(records: readonly WorkRecord[]): Map<string, AppDecision> {
  const cached = decisionsOf.get(records);
  if (cached) return cached;
  const decisions = new Map<string, AppDecision>();
  for (const record of records) {
    const decision = lastDecision(reviewBody(record).events);
    if (decision) decisions.set(record.id, decision);
  }
  decisionsOf.set(records, decisions);
  return decisions;
}

const compareKeys = ([a]: [string, AppDecision], [b]: [string, AppDecision]) => (a < b ? -1 : a > b ? 1 : 0);

export class ReviewLens implements GraphLens {
  /** Changes whenever a decision in the app changes: views are cached per store snapshot and key. */
  private readonly key: string;

  constructor(
    private readonly decisions: ReadonlyMap<string, AppDecision>,
    private readonly options: ReviewLensOptions,
  ) {
    let key = keyOf.get(decisions);
    if (key === undefined) {
      key = JSON.stringify([...decisions].sort(compareKeys).map(([id, d]) => [id, d.decision, d.at, d.by.id, d.by.name, d.note ?? '']));
      keyOf.set(decisions, key);
    }
    this.key = key;
  }

  static fromRecords(records: readonly WorkRecord[], options: ReviewLensOptions): ReviewLens {
    return new ReviewLens(appDecisions(records), options);
  }

  /** The mark in force on a link, given the mark the data gives it. */
  private markInForce(id: string, data: ReviewMark | undefined): ReviewMark | undefined {
    const app = this.decisions.get(id);
    if (!app) return data;
    return markOf(decisionInForce(app, recordedReviewOf(data)));
  }

  edge(edge: GraphEdge): GraphEdge {
    if (edge.properties.basis !== 'inferred') return edge;
    const mark = this.markInForce(edge.id, edge.properties.review);
    return sameMark(mark, edge.properties.review) ? edge : { ...edge, properties: { ...edge.properties, ...(mark ? { review: mark } : {}) } };
  }

  node<T extends GraphNode>(node: T): T {
    if (!node.review) return node;
    let changed = false;
    const review: Record<string, ReviewMark> = {};
    for (const [field, data] of Object.entries(node.review)) {
      const mark = this.markInForce(`${node.id}.${field}`, data) ?? data;
      changed ||= !sameMark(mark, data);
      review[field] = mark;
    }
    return changed ? { ...node, review } : node;
  }

  /** Whether a link is shown: rejected links are left out unless asked for. */
  private shows(edge: GraphEdge): boolean {
    return this.options.includeRejected || edge.properties.review?.state !== 'rejected';
  }

  private viewOf(whole: GraphSnapshot): View {
    let cached = views.get(whole);
    if (!cached) views.set(whole, (cached = new Map()));
    const slot = String(this.options.includeRejected);
    const hit = cached.get(slot);
    if (hit && hit.key === this.key) return hit.view;
    const nodes = whole.nodes.map((n) => this.node(n));
    const marked = whole.edges.map((e) => this.edge(e));
    const edges = marked.filter((e) => this.shows(e));
    const hides = edges.length < marked.length;
    const same = !hides && nodes.every((n, i) => n === whole.nodes[i]) && marked.every((e, i) => e === whole.edges[i]);
    // Unchanged, the store's own snapshot stands: what is cached on it (the graph of each year) is used as it is.
    const snapshot = same ? whole : { ...whole, nodes: Object.freeze(nodes) as GraphNode[], edges: Object.freeze(edges) as GraphEdge[] };
    const view = { snapshot, hides };
    cached.set(slot, { key: this.key, view });
    return view;
  }

  view(whole: GraphSnapshot): GraphSnapshot {
    return this.viewOf(whole).snapshot;
  }

  hides(whole: GraphSnapshot): boolean {
    return this.viewOf(whole).hides;
  }
}
