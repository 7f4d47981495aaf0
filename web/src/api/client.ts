// The only way the UI reaches data: the HTTP API under /api, typed by the routes in the generated schema.d.ts (from the
// committed openapi.json). Errors arrive as ApiFailure with the server's code and message; a network failure is status 0.
import type { components, paths } from './schema.js';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** For invalid_request: each field that failed, as the server names it (its messages are English). */
    readonly details: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}
type FieldIssue = components['schemas']['FieldIssue'];

/** Any rejection as an ApiFailure: the API's own as they are, anything else (a bug, an abort) as status 0 "unknown". */
export function asFailure(err: unknown): ApiFailure {
  return err instanceof ApiFailure ? err : new ApiFailure(0, 'unknown', err instanceof Error ? err.message : String(err));
}

/** The methods that change something: web/src/api/write.ts sends them with the session's CSRF token. */
export type WriteMethod = 'post' | 'put' | 'patch' | 'delete';
type Method = 'get' | WriteMethod;
/** The routes that answer `method`. */
export type RouteOf<M extends Method> = { [P in keyof paths]: paths[P] extends Record<M, { responses: unknown }> ? P : never }[keyof paths];
export type Operation<P extends keyof paths, M extends Method> = paths[P] extends Record<M, infer O> ? O : never;
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The JSON of a route's success: 200, or 201 for a creation. */
type Ok<O> = O extends { responses: { 200: infer R } } ? Json<R> : O extends { responses: { 201: infer R } } ? Json<R> : never;
// A body the route may also go without (reopen a finding) is typed as one it takes.
type Body<O> = O extends { requestBody?: infer R }
  ? [NonNullable<R>] extends [never]
    ? never
    : NonNullable<R> extends { content: { 'application/json': infer B } }
      ? B
      : never
  : never;
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

/**
 * One call to the API: the JSON answer, or an ApiFailure with the server's code and message. `received` sees the
 * answer's headers, success or not (the follow-up reads its ETag there).
 */
export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  received?: (headers: Headers) => void,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (err) {
    throw new ApiFailure(0, 'network', err instanceof Error ? err.message : String(err));
  }
  received?.(res.headers);
  const parsed: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (parsed as Partial<components['schemas']['Error']> | null)?.error;
    // Only field issues are kept: an invalid dataset's problems have another shape, and the dataset page is the CLI's.
    const details = (error?.details ?? []).filter((d): d is FieldIssue => typeof d === 'object' && d !== null && 'field' in d && 'in' in d);
    throw new ApiFailure(res.status, error?.code ?? 'http_error', error?.message ?? `${res.status} ${res.statusText}`, details);
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

/** The GET routes whose contract takes `asOf` (answer as the graph stood in a year). */
type AsOfRoute = {
  [P in RouteOf<'get'>]: [NonNullable<Query<Operation<P, 'get'>>>] extends [never]
    ? never
    : 'asOf' extends keyof NonNullable<Query<Operation<P, 'get'>>>
      ? P
      : never;
}[RouteOf<'get'>];

/**
 * The routes the year control reaches: each must take `asOf` in the contract (`satisfies`), and a route that gains it
 * must be listed (AS_OF_ROUTES_LISTED stops compiling and names it), so no view quietly ignores the year.
 */
export const AS_OF_ROUTES = [
  '/api/gaps',
  '/api/coverage',
  '/api/coverage/cell',
  '/api/timeline',
  '/api/nodes',
  '/api/nodes/{id}',
  '/api/nodes/{id}/neighbors',
  '/api/overview',
  '/api/paths',
  '/api/queries/{name}',
  '/api/export',
  '/api/findings',
  '/api/report',
] as const satisfies readonly AsOfRoute[];
type Unlisted = Exclude<AsOfRoute, (typeof AS_OF_ROUTES)[number]>;
export const AS_OF_ROUTES_LISTED: [Unlisted] extends [never] ? true : { 'routes that take asOf but are missing from AS_OF_ROUTES': Unlisted } = true;

/** Whether a route answers as of a year; a view whose route does not yet says so rather than ignore the year. */
export const takesAsOf = (route: RouteOf<'get'>): boolean => (AS_OF_ROUTES as readonly string[]).includes(route);

/** `{asOf}` for a route that takes it; nothing for one that does not (its strict query would refuse the parameter). */
const asOfFor = (route: RouteOf<'get'>, asOf: number | undefined): { asOf?: number } => (asOf !== undefined && takesAsOf(route) ? { asOf } : {});

