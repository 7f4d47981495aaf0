import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, errorResponses, json } from '../schemas/common.js';
import { PathList, PathsQuery } from '../schemas/paths.js';
import type { ApiContext } from './context.js';
import { noSuchNode } from './nodes.js';

export const pathRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.get(
    '/paths',
    {
      schema: {
        tags: ['graph'],
        summary: 'Shortest paths between two nodes',
        description:
          'Each path lists its nodes in order from `from` to `to`, and edges[i] joins nodes[i] and nodes[i+1]. Direction is ignored unless directed=true. ' +
          '`from` and `to` must differ (otherwise 400); an unknown `from` or `to` is a 404.',
        querystring: PathsQuery,
        response: { 200: json(PathList, 'The shortest paths, shortest first'), ...errorResponses(400, 404, 500, 503) },
      },
    },
    async (request) => {
      const { from, to, maxLength, directed, limit } = request.query;
      if (from === to) {
        throw new ApiError(400, 'invalid_request', 'invalid querystring: to must differ from from', [
          { field: 'to', in: 'querystring', message: 'must differ from from' },
        ]);
      }
      const found = new Set((await store.getNodes([from, to])).map((n) => n.id));
      if (!found.has(from)) throw noSuchNode(from, 'from');
      if (!found.has(to)) throw noSuchNode(to, 'to');
      return { paths: await store.shortestPaths(from, to, { maxLength, directed, limit }) };
    },
  );
};
