// Every review target with where it stands: the inferred links and fields the data holds now, each with its thread
// from the work store, and the threads whose target the data no longer holds (orphaned: kept, never deleted).
import { REVIEW_STATES, type ReviewState } from '../ontology.js';
import type { RecordedReview } from '../schema/dataset.js';
import type { GraphNode } from '../schema/graph.js';
import { recordedReviewOf } from '../schema/records.js';
import type { GraphSnapshot } from '../store/port.js';
import type { WorkRecord } from '../work/port.js';
import { asRecorded, decisionInForce, lastDecision, markOf, sameRecorded } from './decisions.js';
import { ReviewRecordBody, type ReviewSummary, type ReviewTargetDetail, type ReviewTargetKind, type ReviewTargetRef } from './schema.js';
import { liveTargets, type LiveTarget } from './targets.js';

/** The live targets of a snapshot by id, computed once per snapshot. */
const liveBySnapshot = new WeakMap<GraphSnapshot, Map<string, LiveTarget>>();

export function liveTargetsById(snapshot: GraphSnapshot): Map<string, LiveTarget> {
  let live = liveBySnapshot.get(snapshot);
  if (!live) liveBySnapshot.set(snapshot, (live = new Map(liveTargets(snapshot).map((t) => [t.id, t]))));
  return live;
}

/** A review record's body, checked: the work store holds what graph/review/actions.ts wrote, or it is a store fault. */
export function reviewBody(record: WorkRecord): ReviewRecordBody {
  const parsed = ReviewRecordBody.safeParse(record.body);
  if (!parsed.success) throw new Error(`the review record ${JSON.stringify(record.id)} in the work store is not a review thread`);
  return parsed.data;
}

/**
 * One target as the API shows it. `snapshot` is the store's graph as loaded (the decisions the dataset records are on
 * its links and nodes), `live` the target in it (absent when orphaned), `record` its thread (absent before the first).
 */
export function describeTarget(
  snapshot: GraphSnapshot,
  id: string,
  ref: ReviewTargetRef,
  live: LiveTarget | undefined,
  record: WorkRecord | null,
): ReviewTargetDetail {
  const events = record ? reviewBody(record).events : [];
  const name = (nodeId: string): GraphNode | undefined => nodeOf(snapshot, nodeId);
  let recorded: RecordedReview | undefined;
  const shape: Pick<ReviewTargetDetail, 'link' | 'attribute' | 'reason'> = { reason: null };
  if (ref.kind === 'link') {
    const edge = live && 'edge' in live ? live.edge : undefined;
    recorded = recordedReviewOf(edge?.properties.review);
    shape.link = { fromName: name(ref.from)?.name ?? null, toName: name(ref.to)?.name ?? null, properties: edge?.properties ?? null };
    shape.reason = edge?.properties.note ?? null;
  } else {
    const node = live && 'node' in live ? live.node : undefined;
    recorded = recordedReviewOf(node?.review?.[ref.field]);
    const value = node ? (ref.field === 'name' ? node.name : ref.field === 'nameEn' ? (node.nameEn ?? null) : (node.properties[ref.field] ?? null)) : null;
    shape.attribute = { nodeName: node?.name ?? name(ref.node)?.name ?? null, nodeKind: node?.kind ?? name(ref.node)?.kind ?? null, value };
    shape.reason = node?.inferred?.[ref.field] ?? null;
  }
  const orphaned = live === undefined;
  const decision = decisionInForce(lastDecision(events), recorded);
  // The link as the reads show it: with the mark of the decision in force, not only the one the dataset records.
  if (shape.link?.properties) shape.link.properties = { ...shape.link.properties, review: markOf(decision) };
  return {
    id,
    target: ref,
    ...shape,
    state: decision?.decision ?? 'unreviewed',
    decision,
    recorded: recorded ?? null,
    pendingExport: !orphaned && decision !== null && !sameRecorded(asRecorded(decision), recorded),
    orphaned,
    version: record?.version ?? 0,
    comments: events.filter((e) => e.action === 'comment').length,
    updatedAt: record?.updatedAt ?? null,
    events,
  };
}

const nodesBySnapshot = new WeakMap<GraphSnapshot, Map<string, GraphNode>>();
function nodeOf(snapshot: GraphSnapshot, id: string): GraphNode | undefined {
  let nodes = nodesBySnapshot.get(snapshot);
  if (!nodes) nodesBySnapshot.set(snapshot, (nodes = new Map(snapshot.nodes.map((n) => [n.id, n]))));
  return nodes.get(id);
}

/** Every target: the live ones in the data's order (links, then fields, each by id), then the orphaned ones by id. */
export function reviewCatalogue(snapshot: GraphSnapshot, records: readonly WorkRecord[]): ReviewTargetDetail[] {
  const live = liveTargetsById(snapshot);
  const byId = new Map(records.map((r) => [r.id, r]));
  const out = [...live.values()].map((t) => describeTarget(snapshot, t.id, t.ref, t, byId.get(t.id) ?? null));
  for (const record of records) {
    if (live.has(record.id)) continue;
    out.push(describeTarget(snapshot, record.id, reviewBody(record).target, undefined, record));
  }
  return out;
}

export interface ReviewFilter {
  state?: ReviewState;
  kind?: ReviewTargetKind;
  /** Targets that touch this node: a link from or to it, or one of its fields. */
  node?: string;
  orphaned?: boolean;
  pendingExport?: boolean;
}

export function touches(ref: ReviewTargetRef, node: string): boolean {
  return ref.kind === 'link' ? ref.from === node || ref.to === node : ref.node === node;
}

export function filterTargets<T extends ReviewTargetDetail>(targets: readonly T[], filter: ReviewFilter): T[] {
  return targets.filter(
    (t) =>
      (filter.state === undefined || t.state === filter.state) &&
      (filter.kind === undefined || t.target.kind === filter.kind) &&
      (filter.node === undefined || touches(t.target, filter.node)) &&
      (filter.orphaned === undefined || t.orphaned === filter.orphaned) &&
      (filter.pendingExport === undefined || t.pendingExport === filter.pendingExport),
  );
}

export function summarizeTargets(targets: readonly ReviewTargetDetail[]): ReviewSummary {
  const byState = Object.fromEntries(REVIEW_STATES.map((s) => [s, 0])) as ReviewSummary['byState'];
  for (const t of targets) byState[t.state] += 1;
  return {
    total: targets.length,
    byState,
    orphaned: targets.filter((t) => t.orphaned).length,
    pendingExport: targets.filter((t) => t.pendingExport).length,
  };
}
