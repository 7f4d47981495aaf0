import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Neighborhood, NodeDetail } from '../../graph/schema/graph.js';
import { ApiError, errorResponses, json } from '../schemas/common.js';
import { NeighborsQuery, NodeDetailQuery, NodeIdParams, NodeList, NodeListQuery } from '../schemas/nodes.js';
import type { GraphAsOf } from '../../graph/projection/as-of.js';
import type { ApiContext } from './context.js';
import { graphForYear, shownGraphForYear } from './years.js';
import { nearestNames } from '../../graph/queries/suggest.js';
import { sendKept } from '../kept-responses.js';

/** How many nearest names a search that matched nothing offers. */
const SUGGESTION_LIMIT = 5;

export const noSuchNode = (id: string, field = 'id') => new ApiError(404, 'not_found', `no node with ${field} ${JSON.stringify(id)}`);

/**
 * The 404 for a node the graph of the year lacks: that no source of the year or earlier attests it, and when it first
 * appears, if it does; otherwise that there is no such node at all.
 */
export function absentNode(graph: GraphAsOf, id: string, field = 'id'): ApiError {
  const first = graph.firstAttested(id);
  if (first === null || graph.year === null || first <= graph.year) return noSuchNode(id, field);
  const what = field === 'id' ? JSON.stringify(id) : `${field} ${JSON.stringify(id)}`;
  return new ApiError(404, 'not_found', `no source of ${graph.year} or earlier attests ${what}; it first appears in ${first}`);
}

export const nodeRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.get(
    '/nodes',
    {
      schema: {
        tags: ['graph'],
        summary: 'List or search nodes',
        description:
          'Without q, nodes in id order; with q, ranked: exact matches, then prefix matches, then other matches. ' +
          'Only nodes a source of `asOf` or earlier attests (default: the latest year in the data).',
        querystring: NodeListQuery,
        response: { 200: json(NodeList, 'One page of matching nodes and the total'), ...errorResponses(400, 500, 503) },
      },
    },
    async (request) => {
      const { kind, q, limit, offset, asOf } = request.query;
      const graph = await graphForYear(store, asOf, { includeRejected: false });
      const page = await graph.reader.searchNodes({ ...(kind ? { kind } : {}), ...(q ? { q } : {}), limit, offset });
      if (!q || page.total > 0) return page;
      // Nothing matched: offer the nearest names the graph of that year holds, of the kind asked for.
      const nearest = nearestNames(await store.snapshot(), q, SUGGESTION_LIMIT * 3);
      const held = new Map((await graph.reader.getNodes(nearest)).map((n) => [n.id, n]));
      const suggestions = nearest.flatMap((id) => held.get(id) ?? []).filter((n) => !kind || n.kind === kind);
      return { ...page, suggestions: suggestions.slice(0, SUGGESTION_LIMIT) };
    },
  );

  app.get(
    '/nodes/:id',
    {
      schema: {
        tags: ['graph'],
        summary: 'One node with its properties and its degree per relationship type',
        description:
          'As the graph stood in `asOf` (default: the latest year in the data): the degree counts only links that held then, and a node no source ' +
          'of that year or earlier attests is a 404 that says when it first appears. Links an editor rejected are not counted unless ' +
          '`includeRejected=true`; every inferred field carries its review mark in `review`.',
        params: NodeIdParams,
        querystring: NodeDetailQuery,
        response: { 200: json(NodeDetail, 'The node'), ...errorResponses(400, 404, 500, 503) },
      },
    },
    async (request, reply) => {
      const { asOf, includeRejected } = request.query;
      const { id } = request.params;
      const review = { includeRejected };
      // The kept answer is looked up on the graph shown; the readers of graphForYear are built only to make a new one.
      return sendKept(
        reply,
        await shownGraphForYear(store, asOf, review),
        JSON.stringify(['node', id, includeRejected]),
        async () => {
          const graph = await graphForYear(store, asOf, review);
          const node = await graph.reader.getNode(id);
          if (!node) throw absentNode(graph, id);
          return node;
        },
        async (shown) => (await shownGraphForYear(store, asOf, review)).shown === shown,
      );
    },
  );

  app.get(
    '/nodes/:id/neighbors',
    {
      schema: {
        tags: ['graph'],
        summary: 'The neighbourhood of a node, following relationships in both directions',
        description:
          'As the graph stood in `asOf` (default: the latest year in the data): only nodes and links sources of that year or earlier attest, ' +
          'without links a source of that year or earlier ended. Links an editor rejected are left out unless `includeRejected=true`; every ' +
          'inferred link carries its review mark in `properties.review`.',
        params: NodeIdParams,
        querystring: NeighborsQuery,
        response: { 200: json(Neighborhood, 'The start node, the nodes reached and the relationships between them'), ...errorResponses(400, 404, 500, 503) },
      },
    },
    async (request, reply) => {
      const { depth, kinds, types, basis, limit, asOf, includeRejected } = request.query;
      const { id } = request.params;
      const review = { includeRejected };
      const answer = async () => {
        const graph = await graphForYear(store, asOf, review);
        const subgraph = await graph.reader.neighbors(id, {
          depth,
          limit,
          ...(kinds?.length ? { kinds } : {}),
          ...(types?.length ? { types } : {}),
          ...(basis ? { basis } : {}),
        });
        // The store answers an unknown start node with an empty subgraph; a known one always includes itself.
        if (subgraph.nodes.length === 0) throw absentNode(graph, id);
        return subgraph;
      };
      // Depth 1, what Explore asks on every expansion, is kept; deeper neighbourhoods are larger and asked for less.
      if (depth !== 1) return answer();
      return sendKept(
        reply,
        await shownGraphForYear(store, asOf, review),
        JSON.stringify(['neighbors', id, includeRejected, limit, kinds ?? [], types ?? [], basis ?? null]),
        answer,
        async (shown) => (await shownGraphForYear(store, asOf, review)).shown === shown,
      );
    },
  );
};
