// The built web UI (dist/web) at "/", with a single-page-app fallback; without a build, a page that says so.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from './errors.js';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Strategigraf</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}code{background:#f2f2f2;padding:0 .2em}</style>
</head>
<body>
<main>
<h1>Strategigraf</h1>
<p>The API is running, but the web UI is not built. Run <code>npm run build</code> (or start with <code>npm start</code>, which builds it) and reload.</p>
<p>Browse the API at <a href="/docs">/docs</a>; its OpenAPI description is at <a href="/openapi.json">/openapi.json</a>.</p>
</main>
</body>
</html>
`;

export function webRootUsable(webRoot: string | null | undefined): webRoot is string {
  return Boolean(webRoot) && existsSync(path.join(webRoot!, 'index.html')) && statSync(webRoot!).isDirectory();
}

/** Paths the SPA owns: GET/HEAD, outside /api and /docs, and without a file extension (a missing asset stays a 404). */
function isAppRoute(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const pathname = request.url.split('?')[0] ?? '/';
  if (pathname === '/api' || pathname.startsWith('/api/') || pathname.startsWith('/docs')) return false;
  return path.posix.extname(pathname) === '';
}

export async function registerWeb(app: FastifyInstance, webRoot: string | null | undefined): Promise<void> {
  if (webRootUsable(webRoot)) {
    await app.register(fastifyStatic, {
      root: path.resolve(webRoot),
      prefix: '/',
      index: ['index.html'],
      // Hashed assets may be cached for long; index.html must be revalidated so a rebuild shows up.
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
      if (isAppRoute(request)) return reply.header('cache-control', 'no-cache').sendFile('index.html');
      return notFound(request, reply);
    });
    return;
  }
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE));
  app.setNotFoundHandler(notFound);
}