/** The calls the views make, with the defaults they share. `asOf` is the header's year; undefined means the latest. */
export const api = {
  health: () => get('/api/health', {}),
  search: (q: string, options: { kind?: components['schemas']['Node']['kind']; limit?: number; asOf?: number | undefined } = {}) =>
    get('/api/nodes', { query: { q, kind: options.kind, limit: options.limit ?? 10, ...asOfFor('/api/nodes', options.asOf) } }),
  listNodes: (kind: components['schemas']['Node']['kind'], limit = 500, asOf?: number) =>
    get('/api/nodes', { query: { kind, limit, ...asOfFor('/api/nodes', asOf) } }),
  node: (id: string, asOf?: number, includeRejected = false) =>
    get('/api/nodes/{id}', { path: { id }, query: { ...asOfFor('/api/nodes/{id}', asOf), ...(includeRejected ? { includeRejected: 'true' } : {}) } }),
  neighbors: (id: string, options: Omit<NeighborQuery, 'depth' | 'limit'> & { depth?: number; limit?: number; asOf?: number | undefined } = {}) => {
    const { asOf, ...rest } = options;
    return get('/api/nodes/{id}/neighbors', {
      path: { id },
      query: { ...rest, depth: rest.depth ?? 1, limit: rest.limit ?? 300, ...asOfFor('/api/nodes/{id}/neighbors', asOf) },
    });
  },
  /** The whole graph with Explore's filters, in groups when it is too large to draw node by node. */
  overview: (options: Omit<NonNullable<Query<Operation<'/api/overview', 'get'>>>, 'asOf'> & { asOf?: number | undefined } = {}) => {
    const { asOf, ...rest } = options;
    return get('/api/overview', { query: { ...rest, ...asOfFor('/api/overview', asOf) } });
  },
  paths: (from: string, to: string, options: { maxLength?: number; directed?: boolean; asOf?: number | undefined } = {}) =>
    get('/api/paths', {
      query: {
        from,
        to,
        maxLength: options.maxLength ?? 6,
        directed: options.directed ? 'true' : undefined,
        limit: 10,
        ...asOfFor('/api/paths', options.asOf),
      },
    }),
  /** The analysts' console (Query view) only: every other view reads through its own typed route. */
  query: (cypher: string, params: Body<Operation<'/api/query', 'post'>>['params'] = {}) => post('/api/query', { body: { cypher, params } }),
  gaps: (asOf?: number) => get('/api/gaps', { query: { asOf } }),
  coveragePresets: () => get('/api/coverage/presets', {}),
  /** A preset id from the URL: an unknown one is the server's 400, which names the known ones. */
  coverage: (preset: string, asOf?: number) => get('/api/coverage', { query: { preset: preset as components['schemas']['CoveragePreset']['id'], asOf } }),
  /** The chains behind one cell of a preset's matrix, each relationship with its provenance (the matrix has counts only). */
  coverageCell: (preset: string, row: string, col: string, asOf?: number) =>
    get('/api/coverage/cell', { query: { preset: preset as components['schemas']['CoveragePreset']['id'], row, col, asOf } }),
  timeline: (asOf?: number) => get('/api/timeline', { query: { asOf } }),
  /** The years the year control offers, each with the sources that report on it. */
  years: () => get('/api/years', {}),
  /** What changed between two years. */
  diff: (from: number, to: number) => get('/api/diff', { query: { from, to } }),
  /** A subject's dated statuses, the years no source reported on it, and its links that changed over the years. */
  history: (id: string) => get('/api/history/{id}', { path: { id } }),
  /** An inferred link's or field's review: where it stands and its whole thread; `version` is the ETag a decision sends back. */
  review: (target: string) => get('/api/reviews/{target}', { path: { target } }),
  /** The audit trail (admin), newest first, one page at a time. */
  audit: (query: AuditQuery) => get('/api/audit', { query: { ...query, format: 'json' } }),
  /** Every finding of a year with its follow-up (the Gaps view filters and sorts them itself, so the CSV is what it shows). */
  findings: (asOf?: number) => get('/api/findings', { query: { asOf, limit: 5000 } }),
  /** One finding with its thread and history, and the ETag a change must send back in If-Match. */
  finding: async (id: string): Promise<{ detail: Answer<'/api/findings/{id}', 'get'>; etag: string | null }> => {
    let etag: string | null = null;
    const detail = await request<Answer<'/api/findings/{id}', 'get'>>('GET', routeUrl('/api/findings/{id}', { path: { id } }), undefined, {}, (h) => {
      etag = h.get('etag');
    });
    return { detail, etag };
  },
};

type AuditQuery = Omit<NonNullable<Query<Operation<'/api/audit', 'get'>>>, 'format'>;

/** Where the audit trail with these filters downloads as CSV (the API's format=csv; the browser sends the session cookie). */
export const auditCsvUrl = (query: Omit<AuditQuery, 'before'>): string => routeUrl('/api/audit', { query: { ...query, format: 'csv' } });

type ReportQuery = NonNullable<Query<Operation<'/api/report', 'get'>>>;

/** Where the Skate meeting's report opens, in a language and as of the header's year (undefined: the latest). */
export const reportUrl = (lang: NonNullable<ReportQuery['lang']>, asOf: number | undefined): string =>
  routeUrl('/api/report', { query: { lang, ...(asOf !== undefined ? { asOf } : {}) } });
