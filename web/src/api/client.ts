// The only way the UI reaches data: the HTTP API under /api, typed by the routes in the generated schema.d.ts (from the
// committed openapi.json). Errors arrive as ApiFailure with the server's code and message; a network failure is status 0.
import type { components, paths } from './schema.js';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Any rejection as an ApiFailure: the API's own as they are, anything else (a bug, an abort) as status 0 "unknown". */
export function asFailure(err: unknown): ApiFailure {
  return err instanceof ApiFailure ? err : new ApiFailure(0, 'unknown', err instanceof Error ? err.message : String(err));
}

type Method = 'get' | 'post';
/** The routes that answer `method`. */
export type RouteOf<M extends Method> = { [P in keyof paths]: paths[P] extends Record<M, { responses: unknown }> ? P : never }[keyof paths];
type Operation<P extends keyof paths, M extends Method> = paths[P] extends Record<M, infer O> ? O : never;
type Ok<O> = O extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
type Body<O> = O extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;
type Query<O> = O extends { parameters: { query?: infer Q } } ? ([Q] extends [never] ? never : Q) : never;
type PathParams<O> = O extends { parameters: { path: infer X } } ? X : never;
/** What a route takes: its path parameters, its query string and its JSON body, each only where it has one. */
export type Args<O> = ([PathParams<O>] extends [never] ? { path?: never } : { path: PathParams<O> }) &
  ([Query<O>] extends [never] ? { query?: never } : { query?: Query<O> }) &
  ([Body<O>] extends [never] ? { body?: never } : { body: Body<O> });
export type Answer<P extends keyof paths, M extends Method> = Ok<Operation<P, M>>;

type QueryValue = string | number | boolean | undefined | null | readonly string[];

/** The URL for a route: path parameters filled in (encoded), then the query string; empty values and lists left out. */
export function routeUrl(route: string, args: { path?: Record<string, string>; query?: Record<string, QueryValue> } = {}): string {
  const url = route.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = args.path?.[name];
    if (value === undefined) throw new Error(`${route}: no value for the path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(args.query ?? {})) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    search.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const text = search.toString();
  return text ? `${url}?${text}` : url;
}

async function request<T>(method: 'GET' | 'POST', url: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (err) {
    throw new ApiFailure(0, 'network', err instanceof Error ? err.message : String(err));
  }
  const parsed: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (parsed as Partial<components['schemas']['Error']> | null)?.error;
    throw new ApiFailure(res.status, error?.code ?? 'http_error', error?.message ?? `${res.status} ${res.statusText}`);
  }
  return parsed as T;
}

/** GET a route, typed by the OpenAPI document: `get('/api/nodes/{id}', { path: { id } })`. */
export function get<P extends RouteOf<'get'>>(route: P, args: Args<Operation<P, 'get'>>): Promise<Answer<P, 'get'>> {
  return request('GET', routeUrl(route, args as Parameters<typeof routeUrl>[1]), undefined);
}

/** POST to a route with its JSON body, typed by the OpenAPI document. */
export function post<P extends RouteOf<'post'>>(route: P, args: Args<Operation<P, 'post'>>): Promise<Answer<P, 'post'>> {
  return request('POST', routeUrl(route, args as Parameters<typeof routeUrl>[1]), (args as { body?: unknown }).body);
}

type NeighborQuery = NonNullable<Query<Operation<'/api/nodes/{id}/neighbors', 'get'>>>;

/** The calls the views make, with the defaults they share. */
export const api = {
  health: () => get('/api/health', {}),
  search: (q: string, options: { kind?: components['schemas']['Node']['kind']; limit?: number } = {}) =>
    get('/api/nodes', { query: { q, kind: options.kind, limit: options.limit ?? 10 } }),
  listNodes: (kind: components['schemas']['Node']['kind'], limit = 500) => get('/api/nodes', { query: { kind, limit } }),
  node: (id: string) => get('/api/nodes/{id}', { path: { id } }),
  neighbors: (id: string, options: Omit<NeighborQuery, 'depth' | 'limit'> & { depth?: number; limit?: number } = {}) =>
    get('/api/nodes/{id}/neighbors', { path: { id }, query: { ...options, depth: options.depth ?? 1, limit: options.limit ?? 300 } }),
  paths: (from: string, to: string, options: { maxLength?: number; directed?: boolean } = {}) =>
    get('/api/paths', { query: { from, to, maxLength: options.maxLength ?? 6, directed: options.directed ? 'true' : undefined, limit: 10 } }),
  /** The analysts' console (Query view) only: every other view reads through its own typed route. */
  query: (cypher: string, params: Body<Operation<'/api/query', 'post'>>['params'] = {}) => post('/api/query', { body: { cypher, params } }),
  gaps: () => get('/api/gaps', {}),
  coveragePresets: () => get('/api/coverage/presets', {}),
  /** A preset id from the URL: an unknown one is the server's 400, which names the known ones. */
  coverage: (preset: string) => get('/api/coverage', { query: { preset: preset as components['schemas']['CoveragePreset']['id'] } }),
  timeline: () => get('/api/timeline', {}),
  /** A subject's dated statuses, the years no source reported on it, and its links that changed over the years. */
  history: (id: string) => get('/api/history/{id}', { path: { id } }),
};
