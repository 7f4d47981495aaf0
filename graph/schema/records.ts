// Conversions between dataset records, flat property rows and the node/edge shapes of the API: the domain's, so that
// analysis, export and every adapter read and write nodes the same way.
import { isNodeKind, isRelationshipType, type NodeKind, type RelationshipType } from '../ontology.js';
import { INTERNAL_NODE_COLUMNS, nodeColumns } from './columns.js';
import { RecordedReview, type DatasetNode, type DatasetRelationship } from './dataset.js';
import type { GraphEdge, GraphNode, PropertyValue, ReviewMark } from './graph.js';
import { relationshipId } from '../dataset/ids.js';
import { searchColumns } from './search.js';
import type { StringPool } from './string-pool.js';

const HIDDEN_NODE_PROPS = new Set(['id', 'kind', 'name', 'nameEn', 'inferred', 'review', ...INTERNAL_NODE_COLUMNS.map((c) => c.name)]);

/** One row per node with every column of its kind, in a fixed order: bulk writes need rows of one shape. */
export function nodeRow(node: DatasetNode): Record<string, unknown> {
  const record = node as unknown as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const col of nodeColumns(node.kind)) {
    const value = record[col.name];
    if (col.type === 'json') row[col.name] = value === undefined || Object.keys(value as object).length === 0 ? null : JSON.stringify(value);
    else row[col.name] = value === undefined || (Array.isArray(value) && value.length === 0) ? null : value;
  }
  return { ...row, ...searchColumns(node as DatasetNode & { shortName?: string }) };
}

export function edgeRow(rel: DatasetRelationship): Record<string, unknown> {
  return {
    fromId: rel.from,
    toId: rel.to,
    source: rel.source,
    page: rel.page,
    quote: rel.quote,
    basis: rel.basis,
    note: rel.note ?? null,
    noteNb: rel.noteNb ?? null,
    endedBy: rel.endedBy ?? null,
    review: rel.review ? JSON.stringify(rel.review) : null,
  };
}

/** `strings`: a pool shared by the reads of one whole graph, so that its nodes and links share their id strings. */
export function toGraphNode(kind: string, props: Record<string, unknown>, strings?: StringPool): GraphNode {
  if (!isNodeKind(kind)) throw new Error(`store returned a node of unknown kind "${kind}"`);
  const properties: Record<string, PropertyValue> = {};
  for (const [key, value] of Object.entries(props)) {
    if (HIDDEN_NODE_PROPS.has(key) || key.startsWith('_') || value === null || value === undefined) continue;
    properties[key] = (key === 'source' && strings && typeof value === 'string' ? strings.one(value) : value) as PropertyValue;
  }
  const id = String(props['id']);
  const node: GraphNode = { id: strings ? strings.one(id) : id, kind, name: String(props['name']), properties };
  if (typeof props['nameEn'] === 'string') node.nameEn = props['nameEn'];
  if (typeof props['inferred'] === 'string') {
    node.inferred = parseInferred(props['inferred']);
    const recorded = typeof props['review'] === 'string' ? parseRecordedReviews(props['review']) : {};
    node.review = Object.fromEntries(Object.keys(node.inferred).map((field) => [field, reviewMarkOf(recorded[field])]));
  }
  return node;
}

/** The mark of a decision the dataset records, or unreviewed without one. */
export function reviewMarkOf(recorded: RecordedReview | undefined): ReviewMark {
  if (!recorded) return { state: 'unreviewed' };
  return { state: recorded.decision, by: recorded.by, at: recorded.at, ...(recorded.note ? { note: recorded.note } : {}) };
}

/** A decided mark as the dataset records it; undefined when unreviewed (nothing to record). */
export function recordedReviewOf(mark: ReviewMark | undefined): RecordedReview | undefined {
  if (!mark || mark.state === 'unreviewed' || mark.by === undefined || mark.at === undefined) return undefined;
  return { decision: mark.state, by: mark.by, at: mark.at, ...(mark.note ? { note: mark.note } : {}) };
}

