// Security headers (helmet with a CSP the web UI and /docs pass), opt-in CORS and the rate limiter.
import type { IncomingMessage, ServerResponse } from 'node:http';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { ApiError } from '../schemas/common.js';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  // Cytoscape, Svelte transitions and swagger-ui set inline styles.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const HELMET_OPTIONS = {
  // Served over plain HTTP on localhost by default: no upgrade-insecure-requests, which would break that.
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  // A downloaded export opened from disk, or the API used from a notebook, is not a cross-origin embedding.
  crossOriginResourcePolicy: { policy: 'same-origin' as const },
};

/** The headers helmet sets with our options, by lower-case name: the same for every response (no nonces), so worked out once. */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: () => undefined,
  };
  helmet(HELMET_OPTIONS)({} as IncomingMessage, response as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}

/**
 * helmet's headers on every response. Not through @fastify/helmet, which builds helmet anew on every request (parsing
 * the CSP each time) in two hooks: a tenth of what a node look-up cost (docs/benchmarks.md, issue 15).
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const headers = securityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}

export interface CorsOptions {
  /** Allowed origins ("*" allows any). Without it no CORS headers are sent, so browsers refuse cross-origin reads. */
  origins: string[];
}

export function registerCors(app: FastifyInstance, options: CorsOptions | undefined): void {
  const origins = options?.origins.filter((o) => o.length > 0) ?? [];
  if (origins.length === 0) return;
  const any = origins.includes('*');
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (typeof origin !== 'string' || !(any || origins.includes(origin))) return;
    reply.header('access-control-allow-origin', any ? '*' : origin);
    if (!any) reply.header('vary', 'Origin');
    reply.header('access-control-expose-headers', 'content-disposition, x-request-id, retry-after');
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      reply
        .header('access-control-allow-methods', 'GET, HEAD, POST, PUT')
        .header('access-control-allow-headers', 'authorization, content-type, x-request-id')
        .header('access-control-max-age', '600')
        .code(204)
        .send();
    }
  });
}

export interface RateLimitOptions {
  /** Requests per minute per client on POST /api/query. */
  query: number;
  /** Requests per minute per client on the write routes. */
  write: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitOptions = { query: 60, write: 10 };

export async function registerRateLimit(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new ApiError(429, 'rate_limited', `too many requests to this route (at most ${context.max} a minute); retry in ${context.after}`),
  });
}
