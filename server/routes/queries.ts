import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findNamedQuery, NAMED_QUERIES } from '../../graph/queries/named.js';
import { ApiError, errorResponses, json } from '../schemas/common.js';
import { NamedQueryArgs, NamedQueryList, NamedQueryParams, NamedQueryRows } from '../schemas/queries.js';
import type { ApiContext } from './context.js';
import { absentNode } from './nodes.js';
import { graphForYear } from './years.js';

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
        description:
          'As the graph stood in `asOf` (default: the latest year in the data): the answer names only nodes and links that held then, and a node ' +
          'no source of that year or earlier attests is a 404 that says when it first appears. Links an editor rejected do not answer unless `includeRejected=true`.',
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
      const { id, asOf, includeRejected } = request.query;
      // The rows name nodes (who leads, what depends on what), so they are read from the graph of the year like any node.
      const graph = await graphForYear(store, asOf, { includeRejected });
      if (!(await graph.reader.getNode(id))) throw absentNode(graph, id);
      return graph.reader.runNamed(name, { id });
    },
  );
};
