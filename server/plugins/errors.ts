// One error handler for the whole app: every failure becomes {error: {code, message, details?}} with the right status,
// and nothing internal (stack traces, driver messages, file paths) reaches the client.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { LOAD_UNDER_WAY_MESSAGE, StoreError, type StoreErrorCode } from '../../graph/store/errors.js';
import { ApiError, FIELD_LOCATIONS, type ApiErrorBody, type ErrorCode, type FieldIssue } from '../schemas/common.js';

const STORE_ERROR_STATUS: Record<StoreErrorCode, number> = {
  store_unavailable: 503,
  read_only: 400,
  query_timeout: 400,
  row_cap_exceeded: 400,
  query_invalid: 400,
  response_too_large: 400,
  query_too_costly: 400,
  query_crashed: 503,
  too_many_queries: 429,
  load_failed: 500,
  version_conflict: 412,
  payload_too_large: 413,
};

const FASTIFY_ERRORS: Record<string, { status: number; code: ErrorCode }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_request' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_request' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_request' },
  FST_ERR_BAD_URL: { status: 400, code: 'invalid_request' },
};

const FASTIFY_MESSAGES: Record<string, (req: FastifyRequest) => string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: (req) => `the request body is larger than the limit of ${req.routeOptions.bodyLimit} bytes`,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (req) => `content type ${JSON.stringify(req.headers['content-type'] ?? '')} is not accepted here`,
  FST_ERR_CTP_EMPTY_JSON_BODY: () => 'the body is empty but the content type says JSON',
};

export function errorBody(code: ErrorCode, message: string, details?: ApiErrorBody['error']['details'] | unknown[]): ApiErrorBody {
  return { error: { code, message, ...(details ? { details: details as FieldIssue[] } : {}) } };
}

type ZodIssueParams = Record<string, unknown>;

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'an array',
};

/** A short, plain message for one validation issue, naming what is allowed. */
function issueMessage(keyword: string, message: string, params: ZodIssueParams): string {
  switch (keyword) {
    case 'invalid_type':
      if (/received undefined$/.test(message)) return 'is required';
      return message.startsWith('Invalid input') ? `must be ${TYPE_NAMES[String(params['expected'])] ?? String(params['expected'])}` : message;
    case 'too_big':
      return message.startsWith('Too big') ? `must be at most ${String(params['maximum'])}${params['origin'] === 'string' ? ' characters' : ''}` : message;
    case 'too_small':
      return message.startsWith('Too small') ? `must be at least ${String(params['minimum'])}${params['origin'] === 'string' ? ' characters' : ''}` : message;
    case 'unrecognized_keys': {
      const keys = (params['keys'] as string[] | undefined) ?? [];
      return `unknown field${keys.length === 1 ? '' : 's'} ${keys.map((k) => JSON.stringify(k)).join(', ')}`;
    }
    default:
      return message;
  }
}

function fieldOf(instancePath: string): string {
  return instancePath
    .split('/')
    .filter((p) => p.length > 0)
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

function validationIssues(err: FastifyError & { validation: { instancePath: string; keyword: string; message?: string; params: unknown }[] }): FieldIssue[] {
  const where = (FIELD_LOCATIONS as readonly string[]).includes(err.validationContext ?? '') ? (err.validationContext as FieldIssue['in']) : 'body';
  return err.validation.flatMap((v): FieldIssue[] => {
    const params = (v.params ?? {}) as ZodIssueParams;
    const field = fieldOf(v.instancePath);
    if (v.keyword === 'unrecognized_keys' && Array.isArray(params['keys'])) {
      // Name each unknown field itself, so a typo like ?limt=5 is pointed at directly.
      return (params['keys'] as string[]).map((key) => ({
        field: field ? `${field}.${key}` : key,
        in: where,
        message: where === 'querystring' ? 'is not a known parameter' : 'is not a known field',
      }));
    }
    return [{ field, in: where, message: issueMessage(v.keyword, v.message ?? 'is not valid', params) }];
  });
}

function describeIssues(issues: FieldIssue[]): string {
  const parts = issues.map((i) => (i.field ? `${i.field} ${i.message}` : `${i.in} ${i.message}`));
  return `invalid ${issues[0]?.in ?? 'request'}: ${parts.join('; ')}`;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof ApiError) {
      if (err.headers) reply.headers(err.headers);
      return reply.code(err.statusCode).send(errorBody(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = validationIssues(err);
      return reply.code(400).send(errorBody('invalid_request', describeIssues(issues), issues));
    }
    if (err instanceof StoreError) {
      const status = STORE_ERROR_STATUS[err.code];
      if (err.code === 'store_unavailable') {
        request.log.error({ err }, 'graph store unavailable');
        // A load under way is said as such (it holds nothing internal); anything else stays generic.
        const message = err.message === LOAD_UNDER_WAY_MESSAGE ? err.message : 'the graph store is unavailable; try again shortly';
        return reply.code(status).send(errorBody(err.code, message));
      }
      if (err.retryAfterSeconds !== undefined) reply.header('retry-after', String(err.retryAfterSeconds));
      if (err.code === 'query_crashed') {
        // The worker process died, not the server: the message says so and holds nothing internal.
        request.log.warn({ err }, 'the analyst query worker died');
        return reply.code(status).send(errorBody(err.code, err.message));
      }
      if (status >= 500) {
        request.log.error({ err }, 'store fault');
        return reply
          .code(status)
          .send(
            errorBody(
              err.code,
              `${err.code === 'load_failed' ? 'loading the dataset failed; the previous graph is unchanged' : 'the store failed'} (request ${request.id})`,
            ),
          );
      }
      return reply.code(status).send(errorBody(err.code, err.message));
    }
    const known = err.code ? FASTIFY_ERRORS[err.code] : undefined;
    if (known) {
      const message = FASTIFY_MESSAGES[err.code]?.(request) ?? err.message;
      return reply.code(known.status).send(errorBody(known.code, message));
    }
    if (err.statusCode === 429) {
      return reply.code(429).send(errorBody('rate_limited', err.message));
    }
    if (err instanceof SyntaxError && err.statusCode === 400) {
      return reply.code(400).send(errorBody('invalid_request', `the body is not valid JSON: ${err.message}`));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      request.log.info({ err }, 'client error');
      return reply.code(err.statusCode).send(errorBody(err.statusCode === 404 ? 'not_found' : 'invalid_request', err.message));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.code(500).send(errorBody('internal_error', `something went wrong on the server (request ${request.id}); the details are in the server log`));
  });
}

/** The 404 for anything under /api (and, without a web UI, everywhere else). */
export function notFound(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0] ?? '';
  return reply
    .code(404)
    .send(errorBody('not_found', `no route ${request.method} ${path}${path.startsWith('/api/') || path === '/api' ? '; see /docs for the API' : ''}`));
}
