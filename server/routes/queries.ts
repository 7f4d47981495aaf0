import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findNamedQuery, NAMED_QUERIES } from '../../graph/queries/named.js';
import { ApiError, errorResponses, json } from '../schemas/common.js';
import { NamedQueryArgs, NamedQueryList, NamedQueryParams, NamedQueryRows } from '../schemas/queries.js';
import type { ApiContext } from './context.js';

export const namedQueryRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.get(
    '/queries',
    {
      schema: {
        tags: ['queries'],
        summary: 'The named relationship queries: standing questions strategists ask of the graph',
        response: { 200: json(NamedQueryList, 'Every named query with its title and parameters'), ...errorResponses(500) },
      },
    },
    async () => ({
      items: NAMED_QUERIES.map((q) => ({ name: q.name, title: q.title, params: Object.keys(q.params.shape) })),
    }),
  );

  app.get(
    '/queries/:name',
    {
      schema: {
        tags: ['queries'],
        summary: 'Answer one named query for a node',
        params: NamedQueryParams,
        querystring: NamedQueryArgs,
        response: { 200: json(NamedQueryRows, 'The answer rows'), ...errorResponses(400, 404, 500, 503) },
      },
    },
    async (request) => {
      const { name } = request.params;
      if (!findNamedQuery(name)) {
        throw new ApiError(404, 'not_found', `no named query ${JSON.stringify(name)} (known: ${NAMED_QUERIES.map((q) => q.name).join(', ')})`);
      }
      if (!(await store.getNode(request.query.id))) throw new ApiError(404, 'not_found', `no node with id ${JSON.stringify(request.query.id)}`);
      return store.runNamed(name, request.query);
    },
  );
};