/** The stored JSON of a link's recorded review; a value that is not one is a store fault, not data. */
function parseRecordedReview(text: string): RecordedReview {
  const parsed = RecordedReview.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`store returned a "review" property that is not a recorded review: ${text.slice(0, 80)}`);
  return parsed.data;
}

/** The stored JSON of a node's recorded reviews, field → review. */
function parseRecordedReviews(text: string): Record<string, RecordedReview> {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`store returned a "review" property that is not a record of reviews: ${text.slice(0, 80)}`);
  }
  return Object.fromEntries(Object.entries(value).map(([field, review]) => [field, parseRecordedReview(JSON.stringify(review))]));
}

/** The stored JSON of a node's inferred fields; a value that is not a record of strings is a store fault, not data. */
function parseInferred(text: string): Record<string, string> {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw new Error(`store returned an "inferred" property that is not a record of notes: ${text.slice(0, 80)}`);
  }
  return value as Record<string, string>;
}

/** `strings`: as toGraphNode's. */
export function toGraphEdge(type: string, props: Record<string, unknown>, strings?: StringPool): GraphEdge {
  if (!isRelationshipType(type)) throw new Error(`store returned a relationship of unknown type "${type}"`);
  const share = (value: string) => (strings ? strings.one(value) : value);
  const from = share(String(props['fromId']));
  const to = share(String(props['toId']));
  const edge: GraphEdge = {
    id: relationshipId({ type, from, to }),
    type,
    from,
    to,
    properties: {
      source: share(String(props['source'])),
      page: typeof props['page'] === 'number' ? props['page'] : null,
      quote: typeof props['quote'] === 'string' ? props['quote'] : null,
      basis: props['basis'] === 'inferred' ? 'inferred' : 'stated',
      note: typeof props['note'] === 'string' ? props['note'] : null,
      noteNb: typeof props['noteNb'] === 'string' ? props['noteNb'] : null,
      endedBy: typeof props['endedBy'] === 'string' ? props['endedBy'] : null,
    },
  };
  if (edge.properties.basis === 'inferred') {
    edge.properties.review = reviewMarkOf(typeof props['review'] === 'string' ? parseRecordedReview(props['review']) : undefined);
  }
  return edge;
}

/** Back to the dataset format, for the JSON export: explicit nulls where the schema requires them. */
export function toDatasetNode(node: GraphNode): DatasetNode {
  const record: Record<string, unknown> = { kind: node.kind, id: node.id, name: node.name };
  if (node.nameEn) record['nameEn'] = node.nameEn;
  if (node.inferred) record['inferred'] = node.inferred;
  const reviews = Object.entries(node.review ?? {}).flatMap(([field, mark]) => {
    const recorded = recordedReviewOf(mark);
    return recorded ? [[field, recorded] as const] : [];
  });
  if (reviews.length > 0) record['review'] = Object.fromEntries(reviews);
  for (const col of nodeColumns(node.kind as NodeKind)) {
    if (col.name in record) continue;
    const value = node.properties[col.name];
    if (value !== undefined) record[col.name] = value;
    else if (col.requiredNullable) record[col.name] = null;
  }
  return record as DatasetNode;
}

export function toDatasetRelationship(edge: GraphEdge): DatasetRelationship {
  const rel: DatasetRelationship = {
    type: edge.type as RelationshipType,
    from: edge.from,
    to: edge.to,
    source: edge.properties.source,
    page: edge.properties.page,
    quote: edge.properties.quote,
    basis: edge.properties.basis,
  };
  if (edge.properties.note) rel.note = edge.properties.note;
  if (edge.properties.noteNb) rel.noteNb = edge.properties.noteNb;
  if (edge.properties.endedBy) rel.endedBy = edge.properties.endedBy;
  const review = recordedReviewOf(edge.properties.review);
  if (review) rel.review = review;
  return rel;
}

export function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
