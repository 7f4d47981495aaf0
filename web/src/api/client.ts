// The only way the UI reaches data: the HTTP API under /api. Errors arrive as ApiFailure with the server's message.
import type { Gaps, Health, Matrix, NamedQueryAnswer, NeighborhoodResult, NodeDetails, NodePage, Paths, Preset, QueryResult } from './types.js';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}), ...init?.headers } });
  } catch (err) {
    throw new ApiFailure(0, 'network', err instanceof Error ? err.message : String(err));
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiFailure(res.status, error?.code ?? 'http_error', error?.message ?? `${res.status} ${res.statusText}`);
  }
  return body as T;
}

const qs = (params: Record<string, string | number | boolean | undefined | string[]>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    search.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const api = {
  health: () => request<Health>('/api/health'),
  search: (q: string, options: { kind?: string; limit?: number } = {}) => request<NodePage>(`/api/nodes${qs({ q, kind: options.kind, limit: options.limit ?? 10 })}`),
  listNodes: (kind: string, limit = 500) => request<NodePage>(`/api/nodes${qs({ kind, limit })}`),
  node: (id: string) => request<NodeDetails>(`/api/nodes/${encodeURIComponent(id)}`),
  neighbors: (id: string, options: { depth?: number; kinds?: string[]; types?: string[]; basis?: string; limit?: number } = {}) =>
    request<NeighborhoodResult>(`/api/nodes/${encodeURIComponent(id)}/neighbors${qs({ depth: options.depth ?? 1, kinds: options.kinds, types: options.types, basis: options.basis, limit: options.limit ?? 300 })}`),
  paths: (from: string, to: string, options: { maxLength?: number; directed?: boolean } = {}) =>
    request<Paths>(`/api/paths${qs({ from, to, maxLength: options.maxLength ?? 6, directed: options.directed ? true : undefined, limit: 10 })}`),
  query: (cypher: string, params: Record<string, unknown> = {}) => request<QueryResult>('/api/query', { method: 'POST', body: JSON.stringify({ cypher, params }) }),
  gaps: () => request<Gaps>('/api/gaps'),
  coveragePresets: () => request<{ items: Preset[] }>('/api/coverage/presets'),
  coverage: (preset: string) => request<Matrix>(`/api/coverage${qs({ preset })}`),
  namedQuery: (name: string, id: string) => request<NamedQueryAnswer>(`/api/queries/${encodeURIComponent(name)}${qs({ id })}`),
};
