// The whole graph as Explore's overview draws it: every node and relationship the filters let through, gathered into
// groups when there are too many to draw (graph/overview/aggregate.ts). Grouping on the server keeps the answer small
// however large the graph: the browser gets tens of groups and counted links, not tens of thousands of relationships.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { aggregate } from '../../graph/overview/aggregate.js';
import { Overview as OverviewSchema } from '../../graph/schema/overview.js';
import type { Overview } from '../../graph/overview/aggregate.js';
import type { GraphEdge, GraphNode } from '../../graph/schema/graph.js';
import { errorResponses, json } from '../schemas/common.js';
import { OverviewQuery } from '../schemas/overview.js';
import type { ApiContext } from './context.js';
import { graphForYear } from './years.js';

/**
 * Overviews already made, per graph as a request reads it: the stores and the review lens hand out the same snapshot
 * object until the data or a review decision changes it, so an entry can never outlive what it was made from.
 */
const cache = new WeakMap<object, Map<string, Overview<GraphNode, GraphEdge>>>();
/** Filter and open-group combinations kept per graph (the oldest goes first). */
const CACHED_PER_GRAPH = 32;

export const overviewRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.get(
    '/overview',
    {
      schema: {
        tags: ['graph'],
        summary: 'The whole graph, grouped when it is too large to draw node by node',
        description:
          'Every node and relationship the filters let through, as the graph stood in `asOf` (default: the latest year in the data), ' +
          'links an editor rejected left out unless `includeRejected=true`. Up to 600 nodes the answer is the graph itself; above, ' +
          'each kind with more than 12 nodes becomes a group (split into parts of at most 400 in name order), `open` lists groups ' +
          'whose members are shown one by one, and relationships with an end in a closed group are counted per pair of ends.',
        querystring: OverviewQuery,
        response: { 200: json(OverviewSchema, 'The nodes, relationships, groups and counted links to draw'), ...errorResponses(400, 500, 503) },
      },
    },
    async (request) => {
      const { kinds, types, basis, open, asOf, includeRejected } = request.query;
      const graph = await graphForYear(store, asOf, { includeRejected });
      const shown = await graph.reader.snapshot();
      const key = JSON.stringify([kinds ?? [], types ?? [], basis ?? '', [...(open ?? [])].sort()]);
      let answers = cache.get(shown);
      if (!answers) cache.set(shown, (answers = new Map()));
      const hit = answers.get(key);
      if (hit) return hit;
      const kindSet = kinds?.length ? new Set<string>(kinds) : null;
      const typeSet = types?.length ? new Set<string>(types) : null;
      const nodes = kindSet ? shown.nodes.filter((n) => kindSet.has(n.kind)) : shown.nodes;
      const edges = shown.edges.filter((e) => (!typeSet || typeSet.has(e.type)) && (!basis || e.properties.basis === basis));
      const overview = aggregate(nodes, edges, { open: open ?? [] });
      if (answers.size >= CACHED_PER_GRAPH) answers.delete(answers.keys().next().value!);
      answers.set(key, overview);
      return overview;
    },
  );
};
