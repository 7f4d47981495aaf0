// OpenAPI 3 generated from the routes' zod schemas, served at /openapi.json and browsable at /docs.
import { readFileSync } from 'node:fs';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DatasetFile } from '../../graph/schema/dataset.js';
import { PROJECT_ROOT } from '../paths.js';

const PACKAGE_VERSION = (JSON.parse(readFileSync(`${PROJECT_ROOT}/package.json`, 'utf8')) as { version: string }).version;

const DESCRIPTION = `The knowledge graph of Norway's digitalisation strategy «Én digital offentlig sektor» and its action plan.

Every response is JSON unless stated; every error is \`{"error": {"code", "message", "details"?}}\` with a 4xx status for a problem
with the request and a 5xx status only for a fault on the server. A path listed here, asked with a method it does not list,
answers 405 with an \`Allow\` header; an unknown path answers 404. Node ids are lowercase slugs (e.g. \`digdir\`).
Write routes name the role they need (reader < editor < admin) and answer 401 without a credential, 403 with too low a role.
A credential is \`Authorization: Bearer <token>\` (an API token from \`POST /api/tokens\`, or the server's STRATEGIGRAF_ADMIN_TOKEN),
or the session cookie of a browser signed in with OpenID Connect; a write made with the cookie must also send the session's
CSRF token (from \`GET /api/session\`) as \`X-CSRF-Token\`.`;

type Json = Record<string, unknown>;
type OpenApiDoc = Json & { paths?: Record<string, Record<string, Json>>; components?: { schemas?: Record<string, Json> } };

/** Component schemas reachable from the paths; everything else registered with zod (input twins, other modules') is left out. */
function pruneComponents(doc: OpenApiDoc): OpenApiDoc {
  const all = doc.components?.schemas ?? {};
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith('#/components/schemas/')) {
        const name = child.slice('#/components/schemas/'.length);
        if (!used.has(name)) {
          used.add(name);
          visit(all[name]);
        }
      } else visit(child);
    }
  };
  visit(doc.paths);
  const schemas = Object.fromEntries(
    Object.keys(all)
      .sort()
      .filter((n) => used.has(n))
      .map((n) => [n, all[n]!]),
  );
  return { ...doc, components: { ...doc.components, schemas } };
}

/** The dataset upload takes text (YAML or JSON); document the JSON shape with the seed-file schema from graph/. */
function documentDatasetBody(doc: OpenApiDoc): OpenApiDoc {
  const put = doc.paths?.['/api/dataset']?.['put'] as { requestBody?: { content?: Record<string, Json> } } | undefined;
  const content = put?.requestBody?.content;
  if (!content) return doc;
  for (const type of Object.keys(content)) {
    // One seed file may leave the header to another file, but the upload is the whole dataset in one file: it needs it.
    if (type === 'application/json')
      content[type] = { schema: { allOf: [{ $ref: '#/components/schemas/DatasetFile' }, { type: 'object', required: ['dataset'] }] } };
    else content[type] = { schema: { type: 'string', description: 'A seed file in YAML with the same fields as DatasetFile' } };
  }
  const datasetFile = z.toJSONSchema(DatasetFile, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as Json;
  delete datasetFile['$schema'];
  return { ...doc, components: { ...doc.components, schemas: { ...doc.components?.schemas, DatasetFile: datasetFile } } };
}

/**
 * What the route schemas cannot say about the follow-up: one finding and every change to it answer with an ETag header
 * (the version a change must send back in If-Match), and a reopen may come without a body.
 */
function documentFollowUp(doc: OpenApiDoc): OpenApiDoc {
  for (const [p, ops] of Object.entries(doc.paths ?? {})) {
    if (!p.startsWith('/api/findings/{id}')) continue;
    for (const op of Object.values(ops) as { responses?: Record<string, Json>; requestBody?: Json }[]) {
      const ok = op.responses?.['200'];
      if (ok)
        ok['headers'] = {
          ETag: { description: 'The version of the finding\'s follow-up, e.g. "3": send it in If-Match to change it', schema: { type: 'string' } },
        };
      if (p.endsWith('/reopen') && op.requestBody) op.requestBody['required'] = false;
    }
  }
  return doc;
}

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Strategigraf API', version: PACKAGE_VERSION, description: DESCRIPTION, license: { name: 'MIT' } },
      tags: [
        { name: 'status', description: 'Health and the shape of the graph' },
        { name: 'graph', description: 'Nodes, neighbourhoods and paths' },
        { name: 'query', description: 'Read-only Cypher for analysts' },
        { name: 'export', description: 'Downloads of the graph' },
        { name: 'admin', description: 'Write routes for admins' },
        { name: 'auth', description: 'Sign-in with OpenID Connect and the session of the web UI' },
        { name: 'tokens', description: 'API tokens for scripts and CI (admin)' },
        { name: 'findings', description: 'Follow-up of gap findings: owners, due dates, threads; changes need the editor role and If-Match' },
      ],
      components: {
        securitySchemes: {
          adminToken: { type: 'http', scheme: 'bearer', description: 'An API token, or the value of STRATEGIGRAF_ADMIN_TOKEN on the server' },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'strategigraf-session',
            description: 'The session cookie set by sign-in (named __Host-strategigraf-session over HTTPS); writes also need X-CSRF-Token',
          },
        },
      },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      // fastify-type-provider-zod drops a response's `headers` (the ETag of a versioned record): put them back.
      const given = (input.schema as { response?: Record<string, { headers?: unknown }> } | undefined)?.response;
      const made = (out.schema as { response?: Record<string, Record<string, unknown>> }).response;
      for (const [status, response] of Object.entries(given ?? {})) if (response?.headers && made?.[status]) made[status]['headers'] = response.headers;
      return out;
    },
    transformObject: (documentObject) => {
      const doc = jsonSchemaTransformObject(documentObject) as OpenApiDoc;
      return pruneComponents(documentFollowUp(documentDatasetBody(doc))) as ReturnType<typeof jsonSchemaTransformObject>;
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { deepLinking: true, validatorUrl: null, tryItOutEnabled: true } as Record<string, unknown>,
    staticCSP: false,
  });
  app.get('/openapi.json', { schema: { hide: true } }, async (_request, reply) => reply.header('cache-control', 'no-cache').send(app.swagger()));
}
