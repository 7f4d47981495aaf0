// Review targets and their ids. A link is reviewed under the id it already has everywhere (the edge id, stable because
// a dataset holds at most one link of a type between two nodes); a node field under "<node id>.<field>". Slugs hold no
// "." or ":", relationship types no "." and field names neither, so an id names one target and says which kind it is.
import { isRelationshipType } from '../ontology.js';
import { relationshipId } from '../dataset/ids.js';
import type { GraphEdge, GraphNode } from '../schema/graph.js';
import type { GraphSnapshot } from '../store/port.js';
import type { ReviewTargetRef } from './schema.js';

export function reviewTargetId(ref: ReviewTargetRef): string {
  return ref.kind === 'link' ? relationshipId(ref) : `${ref.node}.${ref.field}`;
}

const LINK_ID = /^([a-z0-9]+(?:-[a-z0-9]+)*):([A-Z_]+):([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const ATTRIBUTE_ID = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.([A-Za-z][A-Za-z0-9]*)$/;

/** The target an id names, or null when it is not the id of any possible target. */
export function parseReviewTargetId(id: string): ReviewTargetRef | null {
  const link = LINK_ID.exec(id);
  if (link && isRelationshipType(link[2]!)) return { kind: 'link', type: link[2], from: link[1]!, to: link[3]! };
  const attribute = ATTRIBUTE_ID.exec(id);
  if (attribute) return { kind: 'attribute', node: attribute[1]!, field: attribute[2]! };
  return null;
}

/** A target the data holds now: an inferred link, or a field its node marks as inferred. */
export type LiveTarget =
  { id: string; ref: ReviewTargetRef & { kind: 'link' }; edge: GraphEdge } | { id: string; ref: ReviewTargetRef & { kind: 'attribute' }; node: GraphNode };

/** Every target in a graph: its inferred links, then its nodes' inferred fields, each in id order. */
export function liveTargets(snapshot: GraphSnapshot): LiveTarget[] {
  const links: LiveTarget[] = snapshot.edges
    .filter((e) => e.properties.basis === 'inferred')
    .map((edge) => ({ id: edge.id, ref: { kind: 'link', type: edge.type, from: edge.from, to: edge.to }, edge }));
  const fields: LiveTarget[] = snapshot.nodes.flatMap((node) =>
    Object.keys(node.inferred ?? {}).map((field) => ({
      id: reviewTargetId({ kind: 'attribute', node: node.id, field }),
      ref: { kind: 'attribute', node: node.id, field },
      node,
    })),
  );
  const byId = (a: LiveTarget, b: LiveTarget) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...links.sort(byId), ...fields.sort(byId)];
}
