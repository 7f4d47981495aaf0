// What every adapter does alike with the records of graph/schema/records.ts: counts, checks of bulk writes, and the
// dataset header stored in parts.
import { NODE_KINDS, RELATIONSHIP_TYPES, type NodeKind, type RelationshipType } from '../../ontology.js';
import type { Dataset } from '../../schema/dataset.js';
import type { GraphStats } from '../../schema/graph.js';
import type { GraphSnapshot } from '../../store/port.js';

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
  return splitUtf8(json, META_CHUNK_BYTES).map((part, i) => ({ key: metaChunkKey(i), json: part }));
}

/** `text` in parts of at most `maxBytes` UTF-8 bytes each, never split inside a character; one (empty) part for "". */
export function splitUtf8(text: string, maxBytes: number): string[] {
  const chunks: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + size > maxBytes) {
      chunks.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  chunks.push(current);
  return chunks;
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
