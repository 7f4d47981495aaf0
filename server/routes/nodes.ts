import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Neighborhood, NodeDetail } from '../../graph/schema/graph.js';
import { ApiError, errorResponses, json } from '../schemas/common.js';
import { NeighborsQuery, NodeIdParams, NodeList, NodeListQuery } from '../schemas/nodes.js';
import type { ApiContext } from './context.js';

export const noSuchNode = (id: string, field = 'id') => new ApiError(404, 'not_found', `no node with ${field} ${JSON.stringify(id)}`);

export const nodeRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.get(
    '/nodes',
    {
      schema: {
        tags: ['graph'],
        summary: 'List or search nodes',
        description: 'Without q, nodes in id order; with q, ranked: exact matches, then prefix matches, then other matches.',
        querystring: NodeListQuery,
        response: { 200: json(NodeList, 'One page of matching nodes and the total'), ...errorResponses(400, 500, 503) },
      },
    },
    async (request) => {
      const { kind, q, limit, offset } = request.query;
      return store.searchNodes({ ...(kind ? { kind } : {}), ...(q ? { q } : {}), limit, offset });
    },
  );

  app.get(
    '/nodes/:id',
    {
      schema: {
        tags: ['graph'],
        summary: 'One node with its properties and its degree per relationship type',
        params: NodeIdParams,
        response: { 200: json(NodeDetail, 'The node'), ...errorResponses(400, 404, 500, 503) },
      },
    },
    async (request) => {
      const node = await store.getNode(request.params.id);
      if (!node) throw noSuchNode(request.params.id);
      return node;
    },
  );

  app.get(
    '/nodes/:id/neighbors',
    {
      schema: {
        tags: ['graph'],
        summary: 'The neighbourhood of a node, following relationships in both directions',
        params: NodeIdParams,
        querystring: NeighborsQuery,
        response: { 200: json(Neighborhood, 'The start node, the nodes reached and the relationships between them'), ...errorResponses(400, 404, 500, 503) },
      },
    },
    async (request) => {
      const { depth, kinds, types, basis, limit } = request.query;
      const subgraph = await store.neighbors(request.params.id, {
        depth,
        limit,
        ...(kinds?.length ? { kinds } : {}),
        ...(types?.length ? { types } : {}),
        ...(basis ? { basis } : {}),
      });
      // The store answers an unknown start node with an empty subgraph; a known one always includes itself.
      if (subgraph.nodes.length === 0) throw noSuchNode(request.params.id);
      return subgraph;
    },
  );
};
