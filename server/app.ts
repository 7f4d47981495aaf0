// The whole HTTP app as one Fastify instance: security, the /api routes, OpenAPI at /openapi.json and /docs, and the web UI.
// It never listens; server/main.ts (and the tests, through inject) decide what to do with it.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { QueryLimits } from '../graph/adapters/index.js';
import type { GraphStore } from '../graph/store/port.js';
import type { AuthSettings } from './auth/config.js';
import { authRuntime } from './auth/runtime.js';
import { apiTokenAuthenticator } from './auth/tokens.js';
import { DEFAULT_WEB_ROOT } from './paths.js';
import { errorBody, installErrorHandler } from './plugins/errors.js';
import { bootstrapAdmin, registerAccess } from './plugins/access.js';
import { registerMethodNotAllowed } from './plugins/methods.js';
import { registerOpenApi } from './plugins/openapi.js';
import { DEFAULT_RATE_LIMITS, registerCors, registerRateLimit, registerSecurityHeaders, securityHeaders, type RateLimitOptions } from './plugins/security.js';
import { registerWeb } from './plugins/web.js';
import { compiledSerializerCompiler } from './serialize.js';
import { apiRoutes } from './routes/index.js';

export const DEFAULT_LIMITS: QueryLimits = { timeoutMs: 5000, rowCap: 5000 };
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_DATASET_BODY_LIMIT = 16 * 1024 * 1024;
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

export interface AppOptions {
  store: GraphStore;
  /** Timeout and row cap for POST /api/query. */
  limits?: QueryLimits;
  /** The bootstrap admin's bearer token (STRATEGIGRAF_ADMIN_TOKEN). Without it and without sign-in, write routes answer 403. */
  adminToken?: string;
  /** Sign-in with OpenID Connect, sessions and the anonymous role (server/auth/config.ts); none by default. */
  auth?: AuthSettings;
  /** The clock for sessions and token expiry, in epoch ms (tests move it). */
  now?: () => number;
  /** Origins allowed to call the API from a browser; CORS stays off without them. */
  corsOrigin?: string | string[];
  /** Fastify logger: false (default) for none, true or pino options, as in Fastify. */
  logger?: FastifyServerOptions['logger'];
  /** The built web UI; null serves none. Defaults to dist/web of this package. */
  webRoot?: string | null;
  /** Requests per minute per client on the query and write routes. */
  rateLimits?: Partial<RateLimitOptions>;
  /** Largest request body in bytes (default 1 MiB); the dataset upload has its own limit. */
  bodyLimit?: number;
  datasetBodyLimit?: number;
  /** Longest a request may take to arrive and be answered, in ms (applies to real sockets, not inject). */
  requestTimeoutMs?: number;
  /**
   * Also encode every response with zod and refuse (500) one whose compiled serialisation differs (server/serialize.ts).
   * Off in production, where the compiled serialiser alone runs; on in the tests and the fuzzer.
   */
  verifyResponses?: boolean;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;
const SECURITY_HEADERS = securityHeaders();

/**
 * The Fastify server options of the app: limits, timeouts, request ids, routing. Exported so the benchmark's bare
 * Fastify route (the anchor the API's throughput is measured against) runs with exactly the same ones.
 */
export function fastifyOptions(options: Pick<AppOptions, 'logger' | 'bodyLimit' | 'requestTimeoutMs'>) {
  return {
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    connectionTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    // A caller's x-request-id is kept when it is a sane token, so logs correlate across services; otherwise a fresh UUID.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    // Errors Fastify raises before routing (a malformed URL) get the same envelope as everything else, and, since no hook
    // runs for them, the headers every answer carries are set here.
    frameworkErrors: (err, request, reply: FastifyReply) => {
      void reply
        .headers(SECURITY_HEADERS)
        .header('x-request-id', request.id)
        .code(400)
        .send(errorBody('invalid_request', err.code === 'FST_ERR_BAD_URL' ? 'the URL is not valid (a bad percent-encoding?)' : err.message));
    },
  } satisfies FastifyServerOptions;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify(fastifyOptions(options)).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(compiledSerializerCompiler({ verify: options.verifyResponses ?? false }));
  installErrorHandler(app);
  // Synchronous, as every hook that runs on every request and waits for nothing: an async hook costs a promise and a
  // turn of the microtask queue per request (issue 15, docs/benchmarks.md).
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  await registerSecurityHeaders(app);
  registerCors(app, options.corsOrigin ? { origins: ([] as string[]).concat(options.corsOrigin) } : undefined);
  await registerRateLimit(app);
  // After CORS (a preflight is answered there) and before any route, so every route is known to it.
  registerMethodNotAllowed(app);
  const auth = authRuntime(options.auth, options.now);
  // Before the access hook, which reads the session the plugin decrypts.
  if (auth.sessions) await auth.sessions.register(app);
  const canAuthenticate = Boolean(options.adminToken) || auth.oidc !== null;
  // API tokens are always recognised: one made while sign-in or the bootstrap token was configured keeps working.
  const authenticators = [
    bootstrapAdmin(options.adminToken),
    apiTokenAuthenticator(() => options.store.work, auth.now),
    ...(auth.sessions ? [auth.sessions.authenticator()] : []),
  ];
  registerAccess(app, { authenticators, anonymousRole: options.auth?.anonymousRole ?? 'reader', canAuthenticate });
  await registerOpenApi(app);

  await app.register(apiRoutes, {
    prefix: '/api',
    store: options.store,
    limits: options.limits ?? DEFAULT_LIMITS,
    canAuthenticate,
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    datasetBodyLimit: options.datasetBodyLimit ?? DEFAULT_DATASET_BODY_LIMIT,
    auth,
  });

  await registerWeb(app, options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot);
  return app;
}
