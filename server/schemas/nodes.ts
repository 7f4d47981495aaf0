import { z } from 'zod';
import { BASES, NODE_KINDS, RELATIONSHIP_TYPES } from '../../graph/ontology.js';
import { GraphNode } from '../../graph/schema/graph.js';
import { NodeIdText, queryInt, queryList } from './common.js';
import { asOfParam } from './time.js';
import { includeRejectedParam } from './reviews.js';

export const MAX_SEARCH_LENGTH = 200;

export const NodeListQuery = z.strictObject({
  kind: z
    .enum(NODE_KINDS, { error: (issue) => `unknown node kind ${JSON.stringify(issue.input)} (expected one of ${NODE_KINDS.join(', ')})` })
    .optional()
    .describe('Only nodes of this kind'),
  q: z
    .string()
    .max(MAX_SEARCH_LENGTH, `must be at most ${MAX_SEARCH_LENGTH} characters`)
    .optional()
    .describe('Case- and accent-insensitive search on names (nb and en), short names and ids; exact matches rank before prefix matches before other matches'),
  limit: queryInt(1, 500, 50, 'Page size'),
  offset: queryInt(0, 1_000_000, 0, 'Items to skip'),
  asOf: asOfParam,
});

export const NodeList = z
  .object({
    items: z.array(GraphNode),
    total: z.number().int().describe('Matching nodes in all, regardless of limit and offset'),
    suggestions: z
      .array(GraphNode)
      .optional()
      .describe('Only when q matched nothing: the nodes whose names come nearest (typos, word order, accents), best first; empty when none is near'),
  })
  .meta({ id: 'NodeList' });

export const NodeIdParams = z.strictObject({ id: NodeIdText.describe('Node id, e.g. "digdir"').meta({ example: 'digdir' }) });

export const NodeDetailQuery = z.strictObject({ asOf: asOfParam, includeRejected: includeRejectedParam });

export const NeighborsQuery = z.strictObject({
  depth: queryInt(1, 3, 1, 'How many hops from the node'),
  kinds: queryList(NODE_KINDS, 'node kind', 'Only reach nodes of these kinds'),
  types: queryList(RELATIONSHIP_TYPES, 'relationship type', 'Only follow relationships of these types'),
  basis: z
    .enum(BASES, { error: (issue) => `must be one of ${BASES.join(', ')} (got ${JSON.stringify(issue.input)})` })
    .optional()
    .describe('Only follow relationships with this basis: stated in the source, or inferred by an analyst'),
  limit: queryInt(1, 2000, 200, 'Most nodes in the subgraph, the start node included'),
  asOf: asOfParam,
  includeRejected: includeRejectedParam,
});
