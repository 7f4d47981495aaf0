// Conversions between dataset records, store rows and the node/edge shapes the port returns; shared by every adapter.
import { isNodeKind, isRelationshipType, NODE_KINDS, RELATIONSHIP_TYPES, type NodeKind, type RelationshipType } from '../../ontology.js';
import { INTERNAL_NODE_COLUMNS, nodeColumns } from '../../schema/columns.js';
import type { Dataset, DatasetNode, DatasetRelationship } from '../../schema/dataset.js';
import type { GraphEdge, GraphNode, GraphStats, PropertyValue } from '../../schema/graph.js';
import type { GraphSnapshot } from '../../store/port.js';
import { relationshipId } from '../../dataset/ids.js';
import { searchColumns } from './search.js';

const HIDDEN_NODE_PROPS = new Set(['id', 'kind', 'name', 'nameEn', ...INTERNAL_NODE_COLUMNS.map((c) => c.name)]);

/** One row per node with every column of its kind, in a fixed order: bulk writes need rows of one shape. */
export function nodeRow(node: DatasetNode): Record<string, unknown> {
  const record = node as unknown as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const col of nodeColumns(node.kind)) {
    const value = record[col.name];
    row[col.name] = value === undefined || (Array.isArray(value) && value.length === 0) ? null : value;
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
  };
}

export function toGraphNode(kind: string, props: Record<string, unknown>): GraphNode {
  if (!isNodeKind(kind)) throw new Error(`store returned a node of unknown kind "${kind}"`);
  const properties: Record<string, PropertyValue> = {};
  for (const [key, value] of Object.entries(props)) {
    if (HIDDEN_NODE_PROPS.has(key) || key.startsWith('_') || value === null || value === undefined) continue;
    properties[key] = value as PropertyValue;
  }
  const node: GraphNode = { id: String(props['id']), kind, name: String(props['name']), properties };
  if (typeof props['nameEn'] === 'string') node.nameEn = props['nameEn'];
  return node;
}

export function toGraphEdge(type: string, props: Record<string, unknown>): GraphEdge {
  if (!isRelationshipType(type)) throw new Error(`store returned a relationship of unknown type "${type}"`);
  const from = String(props['fromId']);
  const to = String(props['toId']);
  return {
    id: relationshipId({ type, from, to }),
    type,
    from,
    to,
    properties: {
      source: String(props['source']),
      page: typeof props['page'] === 'number' ? props['page'] : null,
      quote: typeof props['quote'] === 'string' ? props['quote'] : null,
      basis: props['basis'] === 'inferred' ? 'inferred' : 'stated',
      note: typeof props['note'] === 'string' ? props['note'] : null,
    },
  };
}

/** Back to the dataset format, for the JSON export: explicit nulls where the schema requires them. */
export function toDatasetNode(node: GraphNode): DatasetNode {
  const record: Record<string, unknown> = { kind: node.kind, id: node.id, name: node.name };
  if (node.nameEn) record['nameEn'] = node.nameEn;
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
  return rel;
}

export function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A batch that created fewer relationships than it was given means an endpoint was missing: fail, never half-write. */
export function assertAllCreated(type: string, expected: number, created: number): void {
  if (created !== expected) {
    throw new Error(`only ${created} of ${expected} ${type} relationships found both their endpoints`);
  }
}

/** Counts per kind and type, each asked of the store in turn. */
export async function countGraph(
  backend: string,
  countNodes: (kind: NodeKind) => Promise<number>,
  countRelationships: (type: RelationshipType) => Promise<number>,
): Promise<GraphStats> {
  const nodes: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  for (const kind of NODE_KINDS) nodes[kind] = await countNodes(kind);
  for (const type of RELATIONSHIP_TYPES) relationships[type] = await countRelationships(type);
  return { backend, nodes, relationships };
}

/**
 * Every stored string stays below this many UTF-8 bytes. LadybugDB 0.19.1 cannot replay a write-ahead-log record holding
 * a string of about 4 KB (test/store/engine-defects.test.ts), so one long value would make the file unopenable after a
 * crash; the dataset validation refuses longer text fields (MAX_TEXT_BYTES) and the meta JSON is split below it.
 */
export const META_CHUNK_BYTES = 3000;

/** The key of the i-th part of the dataset meta JSON: "dataset:0", "dataset:1", … */
const metaChunkKey = (i: number) => `dataset:${i}`;

/** The dataset header and references as JSON, split into parts of at most META_CHUNK_BYTES UTF-8 bytes (never inside a character). */
export function datasetMetaRows(dataset: Dataset): { key: string; json: string }[] {
  const json = JSON.stringify({ meta: dataset.dataset, references: dataset.references });
  const chunks: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of json) {
    const size = Buffer.byteLength(char);
    if (bytes + size > META_CHUNK_BYTES) {
      chunks.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  chunks.push(current);
  return chunks.map((part, i) => ({ key: metaChunkKey(i), json: part }));
}

/** Reassembles the parts datasetMetaRows wrote; also reads the single "dataset" row that files written before the split hold. */
export function parseDatasetMeta(rows: Record<string, unknown>[]): Pick<GraphSnapshot, 'meta' | 'references'> {
  const legacy = rows.find((r) => r['key'] === 'dataset');
  const parts = new Map<number, string>();
  for (const r of rows) {
    const match = /^dataset:(\d+)$/.exec(String(r['key']));
    if (match) parts.set(Number(match[1]), String(r['json']));
  }
  let json: string | null = legacy ? String(legacy['json']) : null;
  if (parts.size > 0) {
    const ordered = Array.from({ length: parts.size }, (_, i) => parts.get(i));
    if (ordered.some((p) => p === undefined))
      throw new Error(`the stored dataset meta is incomplete: parts ${[...parts.keys()].sort((a, b) => a - b).join(', ')} of ${parts.size}`);
    json = ordered.join('');
  }
  const stored = json === null ? null : (JSON.parse(json) as Pick<GraphSnapshot, 'meta' | 'references'>);
  return { meta: stored?.meta ?? { name: 'empty', version: '0' }, references: stored?.references ?? [] };
}
