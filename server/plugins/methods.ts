// 405 Method Not Allowed, with an Allow header, for a known path asked with a method it does not serve (TRACE, QUERY,
// DELETE, OPTIONS without CORS, ...). Fastify on its own answers those with the 404 of an unknown path, which tells a
// client the path is wrong when it is the method that is.
import type { FastifyInstance } from 'fastify';
import { errorBody } from './errors.js';

interface KnownPath {
  pattern: RegExp;
  methods: Set<string>;
}

/** `/api/nodes/:id/neighbors` as a regular expression over the path; null for wildcard routes (static files, /docs/*). */
function patternOf(url: string): RegExp | null {
  if (url.includes('*')) return null;
  const source = url
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  // The app ignores a trailing slash, so the path is compared without one.
  return new RegExp(`^${source.replace(/\/$/, '') || '/'}$`);
}

/** Call before any route is registered: the routes are collected as they are added. */
export function registerMethodNotAllowed(app: FastifyInstance): void {
  const known = new Map<string, KnownPath>();
  app.addHook('onRoute', (route) => {
    const pattern = patternOf(route.url);
    if (!pattern) return;
    const entry = known.get(pattern.source) ?? { pattern, methods: new Set<string>() };
    for (const method of ([] as string[]).concat(route.method)) {
      entry.methods.add(method.toUpperCase());
      // Fastify answers HEAD for every GET route (exposeHeadRoutes).
      if (method.toUpperCase() === 'GET') entry.methods.add('HEAD');
    }
    known.set(pattern.source, entry);
  });

  // onRequest runs before the body is parsed, so a bodyless QUERY or an odd content type still gets the 405. With a
  // callback, not async: it runs on every request and nearly always returns at once, and an async hook costs a promise
  // per request. Answering, it does not call done (Fastify's way for a callback hook that replies).
  app.addHook('onRequest', (request, reply, done) => {
    if (!request.is404 || reply.sent) return done();
    const raw = request.url.split('?')[0] ?? '/';
    const path = raw.length > 1 ? raw.replace(/\/$/, '') : raw;
    const allowed = [...known.values()].filter((k) => k.pattern.test(path)).flatMap((k) => [...k.methods]);
    if (allowed.length === 0 || allowed.includes(request.method)) return done();
    const allow = [...new Set(allowed)].sort().join(', ');
    void reply
      .code(405)
      .header('allow', allow)
      .send(
        errorBody(
          'method_not_allowed',
          `${request.method} is not allowed on ${raw}; it answers ${allow}${raw.startsWith('/api/') ? ' (see /docs for the API)' : ''}`,
        ),
      );
  });
}
