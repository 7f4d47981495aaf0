// Plain JavaScript values out of LadybugDB results: no bigint, Map or Date leaves the adapter.

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
