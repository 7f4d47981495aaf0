// The whole graph as Explore's overview draws it: every node and relationship the filters let through, gathered into
// groups when there are too many to draw (graph/overview/aggregate.ts). Grouping on the server keeps the answer small
// however large the graph: the browser gets tens of groups and counted links, not tens of thousands of relationships.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { aggregate } from '../../graph/overview/aggregate.js';
import { Overview } from '../../graph/schema/overview.js';
import { errorResponses, json } from '../schemas/common.js';
import { OverviewQuery } from '../schemas/overview.js';
import type { ApiContext } from './context.js';
import { graphForYear } from './years.js';

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
        response: { 200: json(Overview, 'The nodes, relationships, groups and counted links to draw'), ...errorResponses(400, 500, 503) },
      },
    },
    async (request) => {
      const { kinds, types, basis, open, asOf, includeRejected } = request.query;
      const graph = await graphForYear(store, asOf, { includeRejected });
      const whole = await graph.reader.snapshot();
      const kindSet = kinds?.length ? new Set<string>(kinds) : null;
      const typeSet = types?.length ? new Set<string>(types) : null;
      const nodes = kindSet ? whole.nodes.filter((n) => kindSet.has(n.kind)) : whole.nodes;
      const edges = whole.edges.filter((e) => (!typeSet || typeSet.has(e.type)) && (!basis || e.properties.basis === basis));
      return aggregate(nodes, edges, { open: open ?? [] });
    },
  );
};
