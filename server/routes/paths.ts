import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, errorResponses, json } from '../schemas/common.js';
import { PathList, PathsQuery } from '../schemas/paths.js';
import type { ApiContext } from './context.js';
import { absentNode } from './nodes.js';
import { graphForYear } from './years.js';

export const pathRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.get(
    '/paths',
    {
      schema: {
        tags: ['graph'],
        summary: 'Shortest paths between two nodes',
        description:
          'Each path lists its nodes in order from `from` to `to`, and edges[i] joins nodes[i] and nodes[i+1]. Direction is ignored unless directed=true. ' +
          '`from` and `to` must differ (otherwise 400); an unknown `from` or `to` is a 404. As the graph stood in `asOf` (default: the latest ' +
          'year in the data): only links that held then, and a `from` or `to` no source of that year or earlier attests is a 404 that says when it first appears. ' +
          'No path runs along a link an editor rejected unless `includeRejected=true`.',
        querystring: PathsQuery,
        response: { 200: json(PathList, 'The shortest paths, shortest first'), ...errorResponses(400, 404, 500, 503) },
      },
    },
    async (request) => {
      const { from, to, maxLength, directed, limit, asOf, includeRejected } = request.query;
      if (from === to) {
        throw new ApiError(400, 'invalid_request', 'invalid querystring: to must differ from from', [
          { field: 'to', in: 'querystring', message: 'must differ from from' },
        ]);
      }
      const graph = await graphForYear(store, asOf, { includeRejected });
      const found = new Set((await graph.reader.getNodes([from, to])).map((n) => n.id));
      if (!found.has(from)) throw absentNode(graph, from, 'from');
      if (!found.has(to)) throw absentNode(graph, to, 'to');
      return { paths: await graph.reader.shortestPaths(from, to, { maxLength, directed, limit }) };
    },
  );
};
