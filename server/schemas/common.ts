// API-level zod schemas shared by every route: the error envelope and query-string helpers.
import { z } from 'zod';

/** Where a request field lives. */
export const FIELD_LOCATIONS = ['params', 'querystring', 'body', 'headers'] as const;

export const FieldIssue = z
  .object({
    field: z.string().describe('The field that failed, e.g. "depth" or "kinds[1]"; "" for the whole part'),
    in: z.enum(FIELD_LOCATIONS).describe('Which part of the request holds the field'),
    message: z.string(),
  })
  .meta({ id: 'FieldIssue' });
export type FieldIssue = z.infer<typeof FieldIssue>;

export const ERROR_CODES = [
  'invalid_request',
  'not_found',
  'method_not_allowed',
  'unauthorized',
  'forbidden',
  'precondition_failed',
  'precondition_required',
  'version_conflict',
  'invalid_transition',
  'invalid_owner',
  'thread_full',
  'conflict',
  'writes_disabled',
  'sign_in_unavailable',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'read_only',
  'query_invalid',
  'query_timeout',
  'row_cap_exceeded',
  'response_too_large',
  'query_too_costly',
  'query_crashed',
  'too_many_queries',
  'invalid_dataset',
  'store_unavailable',
  'load_failed',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ApiErrorBody = z
  .object({
    error: z.object({
      // An enum, not a string: the web client maps each code to a sentence in the reader's language, and the compiler
      // (through openapi.json and web/src/api/schema.d.ts) tells it when a code is added.
      code: z.enum(ERROR_CODES).describe('Stable machine-readable code; the message is English, for people reading logs and API answers'),
      message: z.string().describe('What went wrong and, where possible, how to fix it'),
      details: z.array(FieldIssue).optional().describe('For invalid_request: every field that failed validation'),
    }),
  })
  .meta({ id: 'Error', description: 'The body of every error response' });
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** An error the routes throw on purpose; the central error handler turns it into the envelope. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[] | DatasetProblem[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const DatasetProblem = z
  .object({
    file: z.string().describe('Always "request body" for an uploaded dataset'),
    line: z.number().int().optional().describe('1-based line of the problem in the body, where known'),
    path: z.string().describe('Where in the document, e.g. "nodes[3].status"'),
    message: z.string(),
  })
  .meta({ id: 'DatasetProblem' });
export type DatasetProblem = z.infer<typeof DatasetProblem>;

export const DatasetRejectedBody = z
  .object({
    error: z.object({
      code: z.literal('invalid_dataset'),
      message: z.string(),
      details: z.array(DatasetProblem).describe('Every problem found, in document order per check'),
    }),
  })
  .meta({ id: 'DatasetRejected', description: 'The uploaded dataset was not valid; the graph is unchanged' });

/** A JSON response with its description, in the per-content-type form that fastify-type-provider-zod documents. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is invalid: a parameter or the body failed validation (details name the field), or the query was refused',
  401: 'No credential where one is needed, a bearer token that is wrong, expired or revoked, or a session that ended',
  403: 'The role is not enough for this route, a session-cookie write lacks its CSRF proof, or writes are disabled (no STRATEGIGRAF_ADMIN_TOKEN and no sign-in)',
  404: 'No such node',
  413: 'The body is larger than the limit',
  415: 'The content type is not accepted',
  429: 'Too many requests; see the Retry-After header',
  500: 'A fault on the server; the message gives a request id to look up in the log',
  503: 'The graph store is unavailable',
};

/** Response entries for the errors a route documents, keyed by status code. */
export function errorResponses<const S extends readonly number[]>(...statuses: S) {
  return Object.fromEntries(statuses.map((s) => [s, json(ApiErrorBody, ERROR_DESCRIPTIONS[s] ?? 'Error')])) as Record<
    S[number],
    ReturnType<typeof json<typeof ApiErrorBody>>
  >;
}

/**
 * A whole number from the query string, bounded. Stricter than z.coerce.number, which reads "" and " " as 0 and
 * "1e2" or "0x10" as numbers: only an optional sign and digits pass, and an empty value (`?offset=`) is refused by
 * name rather than silently taken as 0. The OpenAPI document shows it as the integer it is (the preprocessing step
 * would otherwise document as "anything").
 */
export function queryWholeNumber(min: number, max: number) {
  return z
    .preprocess(
      (value, ctx) => {
        if (typeof value !== 'string') return value;
        if (value.trim() === '') {
          ctx.issues.push({ code: 'custom', message: 'is empty: give a whole number or leave the parameter out', input: value });
        } else if (!/^[+-]?\d+$/.test(value)) {
          ctx.issues.push({ code: 'custom', message: 'must be a whole number', input: value });
        } else return Number(value);
        return value;
      },
      z.number({ error: 'must be a whole number' }).int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`),
    )
    .meta({ type: 'integer', minimum: min, maximum: max });
}

/** A whole number from the query string, with bounds and a default. */
export function queryInt(min: number, max: number, fallback: number, description: string) {
  // prefault, not default: zod leaves a default out of the input schema of anything that transforms (this preprocesses);
  // a prefault is parsed like a given value and documented as the default.
  return queryWholeNumber(min, max).prefault(fallback).describe(`${description} (${min}–${max}, default ${fallback})`);
}

/**
 * A list from the query string: repeated, comma-separated, or both (`?kinds=Agency&kinds=Goal` or `?kinds=Agency,Goal`).
 * Documented as an array of the allowed values (repeated parameters, OpenAPI's default form style), so clients and
 * fuzzers see the enum the server enforces; an empty entry (`?kinds=`) is refused like any other unknown value.
 */
export function queryList<const T extends readonly [string, ...string[]]>(values: T, what: string, description: string) {
  return z
    .preprocess(
      (v) =>
        typeof v === 'string' || Array.isArray(v)
          ? ([] as unknown[]).concat(v).flatMap((x) => (typeof x === 'string' ? x.split(',').map((p) => p.trim()) : [x]))
          : v,
      z.array(z.enum(values, { error: (issue) => `unknown ${what} ${JSON.stringify(issue.input)} (expected one of ${values.join(', ')})` })),
    )
    .optional()
    .meta({ type: 'array', items: { type: 'string', enum: [...values] } })
    .describe(`${description}; repeated or comma-separated. One or more of: ${values.join(', ')}`);
}

/** `true` or `false` in the query string. */
export function queryBoolean(fallback: boolean, description: string) {
  return z
    .enum(['true', 'false'], { error: 'must be "true" or "false"' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true')
    .describe(description);
}

/** A node id in a path or query: any text, so an unknown id is a 404 rather than a format error. */
export const NodeIdText = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
