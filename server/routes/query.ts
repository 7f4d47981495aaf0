import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CypherResult } from '../../graph/schema/graph.js';
import { errorResponses, json } from '../schemas/common.js';
import { QueryRequest } from '../schemas/query.js';
import type { ApiContext } from './context.js';

export const queryRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store, limits, rateLimits }) => {
  app.post(
    '/query',
    {
      config: { rateLimit: { max: rateLimits.query, timeWindow: '1 minute' } },
      schema: {
        tags: ['query'],
        summary: 'Run a read-only Cypher query',
        description:
          `Nodes, relationships and paths in the rows come as the Node, Edge and Path shapes of the other routes. ` +
          `A query that would write is refused (400, code read_only) and the graph stays unchanged. ` +
          `A query that runs past the server's timeout (STRATEGIGRAF_QUERY_TIMEOUT_MS, default 5000 ms; code query_timeout) or returns more rows than its cap ` +
          `(STRATEGIGRAF_QUERY_ROW_CAP, default 5000; code row_cap_exceeded) is stopped with a 400. ` +
          `LOAD, COPY, EXPORT, IMPORT, ATTACH, INSTALL, USE, CHECKPOINT and PROFILE are not allowed, nor more than one statement.`,
        body: QueryRequest,
        response: { 200: json(CypherResult, 'The columns and the rows'), ...errorResponses(400, 413, 415, 429, 500, 503) },
      },
    },
    async (request) => store.readQuery(request.body.cypher, request.body.params, limits),
  );
};
