// Plain JavaScript values out of LadybugDB results: no bigint, Map or Date leaves the adapter.
import type { GraphEdge, GraphNode } from '../../schema/graph.js';
import { toGraphEdge, toGraphNode } from '../../schema/records.js';
import type { StringPool } from '../../schema/string-pool.js';

export function fromLadybugValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(fromLadybugValue);
  if (value instanceof Map) return Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), fromLadybugValue(v)]));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === '_id' || k === '_src' || k === '_dst' ? v : fromLadybugValue(v);
    return out;
  }
  return value;
}

export function isNodeValue(value: unknown): value is Record<string, unknown> {
  return Boolean(value && typeof value === 'object' && '_label' in value && '_id' in value && !('_src' in value));
}

export function isRelValue(value: unknown): value is Record<string, unknown> {
  return Boolean(value && typeof value === 'object' && '_label' in value && '_src' in value && '_dst' in value);
}

/** A node value (its properties and `_label`) as the API's node. */
export function nodeFromValue(value: unknown, strings?: StringPool): GraphNode {
  const props = value as Record<string, unknown>;
  return toGraphNode(String(props['_label']), props, strings);
}

/** A relationship value (its properties and `_label`) as the API's edge. */
export function edgeFromValue(value: unknown, strings?: StringPool): GraphEdge {
  const props = value as Record<string, unknown>;
  return toGraphEdge(String(props['_label']), props, strings);
}
