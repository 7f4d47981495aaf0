import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COVERAGE_PRESETS, GAP_RULES } from '../../graph/analysis/index.js';
import { NODE_KINDS, RELATIONSHIP_TYPES } from '../../graph/ontology.js';
import { body, build, type TestApp } from './helpers.js';

const COMMITTED = path.resolve(import.meta.dirname, '../../openapi.json');

type Operation = { summary?: string; tags?: string[]; responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> };
type Spec = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

let t: TestApp;
let served: Spec;
beforeAll(async () => {
  t = await build();
  const res = await t.app.inject({ url: '/openapi.json' });
  expect(res.statusCode).toBe(200);
  served = body(res);
});
afterAll(() => t.close());

describe('the OpenAPI document', () => {
  it('is served at /openapi.json and is valid OpenAPI 3 for an independent validator', async () => {
    expect(served.openapi).toMatch(/^3\./);
    const result = await validate(structuredClone(served) as never);
    expect(result.valid, JSON.stringify(result, null, 2)).toBe(true);
  });

  it('the committed openapi.json is valid too', async () => {
    const committed = JSON.parse(await readFile(COMMITTED, 'utf8'));
    const result = await validate(committed);
    expect(result.valid, JSON.stringify(result, null, 2)).toBe(true);
  });

  it('matches the committed openapi.json (run `npm run openapi` after changing a route or schema)', async () => {
    const committed = JSON.parse(await readFile(COMMITTED, 'utf8'));
    expect(served).toEqual(committed);
  });

  it('documents every route under /api, with a summary, a tag and its error responses', () => {
    const documented = Object.entries(served.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.sort()).toEqual(
      [
        'GET /api/health',
        'GET /api/schema',
        'GET /api/nodes',
        'GET /api/nodes/{id}',
        'GET /api/nodes/{id}/neighbors',
        'GET /api/overview',
        'GET /api/paths',
        'POST /api/query',
        'GET /api/queries',
        'GET /api/queries/{name}',
        'GET /api/gaps',
        'GET /api/coverage',
        'GET /api/coverage/presets',
        'GET /api/coverage/cell',
        'GET /api/timeline',
        'GET /api/years',
        'GET /api/history/{id}',
        'GET /api/diff',
        'GET /api/export',
        'GET /api/report',
        'PUT /api/dataset',
        'GET /api/dataset/status',
        'GET /api/session',
        'GET /api/auth/login',
        'GET /api/auth/callback',
        'POST /api/auth/logout',
        'POST /api/tokens',
        'GET /api/tokens',
        'DELETE /api/tokens/{id}',
        'GET /api/findings',
        'GET /api/findings/{id}',
        'POST /api/findings/{id}/acknowledge',
        'POST /api/findings/{id}/resolve',
        'POST /api/findings/{id}/accept-risk',
        'POST /api/findings/{id}/reopen',
        'POST /api/findings/{id}/comments',
        'GET /api/audit',
        'GET /api/records/{collection}',
        'GET /api/reviews',
        'GET /api/reviews/{target}',
        'POST /api/reviews/{target}/accept',
        'POST /api/reviews/{target}/reject',
        'POST /api/reviews/{target}/comments',
      ].sort(),
    );
    for (const [p, ops] of Object.entries(served.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.summary, `${method} ${p}`).toBeTruthy();
        expect(op.tags?.length, `${method} ${p}`).toBe(1);
        // Every operation documents its success: 200, 201 for a creation, a redirect for the sign-in steps.
        expect(
          Object.keys(op.responses).filter((s) => /^[23]\d\d$/.test(s)),
          `${method} ${p}`,
        ).toHaveLength(1);
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) >= 400 && Number(status) !== 422 && !(p === '/api/health' && status === '503')) {
            expect(response.content?.['application/json']?.schema.$ref, `${method} ${p} ${status}`).toBe('#/components/schemas/Error');
          }
        }
      }
    }
  });

  it('shares the Node, Edge, Neighborhood and Path shapes with graph/ as components', () => {
    for (const name of ['Node', 'Edge', 'Provenance', 'Neighborhood', 'Path', 'NodeDetail', 'CypherResult', 'Error', 'DatasetFile']) {
      expect(served.components.schemas, name).toHaveProperty(name);
    }
    expect(served.paths['/api/nodes/{id}/neighbors']!['get']!.responses['200']!.content!['application/json']!.schema.$ref).toBe(
      '#/components/schemas/Neighborhood',
    );
  });

  // What the server enforces, the document says: a fuzzer (or a client generator) working from it alone gets no surprises.
  const param = (p: string, name: string) => {
    const op = served.paths[p]!['get'] as unknown as { parameters: { name: string; schema: Record<string, unknown> }[] };
    return op.parameters.find((x) => x.name === name)!.schema;
  };

  it('documents every enum the server enforces, lists included', () => {
    expect(param('/api/nodes/{id}/neighbors', 'kinds')).toEqual({ type: 'array', items: { type: 'string', enum: [...NODE_KINDS] } });
    expect(param('/api/nodes/{id}/neighbors', 'types')).toEqual({ type: 'array', items: { type: 'string', enum: [...RELATIONSHIP_TYPES] } });
    expect(param('/api/gaps', 'rule')).toEqual({ type: 'string', enum: GAP_RULES.map((r) => r.id) });
    expect(param('/api/gaps', 'severity')['enum']).toEqual(['high', 'medium', 'low']);
    expect(param('/api/coverage', 'preset')['enum']).toEqual(COVERAGE_PRESETS.map((p) => p.id));
    expect(param('/api/export', 'format')['enum']).toEqual(['json', 'graphml', 'csv', 'cypher']);
  });

  it('documents numeric query parameters as bounded integers with their defaults', () => {
    expect(param('/api/nodes', 'offset')).toEqual({ type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 });
    expect(param('/api/nodes', 'limit')).toEqual({ type: 'integer', minimum: 1, maximum: 500, default: 50 });
    expect(param('/api/gaps', 'offset')).toMatchObject({ type: 'integer', minimum: 0, default: 0 });
    expect(param('/api/export', 'depth')).toEqual({ type: 'integer', minimum: 1, maximum: 3 });
  });

  it('states the rules between parameters that OpenAPI cannot express, and that they answer 400', () => {
    const description = (p: string) => (served.paths[p]!['get'] as unknown as { description: string }).description;
    expect(description('/api/export')).toMatch(/`depth` is only allowed together with `focus` \(otherwise 400\)/);
    expect(description('/api/coverage')).toMatch(/either `preset`, or both `rows` and `cols`.*400/);
    expect(description('/api/paths')).toMatch(/`from` and `to` must differ \(otherwise 400\)/);
  });

  it('documents the dataset upload as YAML or JSON with a bearer token or the session', () => {
    const put = served.paths['/api/dataset']!['put'] as unknown as { security: unknown; requestBody: { content: Record<string, unknown> } };
    expect(put.security).toEqual([{ adminToken: [] }, { session: [] }]);
    expect(Object.keys(put.requestBody.content)).toEqual(expect.arrayContaining(['application/yaml', 'application/json']));
    expect(put.requestBody.content['application/json']).toEqual({
      schema: { allOf: [{ $ref: '#/components/schemas/DatasetFile' }, { type: 'object', required: ['dataset'] }] },
    });
  });
});

describe('/docs', () => {
  it('serves swagger-ui, pointed at this API', async () => {
    const res = await t.app.inject({ url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('swagger-ui-bundle.js');
    // Only external scripts, so the CSP's script-src 'self' lets it run.
    expect(res.body).not.toMatch(/<script>(?!\s*<\/script>)/);
    const bundle = await t.app.inject({ url: '/docs/static/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
    const spec = await t.app.inject({ url: '/docs/json' });
    expect(body(spec)).toEqual(served);
  });

  it('redirects /docs to the UI', async () => {
    const res = await t.app.inject({ url: '/docs' });
    expect([200, 301, 302]).toContain(res.statusCode);
  });
});
